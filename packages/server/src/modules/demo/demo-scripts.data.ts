import type { Locale } from '../../platform/db/database.types.ts';

// Conversation scripts for demo data. The emotion engine later learns from these texts, so each
// topic carries its own mood and customers' lines range from grateful to furious.
// Placeholders: {name} customer, {agent} employee, {order}, {amount}, {days}, {product}, {plan};
// [o/a] agrees a Spanish adjective with the customer.

export type DemoTeam = 'Soporte' | 'Ventas';

export type TopicKey =
  | 'delivery_delay'
  | 'billing'
  | 'damaged'
  | 'complaint'
  | 'account'
  | 'refund'
  | 'question'
  | 'cancellation'
  | 'praise'
  | 'thanks';

// How a conversation tends to go: only negative topics may get worse before they end.
export type TopicTone = 'negative' | 'neutral' | 'positive';

// One storyline, so its lines fit together: replies[i] is the first answer to openings[i].
export type Thread = {
  subject: string;
  openings: readonly string[];
  replies: readonly string[];
  followUps: readonly string[];
};

export type Topic = {
  team: DemoTeam;
  tone: TopicTone;
  threads: readonly Thread[];
};

export type Script = {
  topics: Record<TopicKey, Topic>;
  greetings: readonly string[];
  agentFollowUps: readonly string[];
  agentPendingAsks: readonly string[];
  // Said on its own after the customer's goodbye, or appended to a single reply.
  agentClosings: readonly string[];
  thanksBack: readonly string[];
  // For a customer whose mood got worse: no cheerful sign-off.
  agentApologies: readonly string[];
  escalations: readonly string[];
  // A customer still waiting once the storyline has run out of things to say.
  nudges: readonly string[];
  thanks: readonly string[];
  coldClosings: readonly string[];
  products: readonly string[];
  plans: readonly string[];
};

export const topicWeights: readonly { value: TopicKey; weight: number }[] = [
  { value: 'delivery_delay', weight: 18 },
  { value: 'billing', weight: 12 },
  { value: 'damaged', weight: 8 },
  { value: 'complaint', weight: 9 },
  { value: 'account', weight: 10 },
  { value: 'refund', weight: 8 },
  { value: 'question', weight: 16 },
  { value: 'cancellation', weight: 6 },
  { value: 'praise', weight: 6 },
  { value: 'thanks', weight: 7 },
];

