// Labelled reply pairs for the canned-reply guard: realistic support replies in Spanish and English.
// `base` is a reply an employee keeps reusing ({name} and {order} change per customer); `edits` are the
// same reply lightly retouched (still canned); `personal` are genuine replies on the same topic that
// share its vocabulary (not canned). The bench and the unit tests read precision and recall from these.

export type LabelledPair = {
  a: string;
  b: string;
  namesA: string[];
  namesB: string[];
  nearDuplicate: boolean;
  language: 'es' | 'en';
  kind: 'name-and-number' | 'light-edit' | 'same-topic' | 'other-template' | 'short';
};

export type TemplateGroup = { language: 'es' | 'en'; base: string; edits: string[]; personal: string[] };

export const GROUPS: TemplateGroup[] = [
  {
    language: 'es',
    base: 'Hola {name}, siento mucho las molestias. He revisado tu pedido {order} y ya hemos emitido el reembolso; lo verás en tu cuenta en un plazo de 3 a 5 días hábiles. Un saludo.',
    edits: [
      'Buenas {name}, siento mucho las molestias. He revisado tu pedido {order} y ya hemos emitido el reembolso; lo verás en tu cuenta en un plazo de 3 a 5 días hábiles. Un saludo.',
      'Hola {name}, siento muchísimo las molestias. He revisado tu pedido {order} y ya hemos emitido el reembolso, lo verás en tu cuenta en un plazo de 3 a 5 días hábiles. ¡Un saludo!',
      'Hola {name}: siento mucho las molestias. He revisado su pedido {order} y ya hemos emitido el reembolso; lo verá en su cuenta en un plazo de 3 a 5 días hábiles. Un saludo.',
    ],
    personal: [
      '{name}, vaya faena lo de las zapatillas que llegaron con la suela despegada justo antes de la carrera. Te devuelvo el dinero ahora mismo y te mando un par nuevo por mensajero urgente para que llegues al sábado.',
      'Hola {name}, he visto que el reembolso del pedido {order} se quedó atascado porque la tarjeta estaba caducada. ¿Me confirmas un IBAN y lo hago por transferencia hoy mismo?',
    ],
  },
  {
    language: 'es',
    base: 'Hola {name}, gracias por escribirnos. Tu pedido {order} ha salido de nuestro almacén y lo recibirás mañana. Puedes seguir el envío con el enlace que te hemos mandado por correo.',
    edits: [
      'Hola {name}, gracias por escribirnos. Tu pedido {order} ha salido hoy de nuestro almacén y lo recibirás mañana. Puedes seguir el envío con el enlace que te hemos enviado por correo.',
      'Hola {name}! Gracias por escribirnos. Tu pedido {order} ha salido de nuestro almacén y lo recibirás mañana. Puedes seguir el envío con el enlace que te mandamos por correo. Saludos',
    ],
    personal: [
      '{name}, tu pedido sale hoy del almacén de Zaragoza; como me dijiste que mañana no estás en casa, he pedido al transportista que lo deje en la conserjería.',
      'Hola {name}, el enlace de seguimiento que te llegó por correo no funciona porque el transportista cambió de sistema. Te paso el nuevo: el paquete está en reparto y llegará mañana por la tarde.',
    ],
  },
  {
    language: 'es',
    base: 'Estimado/a {name}, lamentamos informarle de que el producto que solicitó está agotado en este momento. Le avisaremos por correo electrónico en cuanto vuelva a estar disponible.',
    edits: [
      'Estimado/a {name}, lamentamos informarle que el producto que solicitó está agotado en este momento. Le avisaremos por correo electrónico tan pronto como vuelva a estar disponible.',
      'Estimado {name}, lamentamos informarle de que el producto que solicitó está agotado en este momento. Le avisaremos por email en cuanto vuelva a estar disponible. Atentamente.',
    ],
    personal: [
      'Hola {name}, la cafetera roja que querías está agotada, pero la misma en negro sale del almacén hoy. Si prefieres esperar a la roja, te aviso yo personalmente la semana que viene cuando llegue el camión.',
    ],
  },
  {
    language: 'es',
    base: 'Hola {name}, para poder ayudarte necesito que me indiques el número de pedido y una foto del producto dañado. En cuanto lo reciba lo gestiono con prioridad.',
    edits: [
      'Hola {name}, para poder ayudarte necesito que me indiques el número del pedido y una foto del producto dañado. En cuanto lo reciba lo gestiono con máxima prioridad.',
      'Hola {name}. Para poder ayudarte necesito que me digas el número de pedido y una foto del producto dañado. En cuanto lo reciba lo gestiono con prioridad. Gracias',
    ],
    personal: [
      '{name}, por la foto que me mandaste la jarra llegó rota por el asa. No hace falta que la devuelvas: te envío otra hoy y la caja vieja la puedes reciclar.',
    ],
  },
  {
    language: 'es',
    base: 'Buenos días {name}. Hemos recibido su solicitud de baja del servicio y la procesaremos en las próximas 48 horas. Si cambia de opinión, puede responder a este mensaje.',
    edits: [
      'Buenos días {name}. Hemos recibido su solicitud de baja del servicio y la procesaremos en las próximas 48 horas. Si cambia de opinión, basta con responder a este mensaje.',
      'Buenas tardes {name}. Hemos recibido su solicitud de baja del servicio y la vamos a procesar en las próximas 48 horas. Si cambia de opinión, puede responder a este mensaje.',
    ],
    personal: [
      'Buenos días {name}, entiendo que quiera darse de baja después de tres cortes en una semana. Antes de procesarla, ¿me deja ofrecerle dos meses gratis mientras el técnico cambia el router?',
    ],
  },
  {
    language: 'es',
    base: 'Hola {name}, te confirmo que hemos cambiado la dirección de entrega de tu pedido {order}. Si necesitas cualquier otra cosa, aquí estamos para ayudarte.',
    edits: [
      'Hola {name}, te confirmo que ya hemos cambiado la dirección de entrega de tu pedido {order}. Si necesitas cualquier otra cosa aquí estamos para ayudarte.',
      'Hola {name}, te confirmo que hemos cambiado la dirección de entrega de tu pedido {order}. Si necesitas algo más, aquí estamos para ayudarte. Un abrazo',
    ],
    personal: [
      'Hola {name}, he cambiado la dirección a la de tu madre en Cádiz como me pediste; el repartidor la llamará antes de ir porque el portal no tiene timbre.',
    ],
  },
  {
    language: 'es',
    base: 'Hola {name}, disculpa la espera. Tu incidencia ha pasado al equipo técnico, que la revisará en un máximo de 24 horas. Te escribiré en cuanto tenga noticias.',
    edits: [
      'Hola {name}, disculpa la espera. Tu incidencia ha pasado al equipo técnico, que la revisará en un máximo de 24 horas. Te escribo en cuanto tenga novedades.',
      '¡Hola {name}! Disculpa la espera: tu incidencia ha pasado al equipo técnico, que la revisará en un máximo de 24 horas. Te escribiré en cuanto tenga noticias.',
    ],
    personal: [
      'Hola {name}, he hablado con Marcos, del equipo técnico: el fallo de la app al pagar con Bizum ya está localizado y sale una actualización el jueves. Mientras tanto, si pagas con tarjeta funciona.',
    ],
  },
  {
    language: 'es',
    base: 'Hola {name}, te he aplicado un descuento del 15 % en tu próxima compra como disculpa por el retraso. Lo verás automáticamente al pagar con tu cuenta.',
    edits: [
      'Hola {name}, te he aplicado un descuento del 20 % en tu próxima compra como disculpa por el retraso. Lo verás automáticamente al pagar con tu cuenta.',
      'Hola {name}, te he aplicado un descuento del 15 % en tu próxima compra como disculpa por el retraso, lo verás automáticamente al pagar con tu cuenta. ¡Gracias por tu paciencia!',
    ],
    personal: [
      '{name}, sé que el retraso te ha fastidiado el cumpleaños de tu hija. Te he aplicado un descuento en la próxima compra y, si quieres, te llamo mañana para ver cómo lo arreglamos.',
    ],
  },
  {
    language: 'en',
    base: 'Hi {name}, I am sorry for the trouble. I have checked your order {order} and issued a full refund; you will see it on your statement within 3 to 5 business days. Best regards.',
    edits: [
      'Hello {name}, I am sorry for the trouble. I have checked your order {order} and issued a full refund; you will see it on your statement within 3 to 5 business days. Best regards.',
      'Hi {name}, I am so sorry for the trouble. I have checked your order {order} and issued a full refund, you will see it on your statement within 3-5 business days. Kind regards.',
      'Hi {name}, sorry for the trouble. I checked your order {order} and issued a full refund; you will see it on your statement within 3 to 5 business days. Best regards.',
    ],
    personal: [
      '{name}, that jacket arriving with a broken zip the day before your trip to Scotland is awful. I have refunded it and sent a new one by express so it reaches you tomorrow morning.',
      'Hi {name}, the refund for order {order} bounced because the card on file had expired. Could you reply with the new card, or would you prefer store credit today?',
    ],
  },
  {
    language: 'en',
    base: 'Hi {name}, thanks for reaching out! Your order {order} has left our warehouse and should arrive tomorrow. You can track it with the link we sent to your email.',
    edits: [
      'Hi {name}, thanks for reaching out! Your order {order} left our warehouse today and should arrive tomorrow. You can track it with the link we sent to your email.',
      'Hey {name}, thank you for reaching out! Your order {order} has left our warehouse and should arrive tomorrow. You can track it using the link we sent to your email.',
    ],
    personal: [
      '{name}, your order left the Leeds warehouse this morning. Since you mentioned you are away tomorrow, I asked the courier to leave it with your neighbour at number 12.',
      'Hi {name}, the tracking link in your email is broken because the courier changed systems. Here is the new one: the parcel is out for delivery and should arrive tomorrow afternoon.',
    ],
  },
  {
    language: 'en',
    base: 'Dear {name}, we regret to inform you that the item you requested is currently out of stock. We will notify you by email as soon as it becomes available again.',
    edits: [
      'Dear {name}, we regret to inform you that the item you requested is out of stock at the moment. We will notify you by email as soon as it becomes available again.',
      'Dear {name}, we regret to inform you that the item you requested is currently out of stock. We will let you know by email as soon as it is available again. Sincerely.',
    ],
    personal: [
      'Hi {name}, the red kettle you wanted is out of stock, but the black one ships today. If you would rather wait for the red, I will personally let you know when the next delivery arrives.',
    ],
  },
  {
    language: 'en',
    base: 'Hi {name}, to help you with this I need your order number and a photo of the damaged item. As soon as I have them I will handle it as a priority.',
    edits: [
      'Hi {name}, to help you with this I will need your order number and a photo of the damaged item. As soon as I have them I will handle it as a top priority.',
      'Hi {name}. To help you with this I need the order number and a photo of the damaged item. Once I have them I will handle it as a priority. Thanks!',
    ],
    personal: [
      '{name}, from the photo you sent the mug cracked at the handle. No need to send it back: I am shipping another today and you can recycle the box.',
    ],
  },
  {
    language: 'en',
    base: 'Good morning {name}. We have received your request to cancel your subscription and it will be processed within 48 hours. If you change your mind, simply reply to this message.',
    edits: [
      'Good morning {name}. We have received your request to cancel your subscription and it will be processed within the next 48 hours. If you change your mind, just reply to this message.',
      'Good afternoon {name}. We have received your request to cancel your subscription and will process it within 48 hours. If you change your mind, simply reply to this message.',
    ],
    personal: [
      'Good morning {name}, I understand you want to cancel after three outages in one week. Before I process it, may I offer you two free months while the engineer replaces your router?',
    ],
  },
  {
    language: 'en',
    base: 'Hi {name}, apologies for the wait. Your case has been escalated to our technical team, who will review it within 24 hours. I will get back to you as soon as I hear from them.',
    edits: [
      'Hi {name}, apologies for the wait. Your case has been escalated to our technical team, who will look at it within 24 hours. I will get back to you as soon as I hear from them.',
      'Hi {name}! Apologies for the wait: your case has been escalated to our technical team, who will review it within 24 hours. I will get back to you once I hear from them.',
    ],
    personal: [
      'Hi {name}, I spoke with Priya on our technical team: the crash when paying with Apple Pay is found and a fix ships on Thursday. Until then, paying by card works.',
    ],
  },
  {
    language: 'en',
    base: 'Hi {name}, I have applied a 15% discount to your next purchase as an apology for the delay. It will show up automatically at checkout when you are signed in.',
    edits: [
      'Hi {name}, I have applied a 20% discount to your next purchase as an apology for the delay. It will show up automatically at checkout when you are signed in.',
      'Hi {name}, I have applied a 15% discount to your next purchase as an apology for the delay; it will show up automatically at checkout when you are signed in. Thanks for your patience!',
    ],
    personal: [
      '{name}, I know the delay spoiled your daughter\'s birthday. I have added a discount to your next purchase and, if you like, I will call you tomorrow to see how we can make it right.',
    ],
  },
];

