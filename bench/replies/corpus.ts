import { base, en, es, Faker } from '@faker-js/faker';
import { GROUPS } from '../../packages/server/test/replies-pairs.data.ts';

// Deterministic corpus of employee replies for the bench: reused templates (lightly retouched, with
// each customer's name and order number) and personal replies composed from varied sentences with
// their own details, which share vocabulary and whole sentences the way real support replies do.

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

const FIRST = {
  es: ['Ana', 'Luis', 'María', 'Javier', 'Carmen', 'Pablo', 'Lucía', 'Diego', 'Elena', 'Sergio', 'Marta', 'Raúl', 'Irene', 'Andrés', 'Nuria', 'Jorge'],
  en: ['John', 'Emily', 'Michael', 'Sarah', 'David', 'Laura', 'James', 'Olivia', 'Daniel', 'Grace', 'Thomas', 'Chloe', 'Robert', 'Hannah', 'Peter', 'Alice'],
};
const LAST = {
  es: ['García', 'Pérez', 'Ruiz', 'Martín', 'López', 'Sánchez', 'Gómez', 'Díaz', 'Moreno', 'Romero', 'Navarro', 'Torres'],
  en: ['Smith', 'Clark', 'Brown', 'Johnson', 'Taylor', 'Walker', 'Wright', 'Hughes', 'Evans', 'Carter', 'Turner', 'Baker'],
};

const SLOTS = {
  es: {
    product: ['la cafetera', 'las zapatillas', 'el abrigo', 'la lámpara', 'el router', 'la bicicleta', 'el colchón', 'la mochila', 'el móvil', 'la tostadora'],
    city: ['Zaragoza', 'Cádiz', 'Bilbao', 'Valencia', 'Sevilla', 'Vigo', 'Murcia', 'Gijón', 'Toledo', 'Lleida'],
    day: ['el lunes', 'el martes', 'el miércoles', 'el jueves', 'el viernes', 'el sábado', 'mañana', 'pasado mañana'],
    person: ['Marcos', 'Rocío', 'Íñigo', 'Paula', 'Tomás', 'Alba'],
    issue: ['llegó rota', 'no enciende', 'hace un ruido raro', 'vino sin el cable', 'tiene una mancha', 'es de otra talla', 'se calienta demasiado'],
  },
  en: {
    product: ['the kettle', 'the trainers', 'the coat', 'the lamp', 'the router', 'the bike', 'the mattress', 'the backpack', 'the phone', 'the toaster'],
    city: ['Leeds', 'Bristol', 'Glasgow', 'Cardiff', 'York', 'Belfast', 'Norwich', 'Bath', 'Dundee', 'Exeter'],
    day: ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'on Saturday', 'tomorrow', 'the day after tomorrow'],
    person: ['Priya', 'Tom', 'Megan', 'Callum', 'Aisha', 'Ben'],
    issue: ['arrived broken', 'does not switch on', 'makes a strange noise', 'came without the cable', 'has a stain', 'is the wrong size', 'gets far too hot'],
  },
};