const es: Script = {
  topics: {
    delivery_delay: {
      team: 'Soporte',
      tone: 'negative',
      threads: [
        {
          subject: 'Pedido {order} sin entregar',
          openings: [
            'Hola, hice el pedido {order} hace {days} días y todavía no ha llegado. ¿Qué ha pasado?',
            'Es increíble. Pagué envío urgente y llevo {days} días esperando el pedido {order}.',
            'Necesito {product} para este fin de semana y el pedido {order} sigue "en preparación". ¿Llegará a tiempo?',
          ],
          replies: [
            'siento mucho el retraso con el pedido {order}. Hubo una incidencia en el centro logístico y te lo enviamos hoy por mensajería urgente, sin coste.',
            'tienes toda la razón, y te devolvemos el importe del envío urgente. El paquete sale hoy del almacén y te llegará en 24 horas.',
            'lo he revisado y sí, llegará a tiempo: sale hoy por mensajería urgente y lo tendrás el jueves.',
          ],
          followUps: ['¿Me podéis dar al menos una fecha aproximada?', 'Vale, pero si no llega el viernes ya no me sirve.'],
        },
        {
          subject: 'Seguimiento del pedido {order}',
          openings: [
            'Buenas. El seguimiento del pedido {order} lleva una semana sin moverse. Me estoy empezando a preocupar.',
            'El transportista dice que no tiene mi paquete, pero vuestra web dice que está enviado. No entiendo nada.',
          ],
          replies: [
            'entiendo tu preocupación. He abierto una incidencia con el transportista y ya han localizado el paquete en su almacén de reparto.',
            'he revisado el pedido {order}: el número de seguimiento estaba mal asignado. Te acabo de enviar el correcto por correo.',
          ],
          followUps: ['¿Y cuándo me lo entregan, entonces?', '¿Tengo que estar en casa para recibirlo?'],
        },
      ],
    },
    billing: {
      team: 'Soporte',
      tone: 'negative',
      threads: [
        {
          subject: 'Cobro duplicado',
          openings: [
            'Me habéis cobrado dos veces {amount} este mes. Quiero que me devolváis el dinero ya.',
            'Hola, en mi cuenta aparecen dos cargos de {amount} con la misma fecha. ¿Qué ha pasado?',
          ],
          replies: [
            'tienes toda la razón, hubo un error en el sistema de cobros. Ya he emitido la devolución de {amount}.',
            'lo he comprobado y, efectivamente, el cargo se duplicó. Disculpa las molestias; el reembolso de {amount} ya está en marcha.',
          ],
          followUps: ['¿Cuánto tardará en aparecer la devolución en mi cuenta?', 'Os he mandado el extracto del banco por si os hace falta.'],
        },
        {
          subject: 'Duda con mi factura',
          openings: [
            'Cambié al plan {plan} y me seguís cobrando el precio antiguo.',
            '¿Por qué ha subido la cuota sin avisar? Nadie me informó de ningún cambio.',
          ],
          replies: [
            'disculpa la confusión. He corregido la factura y a partir de este mes verás el precio del plan {plan}.',
            'tienes razón en que deberíamos haberlo avisado mejor. La subida se debe a la revisión anual; te envío el desglose y te aplico el precio anterior este mes.',
          ],
          followUps: ['Necesito la factura corregida para presentarla en la empresa.', 'Pues nadie me lo explicó en su momento.'],
        },
      ],
    },
    damaged: {
      team: 'Soporte',
      tone: 'negative',
      threads: [
        {
          subject: '{product} ha llegado roto',
          openings: [
            'Me ha llegado {product} con la caja destrozada y una pieza rota. Qué pena, era un regalo.',
            'Qué disgusto. Esperaba con mucha ilusión {product} y ha llegado roto.',
          ],
          replies: [
            'lamento muchísimo que {product} haya llegado así. Te enviamos uno nuevo hoy mismo y un mensajero recogerá el dañado.',
            'qué mala suerte, de verdad. Ya he tramitado el cambio; no tienes que pagar nada ni devolver el roto hasta que te llegue el nuevo.',
          ],
          followUps: ['¿Tengo que estar en casa cuando pase el mensajero?', 'Ojalá llegue antes del cumpleaños, que es el sábado.'],
        },
        {
          subject: 'Producto defectuoso',
          openings: [
            'Abrí el pedido {order} y {product} no enciende. Estoy muy decepcionad[o/a] con la compra.',
            'Hola, {product} hace un ruido muy raro desde el primer día. Os adjunto un vídeo.',
          ],
          replies: [
            'siento mucho que te haya salido defectuoso. ¿Prefieres que te lo cambiemos por uno nuevo o que te devolvamos el dinero?',
            'gracias por el vídeo, con eso es suficiente. Lo cubre la garantía y he gestionado la reposición del pedido {order}.',
          ],
          followUps: ['Prefiero uno nuevo; la verdad es que me gustaba mucho.', 'Os he enviado también una foto de la etiqueta.'],
        },
      ],
    },
    complaint: {
      team: 'Soporte',
      tone: 'negative',
      threads: [
        {
          subject: 'Queja formal',
          openings: [
            'Estoy hart[o/a]. Es la tercera vez que escribo y nadie me da una solución.',
            'Llevo {days} días esperando una respuesta sobre el pedido {order}. ¿Os parece normal?',
          ],
          replies: [
            'tienes razón en estar molest[o/a]. He escalado tu caso al responsable del equipo y me encargo yo personalmente de que se resuelva hoy.',
            'no, no es normal, y te pido disculpas en nombre de todo el equipo. Ya tengo todo lo necesario; no hace falta que lo expliques otra vez.',
          ],
          followUps: ['No quiero excusas, quiero que alguien se haga responsable.', 'Vale. A ver si esta vez es verdad.'],
        },
        {
          subject: 'Muy mala experiencia',
          openings: [
            'Quiero poner una queja. Ayer me atendieron por teléfono de muy malas maneras.',
            'Vuestro servicio ha empeorado muchísimo. Antes era cliente fiel, ahora me lo estoy pensando.',
          ],
          replies: [
            'siento de verdad cómo te atendimos. No es el trato que queremos dar y lo voy a revisar con el equipo.',
            'gracias por decírnoslo, aunque sea por algo malo. Como compensación te he aplicado un 20 % de descuento en tu próximo pedido.',
          ],
          followUps: ['Quiero hablar con un responsable.', 'Espero que sirva para que no le pase a nadie más.'],
        },
      ],
    },
    account: {
      team: 'Soporte',
      tone: 'negative',
      threads: [
        {
          subject: 'Cuenta bloqueada',
          openings: [
            'Me dice que mi cuenta está bloqueada. ¿Me han hackeado? Estoy muy nervios[o/a].',
            'He recibido un aviso de inicio de sesión desde otro país y no he sido yo. Tengo miedo.',
          ],
          replies: [
            'tranquil[o/a], tu cuenta está protegida. La bloqueamos de forma preventiva y no ha habido ningún movimiento extraño.',
            'he cerrado todas las sesiones abiertas y bloqueado ese acceso. Tus datos de pago no se han visto comprometidos.',
          ],
          followUps: ['¿Mis datos de pago están seguros?', '¿Y qué hago para que no vuelva a pasar?'],
        },
        {
          subject: 'No puedo acceder a mi cuenta',
          openings: [
            'No me llega el correo para restablecer la contraseña.',
            'No puedo entrar en mi cuenta y tengo que descargar una factura urgentemente. ¡Ayuda, por favor!',
          ],
          replies: [
            'te acabo de enviar un enlace nuevo para crear la contraseña; a veces tarda un par de minutos en llegar.',
            'he desbloqueado tu cuenta y te he enviado la factura por correo para que no tengas que esperar.',
          ],
          followUps: ['Ya he mirado en la carpeta de spam y no hay nada.', 'Lo he intentado otra vez y sigue sin funcionar.'],
        },
      ],
    },
    refund: {
      team: 'Soporte',
      tone: 'negative',
      threads: [
        {
          subject: 'Reembolso pendiente',
          openings: [
            'Devolví el pedido {order} hace {days} días y todavía no he recibido el reembolso.',
            'Me dijisteis que el reembolso tardaría 5 días y ya van dos semanas.',
          ],
          replies: [
            'he comprobado que recibimos tu devolución. El reembolso de {amount} ya está emitido y lo verás en 2 o 3 días.',
            'perdona la espera, se quedó atascado en una revisión. Lo he priorizado y lo verás en tu cuenta en 48 horas.',
          ],
          followUps: ['Necesito ese dinero, no es poca cosa.', '¿Me lo podéis confirmar por escrito?'],
        },
        {
          subject: 'Devolución de {product}',
          openings: ['¿Cómo puedo devolver {product}? No es lo que esperaba.', 'Quiero devolver {product}; lo he probado y no me convence.'],
          replies: [
            'puedes devolverlo gratis durante 30 días. Te acabo de enviar la etiqueta por correo.',
            'sin problema. He generado la devolución: solo tienes que dejar el paquete en cualquier oficina de correos.',
          ],
          followUps: ['Perfecto. ¿Y el reembolso cuánto tarda?', '¿Tiene que ir en la caja original? Ya la tiré.'],
        },
      ],
    },
    question: {
      team: 'Ventas',
      tone: 'neutral',
      threads: [
        {
          subject: 'Consulta sobre el plan {plan}',
          openings: [
            'Hola, ¿el plan {plan} incluye soporte por teléfono?',
            'Estoy pensando en contratar el plan {plan} para mi equipo de 12 personas. ¿Tenéis descuento por volumen?',
          ],
          replies: [
            'sí, el plan {plan} incluye soporte por teléfono en horario laboral y por chat las 24 horas.',
            'claro. Para equipos de más de 10 personas aplicamos un 15 % de descuento sobre el plan {plan}.',
          ],
          followUps: ['¿Y se puede pagar de forma anual?', 'Genial. ¿Hay periodo de prueba?'],
        },
        {
          subject: 'Información antes de comprar',
          openings: ['¿{product} es compatible con el modelo anterior?', 'Buenas tardes, ¿hacéis envíos a Canarias?'],
          replies: [
            'sí, es totalmente compatible. Además tiene dos años de garantía.',
            'sí, enviamos a Canarias en 3-5 días laborables y los gastos de aduana corren de nuestra cuenta.',
          ],
          followUps: ['¿Tenéis stock ahora mismo?', '¿Y se puede pagar a plazos?'],
        },
      ],
    },
    cancellation: {
      team: 'Ventas',
      tone: 'neutral',
      threads: [
        {
          subject: 'Baja del servicio',
          openings: ['Quiero darme de baja. Me da pena, pero ahora mismo no puedo pagarlo.', 'Voy a cancelar, el servicio ya no me compensa.'],
          replies: [
            'siento que te vayas. Si te ayuda, puedo ofrecerte tres meses a mitad de precio.',
            'entiendo. He programado la baja para final de mes; hasta entonces mantienes todas las funciones.',
          ],
          followUps: ['¿Pierdo lo que ya he pagado este mes?', 'Lo pensaré, gracias por la oferta.'],
        },
        {
          subject: 'Exportar datos y cancelar',
          openings: [
            'Nos cambiamos de proveedor el mes que viene. ¿Qué pasa con nuestros datos?',
            'Hola, ¿cómo cancelo la suscripción al plan {plan}? Necesito exportar todo antes.',
          ],
          replies: [
            'puedes exportar tus datos desde Ajustes > Exportar. Los conservamos 30 días por si cambias de idea.',
            'te he preparado la exportación completa y la baja queda programada para final de mes.',
          ],
          followUps: ['¿En qué formato se exportan?', '¿Y después lo borráis todo?'],
        },
      ],
    },
    praise: {
      team: 'Soporte',
      tone: 'positive',
      threads: [
        {
          subject: '¡Enhorabuena al equipo!',
          openings: [
            '¡Me ha encantado {product}! Es todavía mejor de lo que esperaba.',
            'El pedido {order} llegó en un día y perfectamente empaquetado. ¡Qué maravilla!',
          ],
          replies: [
            '¡qué alegría leer esto! Se lo paso al equipo, les va a hacer mucha ilusión.',
            'muchísimas gracias por tomarte el tiempo de escribirnos. Mensajes así nos dan energía.',
          ],
          followUps: ['Ya os he recomendado a toda mi familia.', 'Seguro que repito muy pronto.'],
        },
        {
          subject: 'Encantad[o/a] con el servicio',
          openings: [
            'Solo quería deciros que sois los mejores. Da gusto comprar aquí.',
            'Llevo años siendo cliente y cada vez estoy más content[o/a]. ¡Seguid así!',
          ],
          replies: [
            'nos alegra un montón que estés content[o/a]. ¡Aquí nos tienes para lo que necesites!',
            '¡gracias a ti por confiar en nosotros tanto tiempo! Nos hace muchísima ilusión.',
          ],
          followUps: ['De verdad, ¡gracias por cuidar tanto los detalles!', 'Un abrazo a todo el equipo.'],
        },
      ],
    },
    thanks: {
      team: 'Soporte',
      tone: 'positive',
      threads: [
        {
          subject: 'Gracias por la ayuda',
          openings: [
            'Solo quería daros las gracias: vuestra compañera me ayudó muchísimo la semana pasada.',
            'Mil gracias por la paciencia que tuvisteis conmigo ayer.',
          ],
          replies: ['¡gracias a ti por escribirnos! Se lo haré llegar, le va a encantar.', 'qué bien, me alegro muchísimo. Para eso estamos.'],
          followUps: ['Sois un ejemplo de cómo atender a los clientes.', 'Nada más, ¡que tengáis un buen día!'],
        },
        {
          subject: 'Todo solucionado',
          openings: ['¡Muchas gracias! Ya me ha llegado el reembolso.', 'Gracias por la rapidez, el problema ya está resuelto.'],
          replies: ['me alegro mucho de que todo esté solucionado.', 'un placer ayudarte. Cualquier cosa que necesites, aquí estamos.'],
          followUps: ['Me quedo mucho más tranquil[o/a].', 'Seguiré comprando con vosotros, sin duda.'],
        },
      ],
    },
  },
  greetings: ['Hola {name}, soy {agent}. ', '¡Hola {name}! Te atiende {agent}: ', 'Buenas, {name}. Soy {agent} y ', '{name}, ', 'Hola {name}, '],
  agentFollowUps: [
    'Lo reviso ahora mismo y te cuento.',
    'Gracias por la paciencia. Ya está todo en marcha.',
    'Te confirmo que lo he dejado anotado en tu ficha.',
    'Perfecto, lo tengo. Te escribo en cuanto tenga novedades.',
    'Buena pregunta: déjame confirmarlo y te respondo en unos minutos.',
    'Ningún problema, para eso estamos.',
  ],
  agentPendingAsks: [
    '¿Me podrías enviar una foto del albarán para confirmarlo?',
    '¿Me confirmas la dirección de entrega, por favor?',
    'Para seguir necesito los últimos cuatro dígitos de la tarjeta. ¿Me los pasas?',
    '¿Te viene bien que te llamemos mañana por la mañana?',
    'Cuando puedas, dime si te ha quedado alguna duda.',
  ],
  agentClosings: [
    'Si necesitas algo más, escríbenos cuando quieras.',
    'Doy el caso por resuelto. ¡Que tengas un buen día!',
    'Cualquier otra cosa, aquí estamos. ¡Un saludo!',
    'Quedo a tu disposición para lo que necesites.',
  ],
  thanksBack: ['¡Gracias a ti, {name}! ', '¡A ti! ', 'Un placer, {name}. '],
  agentApologies: [
    'Lo siento de verdad, entiendo tu enfado. He pasado tu caso a mi responsable para que te llame hoy.',
    'Tienes toda la razón y te pido disculpas. No vas a tener que explicarlo otra vez.',
    'Siento no haberlo hecho mejor. He dejado todo anotado para que no vuelva a ocurrir.',
    'Lamento muchísimo las molestias. Te he aplicado un descuento como compensación.',
  ],
  escalations: [
    'Sigo sin solución. Esto es una tomadura de pelo.',
    'Me estáis haciendo perder el tiempo. Estoy muy enfadad[o/a].',
    'Es que no me lo puedo creer. Otra vez lo mismo.',
    'Si no lo arregláis hoy, pongo una reclamación en consumo.',
    'Estoy muy cansad[o/a] de repetir lo mismo a cada persona.',
    'Esto es un desastre. No pienso volver a comprar aquí.',
  ],
  nudges: ['¿Alguna novedad?', 'Perdona que insista, ¿sabéis algo?', 'Sigo esperando. ¿Me decís algo, por favor?'],
  thanks: [
    '¡Genial, muchas gracias por la ayuda!',
    'Perfecto, ya está. ¡Gracias, {agent}!',
    'Mil gracias, me habéis salvado el día.',
    'Estupendo, todo solucionado. ¡Un saludo!',
    'Muchas gracias por la rapidez, de verdad.',
  ],
  coldClosings: [
    'Vale. Espero que no vuelva a pasar.',
    'Bueno, ya veremos.',
    'De acuerdo. Pero me habéis decepcionado.',
    'Vale, lo dejo aquí. Me voy bastante descontent[o/a].',
  ],
  // All masculine singular, so the Spanish lines agree with any of them.
  products: ['el portátil', 'el colchón', 'el robot de cocina', 'el reloj inteligente', 'el altavoz', 'el microondas', 'el patinete eléctrico', 'el aspirador'],
  plans: ['Básico', 'Pro', 'Empresa'],
};