const SHORT: Array<{ language: 'es' | 'en'; text: string }> = [
  { language: 'es', text: 'Gracias' },
  { language: 'es', text: '¡Gracias, {name}!' },
  { language: 'es', text: 'Ok, perfecto' },
  { language: 'es', text: 'De nada, {name}. ¡Un saludo!' },
  { language: 'es', text: 'Lo reviso y te digo' },
  { language: 'en', text: 'Thanks!' },
  { language: 'en', text: 'Ok' },
  { language: 'en', text: 'You are welcome, {name}!' },
  { language: 'en', text: 'Let me check and get back to you' },
];

const NAMES: Record<'es' | 'en', Array<{ name: string; order: string }>> = {
  es: [
    { name: 'Ana García', order: '#A-10234' },
    { name: 'Luis Pérez', order: 'PED-88812' },
    { name: 'María José Ruiz', order: '4471-2209' },
    { name: 'Javier Martín', order: '#B-55021' },
  ],
  en: [
    { name: 'John Smith', order: '#100234' },
    { name: 'Emily Clark', order: 'ORD-77120' },
    { name: 'Michael Brown', order: 'W-4471-22' },
    { name: 'Sarah Johnson', order: '#330-991' },
  ],
};

const fill = (template: string, who: { name: string; order: string }, firstNameOnly: boolean) =>
  template.replaceAll('{name}', firstNameOnly ? (who.name.split(' ')[0] as string) : who.name).replaceAll('{order}', who.order);

