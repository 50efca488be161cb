import type { App } from '../../src/app.ts';
import type { MessageEmotion } from '../../src/platform/db/database.types.ts';

// Customer comments for topics, action plans and the team score, hand-checked: which topic each text
// belongs to is stated in topics.test.ts. Spanish ones are survey answers (CSAT gives the sentiment),
// English ones customer messages (the stored emotion's valence gives it).
export const SPANISH_ANSWERS: Array<{ text: string; csat: number; at: string; key?: 'helped' | 'hindered' }> = [
  { text: 'El pedido llegó con retraso y nadie me avisó.', csat: 1, at: '2026-03-03T10:00:00Z' },
  { text: 'La entrega se retrasó una semana, muy mal.', csat: 2, at: '2026-03-04T10:00:00Z' },
  { text: 'Retraso en la entrega otra vez.', csat: 1, at: '2026-03-10T10:00:00Z' },
  { text: 'La entrega llegó tarde y el repartidor fue grosero.', csat: 3, at: '2026-03-11T10:00:00Z' },
  { text: 'El precio es demasiado caro para lo que ofrecen.', csat: 2, at: '2026-03-05T10:00:00Z' },
  { text: 'Los precios subieron sin avisar.', csat: 2, at: '2026-03-12T10:00:00Z' },
  { text: 'Precio caro, pero buena calidad.', csat: 4, at: '2026-03-12T11:00:00Z' },
  { text: 'La atención de Marta fue excelente, muy amable.', csat: 5, at: '2026-03-03T11:00:00Z', key: 'helped' },
  { text: 'Muy buena atención por teléfono.', csat: 5, at: '2026-03-10T11:00:00Z', key: 'helped' },
  { text: 'La atención al cliente resolvió todo rápido.', csat: 4, at: '2026-03-11T11:00:00Z', key: 'helped' },
  { text: 'No puedo entrar a mi cuenta.', csat: 2, at: '2026-03-13T10:00:00Z' },
];

export const ENGLISH_MESSAGES: Array<{ text: string; valence: number; at: string; corrected?: 'negative' }> = [
  { text: 'My order arrived two weeks late.', valence: -0.6, at: '2026-03-09T09:00:00Z' },
  { text: 'The delivery was delayed again.', valence: -0.5, at: '2026-03-09T10:00:00Z' },
  { text: 'Delivery delays every single time, and the order was damaged.', valence: -0.8, at: '2026-03-10T09:00:00Z' },
  { text: 'Late delivery, nobody told me anything.', valence: -0.4, at: '2026-03-10T10:00:00Z' },
  { text: 'The refund took forever to arrive.', valence: -0.3, at: '2026-03-11T09:00:00Z' },
  { text: 'Still waiting for my refund after a month.', valence: -0.7, at: '2026-03-11T10:00:00Z' },
  { text: 'Refunds are far too slow.', valence: -0.5, at: '2026-03-12T09:00:00Z' },
  { text: 'Sara on the phone support was lovely.', valence: 0.8, at: '2026-03-12T10:00:00Z' },
  { text: 'Phone support solved it in minutes.', valence: 0.6, at: '2026-03-13T09:00:00Z' },
  // The engine said positive; an employee corrected it to negative, and the correction wins.
  { text: 'Great support team, very patient.', valence: 0.7, at: '2026-03-13T10:00:00Z', corrected: 'negative' },
  { text: 'The app crashes when I log in.', valence: -0.6, at: '2026-03-14T09:00:00Z' },
];

export const emotionOf = (valence: number, language: string, corrected?: 'negative'): MessageEmotion => ({
  emotion: valence < 0 ? 'anger' : 'joy',
  polarity: valence <= -0.25 ? 'negative' : valence >= 0.25 ? 'positive' : 'neutral',
  valence,
  intensity: Math.abs(valence),
  alert: false,
  language,
  supported: true,
  probabilities: { anger: 0, disgust: 0, fear: 0, joy: 0, sadness: 0, surprise: 0, neutral: 1 },
  cues: [],
  model: 'fixture',
  ...(corrected ? { corrected: { emotion: 'anger' as const, polarity: corrected, by: null, at: '2026-03-14T00:00:00Z' } } : {}),
});

export type Seeded = { customerId: string; answerIds: string[]; messageIds: string[]; conversationIds: { spanish: string; english: string } };

// Spanish answers in a conversation assigned to someone in `spanishTeam` (the conversation has no team
// itself); English messages in a conversation of `englishTeam`. Plus texts that must not count.
// `endingOn` moves every date so that 15 March 2026 becomes that day (browser tests use today).
export async function seedVoice(app: App, ws: string, opts: { spanishAssignee: string | null; englishTeam: string | null; endingOn?: string }): Promise<Seeded> {
  const db = app.ctx.db;
  const shift = opts.endingOn ? Date.parse(`${opts.endingOn}T00:00:00Z`) - Date.parse('2026-03-15T00:00:00Z') : 0;
  const at = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
  const customer = await db.insertInto('customers').values({ workspace_id: ws, name: 'Voz', updated_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  const spanish = await db.insertInto('conversations').values({ workspace_id: ws, customer_id: customer.id, channel: 'web', assignee_id: opts.spanishAssignee }).returning('id').executeTakeFirstOrThrow();
  const english = await db.insertInto('conversations').values({ workspace_id: ws, customer_id: customer.id, channel: 'email', team_id: opts.englishTeam }).returning('id').executeTakeFirstOrThrow();
  const answerIds: string[] = [];
  for (const a of SPANISH_ANSWERS) {
    const survey = await db
      .insertInto('surveys')
      .values({ workspace_id: ws, kind: 'conversation', customer_id: customer.id, conversation_id: spanish.id, status: 'answered', locale: 'es', questions: '[]', due_at: at(a.at), expires_at: at(a.at) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await db
      .insertInto('survey_responses')
      .values({ workspace_id: ws, survey_id: survey.id, kind: 'conversation', customer_id: customer.id, conversation_id: spanish.id, csat: a.csat, nps: null, ces: null, answers: JSON.stringify({ csat: a.csat, [a.key ?? 'hindered']: a.text }), answered_at: at(a.at) })
      .returning('id')
      .executeTakeFirstOrThrow();
    answerIds.push(row.id);
  }
  const messageIds: string[] = [];
  for (const m of ENGLISH_MESSAGES) {
    const row = await db
      .insertInto('messages')
      .values({ workspace_id: ws, conversation_id: english.id, direction: 'inbound', author_type: 'customer', text: m.text, emotion: JSON.stringify(emotionOf(m.valence, 'en', m.corrected)), created_at: at(m.at) })
      .returning('id')
      .executeTakeFirstOrThrow();
    messageIds.push(row.id);
  }
  // Not customer words about a subject: too short, and an employee's reply.
  await db.insertInto('messages').values({ workspace_id: ws, conversation_id: english.id, direction: 'inbound', author_type: 'customer', text: 'ok thanks', created_at: at('2026-03-10T12:00:00Z') }).execute();
  await db
    .insertInto('messages')
    .values({ workspace_id: ws, conversation_id: english.id, direction: 'outbound', author_type: 'employee', text: 'Sorry about the delivery delay, the delivery team is on it.', created_at: at('2026-03-10T12:01:00Z') })
    .execute();
  return { customerId: customer.id, answerIds, messageIds, conversationIds: { spanish: spanish.id, english: english.id } };
}
