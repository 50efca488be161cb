import type { PlaybookDefinition } from './playbook.schema.ts';

export type DefaultPlaybook = PlaybookDefinition & { key: string };

const VALUABLE = { any: [{ field: 'customerValue', op: 'gte', value: 1000 }, { field: 'segment', op: 'in', value: ['vip', 'premium', 'gold'] }] } as const;

// What ships with every workspace (seeded on first use). Each one proposes something a person does
// personally; none sends anything by itself. Admins edit, disable or delete them like their own.
export const DEFAULT_PLAYBOOKS: DefaultPlaybook[] = [
  {
    key: 'about-to-leave',
    name: { es: 'A punto de irse', en: 'About to leave' },
    description: {
      es: 'El cliente habla de darse de baja o irse a la competencia: que le llame la persona en quien confía, con una compensación preparada.',
      en: 'The customer talks about cancelling or switching: a call from the person they trust, with a compensation ready.',
    },
    enabled: true,
    priority: 95,
    condition: {
      all: [
        { field: 'alert', op: 'eq', value: true },
        {
          field: 'keywords',
          op: 'any',
          value: ['darme de baja', 'baja', 'cancelar', 'me voy', 'competencia', 'cerrar mi cuenta', 'cancel', 'unsubscribe', 'leave', 'leaving', 'switch', 'competitor', 'close my account'],
        },
      ],
    },
    actions: [
      { type: 'personal_call', by: 'trusted' },
      { type: 'offer_compensation', amount: 20, currency: 'EUR' },
    ],
  },
  {
    key: 'disappointed-valuable',
    name: { es: 'Cliente valioso decepcionado', en: 'Disappointed valuable customer' },
    description: {
      es: 'Una mala experiencia de alguien que importa mucho: una llamada personal de quien mejor le conoce y una propuesta de descuento.',
      en: 'A bad experience for someone who matters a lot: a personal call from the employee who knows them best and a discount proposal.',
    },
    enabled: true,
    priority: 90,
    condition: { all: [{ field: 'emotion', op: 'eq', value: 'sadness' }, { field: 'intensity', op: 'gte', value: 0.6 }, VALUABLE] } as PlaybookDefinition['condition'],
    actions: [
      { type: 'personal_call', by: 'trusted' },
      { type: 'offer_discount', percent: 10 },
    ],
  },
  {
    key: 'angry-repeat',
    name: { es: 'Enfadado y repitiendo', en: 'Angry and writing again' },
    description: {
      es: 'Tercer contacto en una semana y enfadado: que lo vea un responsable y una disculpa sincera, escrita a partir de lo que ha dicho.',
      en: 'Third contact in a week and angry: a manager looks at it, plus a sincere apology drafted from what they said.',
    },
    enabled: true,
    priority: 80,
    condition: { all: [{ field: 'emotion', op: 'in', value: ['anger', 'disgust'] }, { field: 'contactsInDays', days: 7, op: 'gte', value: 3 }] },
    actions: [
      { type: 'escalate', to: 'manager' },
      {
        type: 'apology',
        draft: {
          es: 'Hola {firstName}, siento de verdad que hayas tenido que escribirnos otra vez. Has dicho «{quote}» y tienes toda la razón en estar molesto. Me encargo yo personalmente y te cuento hoy mismo cómo lo resolvemos. {agentName}',
          en: "Hi {firstName}, I am truly sorry you had to write to us again. You said \"{quote}\" and you are right to be upset. I am taking care of it personally and will tell you today how we are fixing it. {agentName}",
        },
      },
    ],
  },
  {
    key: 'worried-money-data',
    name: { es: 'Preocupado por dinero o datos', en: 'Worried about money or data' },
    description: {
      es: 'Miedo por un cobro, un reembolso o sus datos: una llamada tranquiliza más que un mensaje, y un seguimiento al día siguiente.',
      en: 'Afraid about a charge, a refund or their data: a call reassures more than a message, and a follow-up the next day.',
    },
    enabled: true,
    priority: 70,
    condition: {
      all: [
        { field: 'emotion', op: 'eq', value: 'fear' },
        {
          field: 'keywords',
          op: 'any',
          value: ['dinero', 'cobr', 'cargo', 'factura', 'pago', 'reembolso', 'tarjeta', 'datos', 'contraseña', 'cuenta', 'privacidad', 'money', 'charge', 'bill', 'invoice', 'payment', 'refund', 'card', 'data', 'password', 'account', 'privacy', 'hacked'],
        },
      ],
    },
    actions: [
      { type: 'personal_call', by: 'assignee' },
      { type: 'follow_up', hours: 24 },
    ],
  },
  {
    key: 'waiting-negative',
    name: { es: 'Esperando y molesto', en: 'Waiting and unhappy' },
    description: {
      es: 'Lleva más de una hora sin respuesta y su ánimo es negativo: una disculpa por la espera y un seguimiento.',
      en: 'Over an hour without an answer and in a negative mood: an apology for the wait and a follow-up.',
    },
    enabled: true,
    priority: 60,
    condition: { all: [{ field: 'waitingMinutes', op: 'gte', value: 60 }, { field: 'moodScore', op: 'lte', value: -0.2 }] },
    actions: [
      {
        type: 'apology',
        draft: {
          es: 'Hola {firstName}, perdona la espera: no es lo que mereces. Ya estoy con tu caso y te respondo enseguida. {agentName}',
          en: 'Hi {firstName}, sorry for the wait: it is not what you deserve. I am on your case now and will answer shortly. {agentName}',
        },
      },
      { type: 'follow_up', hours: 2 },
    ],
  },
  {
    key: 'low-survey-score',
    name: { es: 'Encuesta con nota baja', en: 'Low survey score' },
    description: {
      es: 'El cliente ha valorado mal la atención en la encuesta: que le llame quien le atendió para entender qué falló, y un seguimiento.',
      en: 'The customer scored us low in the survey: a call from whoever helped them to understand what went wrong, and a follow-up.',
    },
    enabled: true,
    priority: 75,
    condition: { field: 'surveyLow', op: 'eq', value: true },
    actions: [
      { type: 'personal_call', by: 'assignee' },
      { type: 'follow_up', hours: 48 },
    ],
  },
];