export function labelledPairs(): LabelledPair[] {
  const pairs: LabelledPair[] = [];
  GROUPS.forEach((g, gi) => {
    const people = NAMES[g.language];
    const p = (i: number) => people[(gi + i) % people.length] as { name: string; order: string };
    const pair = (a: string, ai: number, b: string, bi: number, nearDuplicate: boolean, kind: LabelledPair['kind']) =>
      pairs.push({
        // Employees write the first name in one reply and the full name in another.
        a: fill(a, p(ai), ai % 2 === 0),
        b: fill(b, p(bi), bi % 2 === 1),
        namesA: [p(ai).name],
        namesB: [p(bi).name],
        nearDuplicate,
        language: g.language,
        kind,
      });
    pair(g.base, 0, g.base, 1, true, 'name-and-number');
    pair(g.base, 2, g.base, 3, true, 'name-and-number');
    g.edits.forEach((e, i) => pair(g.base, 0, e, i + 1, true, 'light-edit'));
    if (g.edits.length > 1) pair(g.edits[0] as string, 1, g.edits[1] as string, 2, true, 'light-edit');
    g.personal.forEach((t, i) => {
      pair(g.base, 0, t, i + 1, false, 'same-topic');
      pair(g.edits[0] as string, 2, t, i + 3, false, 'same-topic');
    });
    const next = GROUPS.find((o, oi) => oi > gi && o.language === g.language);
    if (next) pair(g.base, 0, next.base, 1, false, 'other-template');
  });
  // Short replies are sent to everyone; they are never called canned.
  for (const s of SHORT) {
    const people = NAMES[s.language];
    pairs.push({ a: fill(s.text, people[0]!, true), b: fill(s.text, people[1]!, true), namesA: [people[0]!.name], namesB: [people[1]!.name], nearDuplicate: false, language: s.language, kind: 'short' });
  }
  return pairs;
}