const en: Script = {
  topics: {
    delivery_delay: {
      team: 'Soporte',
      tone: 'negative',
      threads: [
        {
          subject: 'Order {order} not delivered',
          openings: [
            'Hi, I placed order {order} {days} days ago and it still has not arrived. What happened?',
            'Unbelievable. I paid for express shipping and I have been waiting {days} days for order {order}.',
            'I need {product} for this weekend and order {order} still says "processing". Will it make it?',
          ],
          replies: [
            'I am so sorry about the delay with order {order}. There was a problem at the distribution centre, so we are sending it express today at no cost.',
            'you are absolutely right, and we are refunding the express shipping. The package leaves the warehouse today and will reach you within 24 hours.',
            'I checked and yes, it will make it: it ships express today and you will have it on Thursday.',
          ],
          followUps: ['Can you at least give me a rough date?', 'Okay, but if it does not arrive by Friday it is useless to me.'],
        },
        {
          subject: 'Tracking for order {order}',
          openings: [
            'The tracking for order {order} has not moved in a week. I am getting worried.',
            'The courier says they do not have my package, but your site says it shipped. I am confused.',
          ],
          replies: [
            'I understand the worry. I opened a claim with the courier and they have found the package at their local depot.',
            'I looked into order {order}: it had the wrong tracking number. I just emailed you the right one.',
          ],
          followUps: ['So when will it be delivered?', 'Do I need to be home to receive it?'],
        },
      ],
    },
    billing: {
      team: 'Soporte',
      tone: 'negative',
      threads: [
        {
          subject: 'Charged twice',
          openings: [
            'You charged me {amount} twice this month. I want my money back now.',
            'Hi, I see two charges of {amount} on the same day. What happened?',
          ],
          replies: [
            'you are absolutely right, there was a billing error. I have already issued a refund of {amount}.',
            'I checked and the charge was indeed duplicated. Sorry for the trouble; the refund of {amount} is on its way.',
          ],
          followUps: ['How long until the refund shows up in my account?', 'I sent you my bank statement in case you need it.'],
        },
        {
          subject: 'Question about my invoice',
          openings: [
            'I switched to the {plan} plan and you are still billing me the old price.',
            'Why did my subscription go up without notice? Nobody told me about any change.',
          ],
          replies: [
            'sorry for the confusion. I corrected the invoice, and from this month on you will see the {plan} price.',
            'you are right that we should have told you better. The increase is the yearly price review; I am sending you the breakdown and keeping the old price this month.',
          ],
          followUps: ['I need the corrected invoice for my expense report.', 'Well, nobody explained that to me at the time.'],
        },
      ],
    },
    damaged: {
      team: 'Soporte',
      tone: 'negative',
      threads: [
        {
          subject: '{product} arrived broken',
          openings: [
            '{product} arrived with the box crushed and a part broken. Such a shame, it was a gift.',
            'I was so looking forward to {product} and it arrived broken. Really sad.',
          ],
          replies: [
            'I am really sorry {product} arrived like that. We are sending a new one today and a courier will collect the damaged one.',
            'what bad luck, truly. I have arranged the replacement; you pay nothing and keep the broken one until the new one arrives.',
          ],
          followUps: ['Do I need to be home when the courier comes?', 'I hope it arrives before the birthday on Saturday.'],
        },
        {
          subject: 'Faulty product',
          openings: [
            'I opened order {order} and {product} will not turn on. I am really disappointed.',
            'Hi, {product} has made a strange noise since day one. Video attached.',
          ],
          replies: [
            'I am so sorry it turned out faulty. Would you prefer a replacement or a refund?',
            'thanks for the video, that is all we need. It is covered by the warranty and I have set up a replacement for order {order}.',
          ],
          followUps: ['A replacement, please; I really liked it.', 'I also sent you a photo of the label.'],
        },
      ],
    },
    complaint: {
      team: 'Soporte',
      tone: 'negative',
      threads: [
        {
          subject: 'Formal complaint',
          openings: [
            'I am fed up. This is the third time I write and nobody gives me a solution.',
            'I have been waiting {days} days for an answer about order {order}. Is that normal to you?',
          ],
          replies: [
            'you have every right to be upset. I have escalated your case to the team lead and I will personally make sure it is fixed today.',
            'no, it is not, and I apologise on behalf of the whole team. I have everything I need; you will not have to explain it again.',
          ],
          followUps: ['I do not want excuses, I want someone to take responsibility.', 'Fine. Let us see if it is true this time.'],
        },
        {
          subject: 'Very poor experience',
          openings: [
            'I want to complain. The person on the phone yesterday was really rude to me.',
            'Your service has got so much worse. I used to be a loyal customer, now I am not so sure.',
          ],
          replies: [
            'I am truly sorry about how we treated you. That is not who we want to be and I will go through it with the team.',
            'thank you for telling us, even if it is bad news. As a gesture, I have added a 20% discount to your next order.',
          ],
          followUps: ['I want to speak to a manager.', 'I hope it helps so it does not happen to anyone else.'],
        },
      ],
    },
    account: {
      team: 'Soporte',
      tone: 'negative',
      threads: [
        {
          subject: 'Account locked',
          openings: [
            'It says my account is locked. Have I been hacked? I am really nervous.',
            'I got a sign-in alert from another country and it was not me. I am scared.',
          ],
          replies: [
            'do not worry, your account is protected. We locked it as a precaution and there has been no unusual activity.',
            'I have signed out every session and blocked that access. Your payment details were not compromised.',
          ],
          followUps: ['Is my payment information safe?', 'What should I do so it does not happen again?'],
        },
        {
          subject: 'Cannot log in',
          openings: [
            'The password reset email never arrives.',
            'I cannot get into my account and I urgently need to download an invoice. Please help!',
          ],
          replies: [
            'I just sent you a fresh link to set a new password; sometimes it takes a couple of minutes.',
            'I have unlocked your account and emailed you the invoice so you do not have to wait.',
          ],
          followUps: ['I already checked the spam folder, nothing there.', 'I tried again and it still does not work.'],
        },
      ],
    },
    refund: {
      team: 'Soporte',
      tone: 'negative',
      threads: [
        {
          subject: 'Refund still pending',
          openings: [
            'I returned order {order} {days} days ago and I still have not been refunded.',
            'You told me the refund would take 5 days and it has been two weeks.',
          ],
          replies: [
            'I can confirm we received your return. The refund of {amount} has been issued and you will see it in 2-3 days.',
            'sorry for the wait, it got stuck in a review. I have prioritised it and you will see it within 48 hours.',
          ],
          followUps: ['I really need that money back.', 'Can you confirm that in writing?'],
        },
        {
          subject: 'Returning {product}',
          openings: ['How do I return {product}? It is not what I expected.', 'I would like to return {product}; I tried it and I am not convinced.'],
          replies: [
            'you can return it free of charge within 30 days. I just emailed you the label.',
            'no problem. I have created the return: just drop the parcel at any post office.',
          ],
          followUps: ['Great. How long does the refund take?', 'Does it have to be in the original box? I threw it away.'],
        },
      ],
    },
    question: {
      team: 'Ventas',
      tone: 'neutral',
      threads: [
        {
          subject: 'Question about the {plan} plan',
          openings: [
            'Hi, does the {plan} plan include phone support?',
            'I am thinking of getting the {plan} plan for my team of 12. Do you offer volume discounts?',
          ],
          replies: [
            'yes, the {plan} plan includes phone support during business hours and 24/7 chat.',
            'of course. For teams over 10 people we take 15% off the {plan} plan.',
          ],
          followUps: ['Can I pay yearly?', 'Great. Is there a free trial?'],
        },
        {
          subject: 'Before I buy',
          openings: ['Is {product} compatible with the previous model?', 'Good afternoon, do you ship to Canada?'],
          replies: [
            'yes, it is fully compatible, and it comes with a two-year warranty.',
            'yes, we ship to Canada in 3-5 business days and we cover the customs fees.',
          ],
          followUps: ['Do you have it in stock right now?', 'Can I pay in instalments?'],
        },
      ],
    },
    cancellation: {
      team: 'Ventas',
      tone: 'neutral',
      threads: [
        {
          subject: 'Cancel my subscription',
          openings: ['I want to cancel. It is a pity, but I cannot afford it right now.', 'I am going to cancel, the service is not worth it for me anymore.'],
          replies: [
            'I am sorry to see you go. If it helps, I can offer you three months at half price.',
            'understood. I have scheduled the cancellation for the end of the month; until then you keep every feature.',
          ],
          followUps: ['Do I lose what I already paid this month?', 'I will think about it, thanks for the offer.'],
        },
        {
          subject: 'Exporting our data',
          openings: [
            'We are switching providers next month. What happens to our data?',
            'Hi, how do I cancel my {plan} subscription? I need to export everything first.',
          ],
          replies: [
            'you can export your data from Settings > Export. We keep it for 30 days in case you change your mind.',
            'I have prepared the full export for you and scheduled the cancellation for the end of the month.',
          ],
          followUps: ['What format is the export in?', 'And afterwards you delete everything?'],
        },
      ],
    },
    praise: {
      team: 'Soporte',
      tone: 'positive',
      threads: [
        {
          subject: 'Well done, team!',
          openings: [
            'I absolutely love {product}! It is even better than I expected.',
            'Order {order} arrived in one day and beautifully packed. Amazing!',
          ],
          replies: [
            'this made our day! I will pass it on to the team, they will be thrilled.',
            'thank you so much for taking the time to write. Messages like this keep us going.',
          ],
          followUps: ['I have already recommended you to my whole family.', 'I will definitely be back soon.'],
        },
        {
          subject: 'Love the service',
          openings: [
            'Just wanted to say you are the best. Shopping here is a pleasure.',
            'I have been a customer for years and I keep getting happier. Keep it up!',
          ],
          replies: ['we are so glad you are happy. We are here whenever you need us!', 'thank you for trusting us for so long! It means a lot to us.'],
          followUps: ['Honestly, thank you for caring about the details!', 'A big hug to the whole team.'],
        },
      ],
    },
    thanks: {
      team: 'Soporte',
      tone: 'positive',
      threads: [
        {
          subject: 'Thanks for the help',
          openings: [
            'Just wanted to say thank you: your colleague helped me so much last week.',
            'Many thanks for your patience with me yesterday.',
          ],
          replies: ['thank you for writing to us! I will pass it on, she will love it.', 'that is wonderful to hear. That is what we are here for.'],
          followUps: ['You are a model of how to treat customers.', 'That is all, have a lovely day!'],
        },
        {
          subject: 'All sorted',
          openings: ['Thank you! The refund has arrived.', 'Thanks for being so quick, the problem is solved.'],
          replies: ['I am really glad it is all sorted.', 'a pleasure to help. Whatever you need, we are here.'],
          followUps: ['I feel much more relaxed now.', 'I will keep shopping with you, no doubt.'],
        },
      ],
    },
  },
  greetings: ['Hi {name}, {agent} here: ', 'Hello {name}! This is {agent}, and ', 'Hi {name}, ', '{name}, ', 'Hi {name}, I am {agent}. '],
  agentFollowUps: [
    'I am checking it right now and will get back to you.',
    'Thanks for your patience. Everything is in motion now.',
    'I have added a note to your account so nobody asks you again.',
    'Perfect, got it. I will write as soon as I have news.',
    'Good question: let me confirm and I will reply in a few minutes.',
    'No problem at all, that is what we are here for.',
  ],
  agentPendingAsks: [
    'Could you send me a photo of the delivery note so I can confirm?',
    'Could you confirm your delivery address, please?',
    'To continue I need the last four digits of the card. Could you share them?',
    'Would a call tomorrow morning work for you?',
    'When you have a moment, let me know if anything is still unclear.',
  ],
  agentClosings: [
    'If you need anything else, just write to us.',
    'I will mark this as resolved. Have a great day!',
    'Anything else, we are here. Take care!',
    'I am here if you need anything else.',
  ],
  thanksBack: ['Thank you, {name}! ', 'My pleasure, {name}. ', 'Glad to hear it! '],
  agentApologies: [
    'I am truly sorry, I understand why you are angry. I have passed your case to my manager, who will call you today.',
    'You are completely right and I apologise. You will not have to explain it again.',
    'I am sorry we did not do better. I have noted everything so it does not happen again.',
    'I am very sorry for the trouble. I have applied a discount to your account as compensation.',
  ],
  escalations: [
    'Still no solution. This is ridiculous.',
    'You are wasting my time. I am really angry.',
    'I cannot believe it. Same thing again.',
    'If this is not fixed today I am filing a complaint with consumer protection.',
    'I am so tired of repeating myself to every person.',
    'This is a disaster. I am never buying from you again.',
  ],
  nudges: ['Any news?', 'Sorry to insist, any update?', 'Still waiting. Could you let me know, please?'],
  thanks: [
    'Great, thanks so much for the help!',
    'Perfect, all done. Thanks, {agent}!',
    'Thank you, you saved my day.',
    'Brilliant, all sorted. Cheers!',
    'Thanks for being so quick, really.',
  ],
  coldClosings: [
    'Fine. I hope it does not happen again.',
    'Well, we will see.',
    'Okay. But I am disappointed.',
    'Okay, I will leave it here. Not happy though.',
  ],
  products: ['the laptop', 'the mattress', 'the food processor', 'the smartwatch', 'the speaker', 'the microwave', 'the e-scooter', 'the vacuum cleaner'],
  plans: ['Basic', 'Pro', 'Business'],
};

export const scripts: Record<Locale, Script> = { es, en };