const SENTENCES = {
  es: [
    'Siento lo de {product}, que {issue} justo cuando más lo necesitabas.',
    'He hablado con {person}, del almacén de {city}, y me confirma que sale {day}.',
    'Te mando otra unidad por mensajero urgente y la antigua la puedes quedar o reciclar.',
    'Como me dijiste que {day} no estás en casa, he pedido que lo dejen en la conserjería.',
    'Te he devuelto el importe completo y además te regalo el envío del próximo pedido.',
    '¿Te viene bien que te llame {day} por la tarde para revisarlo juntos?',
    'He dejado una nota en tu ficha para que nadie te vuelva a pedir la foto de {product}.',
    'El técnico, {person}, pasará {day} entre las nueve y las once.',
    'Si prefieres cambiarlo por otro modelo, dime cuál y lo preparo hoy mismo en {city}.',
    'He revisado tus pedidos anteriores y veo que ya te pasó algo parecido en verano; lo siento de verdad.',
    'He pedido a {person} que lo revise en persona antes de enviarlo para que no vuelva a pasar.',
    'Mientras tanto te presto uno de sustitución para que no te quedes sin {product}.',
    'Lo de {product} en {city} ha sido culpa nuestra: el transportista se equivocó de portal.',
    'Tu hermana me explicó por teléfono lo del regalo y ya está todo en marcha.',
    'He encontrado tu factura de {day} y efectivamente el cobro salió duplicado.',
    'La garantía cubre {product} dos años más, así que no tendrás que pagar nada.',
    '{person} me ha pasado las fotos y se ve claramente que {issue}.',
    'Veo que eres cliente desde hace seis años; no es la experiencia que te mereces.',
    'He bloqueado la renovación automática hasta que resolvamos lo del cargo.',
    'Si quieres, puedo reservarte {product} en la tienda de {city} para que lo recojas {day}.',
    'Me apunto tu teléfono nuevo para que el repartidor te avise antes de llegar.',
    'El fallo de la aplicación al pagar ya está localizado y sale una actualización {day}.',
    'He cancelado el pedido duplicado y solo te llegará uno.',
    'Te escribo yo directamente para que no tengas que volver a contarlo desde el principio.',
  ],
  en: [
    'I am sorry about {product}, which {issue} just when you needed it most.',
    'I spoke with {person} at the {city} warehouse and they confirm it ships {day}.',
    'I am sending you another one by express courier, and you can keep or recycle the old one.',
    'Since you told me you are out {day}, I asked them to leave it with your neighbour.',
    'I have refunded the full amount and your next delivery is on us as well.',
    'Would it suit you if I called you {day} afternoon so we can go through it together?',
    'I left a note on your account so nobody asks you for a photo of {product} again.',
    'Our engineer, {person}, will come by {day} between nine and eleven.',
    'If you would rather swap it for another model, tell me which and I will prepare it today in {city}.',
    'I looked at your previous orders and I see something similar happened in the summer; I am truly sorry.',
    'I asked {person} to check it in person before it ships so this does not happen again.',
    'Meanwhile I am lending you a replacement so you are not left without {product}.',
    'The mix-up with {product} in {city} was our fault: the courier went to the wrong door.',
    'Your sister explained the gift over the phone and everything is under way.',
    'I found your invoice from {day} and the charge was indeed taken twice.',
    'The warranty covers {product} for two more years, so you will not pay anything.',
    '{person} sent me the photos and you can clearly see it {issue}.',
    'I can see you have been with us for six years; this is not the experience you deserve.',
    'I have paused the automatic renewal until we sort out the charge.',
    'If you like, I can reserve {product} at our {city} shop for you to collect {day}.',
    'I have noted your new number so the driver calls you before arriving.',
    'The app crash at checkout has been found and an update ships {day}.',
    'I cancelled the duplicate order, so only one will reach you.',
    'I am writing to you myself so you do not have to explain it all again.',
  ],
};

export type Customer = { name: string; language: 'es' | 'en' };

export const customerName = (rng: Rng, language: 'es' | 'en') => `${pick(rng, FIRST[language])} ${pick(rng, LAST[language])}`;
const orderCode = (rng: Rng) => `${pick(rng, ['#', 'PED-', 'ORD-', '#A-', ''])}${Math.floor(10000 + rng() * 89999)}`;

// A reused template, as an employee would paste it for this customer.
export function cannedReply(rng: Rng, customer: Customer): string {
  const groups = GROUPS.filter((g) => g.language === customer.language);
  const g = pick(rng, groups);
  const variant = rng() < 0.6 ? g.base : pick(rng, g.edits);
  const name = rng() < 0.5 ? (customer.name.split(' ')[0] as string) : customer.name;
  return variant.replaceAll('{name}', name).replaceAll('{order}', orderCode(rng));
}

// A personal reply: one stock sentence about their situation plus details nobody else gets (random
// words from faker's dictionaries stand in for them: what matters here is that they differ).
const fakers = { es: new Faker({ locale: [es, en, base] }), en: new Faker({ locale: [en, base] }) };

export function personalReply(rng: Rng, customer: Customer): string {
  const slots = SLOTS[customer.language];
  const faker = fakers[customer.language];
  faker.seed(Math.floor(rng() * 2 ** 31));
  const first = customer.name.split(' ')[0] as string;
  const stock = pick(rng, SENTENCES[customer.language]).replace(/\{(\w+)\}/g, (_, slot: keyof typeof slots) => pick(rng, slots[slot]));
  const details = Array.from({ length: 2 }, () => `${faker.word.words({ count: { min: 8, max: 14 } })}.`).join(' ');
  return `${first}, ${stock.charAt(0).toLowerCase()}${stock.slice(1)} ${details}`;
}
