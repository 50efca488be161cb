import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/database.types.ts';

// A small known dataset for the KPI dashboard, all in January 2026 (UTC); the expected figures are
// computed by hand in test/kpis.test.ts. Ana is in team T1; Ben has no team.
export type KpiFixture = { teamId: string; ana: string; ben: string; customers: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6', string>; conversations: Record<'k1' | 'k2' | 'k3' | 'k4', string> };

const emotion = (alert: boolean, corrected?: string) =>
  JSON.stringify({
    emotion: alert ? 'anger' : 'neutral',
    polarity: alert ? 'negative' : 'neutral',
    valence: alert ? -0.8 : 0,
    intensity: 0.5,
    alert,
    language: 'es',
    supported: true,
    probabilities: { anger: alert ? 0.8 : 0, disgust: 0, fear: 0, joy: 0, sadness: 0, surprise: 0, neutral: alert ? 0.2 : 1 },
    cues: [],
    model: 'fixture',
    ...(corrected ? { corrected: { emotion: corrected, polarity: corrected === 'joy' ? 'positive' : 'negative', by: null, at: '2026-01-20T00:00:00Z' } } : {}) });

export async function seedKpiFixture(db: Kysely<Database>, ws: string, people: { ana: string; ben: string }): Promise<KpiFixture> {
  const { ana, ben } = people;
  const team = await db.insertInto('teams').values({ workspace_id: ws, name: 'T1' }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('employees').set({ team_id: team.id }).where('id', '=', ana).execute();
  await db.updateTable('employees').set({ team_id: null }).where('id', '=', ben).execute();

  const customer = async (name: string, createdAt: string) =>
    (await db.insertInto('customers').values({ workspace_id: ws, name, created_at: createdAt, updated_at: createdAt }).returning('id').executeTakeFirstOrThrow()).id;
  const customers = {
    c1: await customer('Carmen Uno', '2025-12-01T00:00:00Z'),
    c2: await customer('Carlos Dos', '2025-12-01T00:00:00Z'),
    c3: await customer('Clara Tres', '2025-12-01T00:00:00Z'),
    c4: await customer('Cora Cuatro', '2025-12-01T00:00:00Z'),
    c5: await customer('Celia Cinco', '2026-01-10T00:00:00Z'),
    c6: await customer('Cesar Seis', '2025-11-01T00:00:00Z'),
  };
  const conversation = async (v: { customer: string; channel: string; assignee?: string; team?: string; createdAt: string; resolvedAt?: string; subject: string }) =>
    (
      await db
        .insertInto('conversations')
        .values({ workspace_id: ws, customer_id: v.customer, channel: v.channel, assignee_id: v.assignee ?? null, team_id: v.team ?? null, subject: v.subject, created_at: v.createdAt, updated_at: v.createdAt, status: v.resolvedAt ? 'resolved' : 'open', resolved_at: v.resolvedAt ?? null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const conversations = {
    k1: await conversation({ customer: customers.c1, channel: 'web', assignee: ana, createdAt: '2026-01-05T10:00:00Z', resolvedAt: '2026-01-05T12:00:00Z', subject: 'K1 factura' }),
    k2: await conversation({ customer: customers.c2, channel: 'email', assignee: ben, createdAt: '2026-01-06T09:00:00Z', resolvedAt: '2026-01-07T09:00:00Z', subject: 'K2 envío' }),
    k3: await conversation({ customer: customers.c3, channel: 'web', team: team.id, createdAt: '2026-01-13T08:00:00Z', subject: 'K3 devolución' }),
    k4: await conversation({ customer: customers.c4, channel: 'web', assignee: ben, createdAt: '2025-12-20T00:00:00Z', resolvedAt: '2026-01-14T00:00:00Z', subject: 'K4 garantía' }),
  };
  const message = async (conversationId: string, author: 'customer' | 'employee', at: string, emo?: string, authorId?: string) =>
    (
      await db
        .insertInto('messages')
        .values({ workspace_id: ws, conversation_id: conversationId, direction: author === 'customer' ? 'inbound' : 'outbound', author_type: author, author_id: authorId ?? null, text: `${author} ${at}`, created_at: at, emotion: emo ?? null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  // K1: an alert at 10:01 answered at 10:05; at 10:20 an alert corrected to joy (not alerting), at
  // 10:25 a real one, answered at 10:40.
  const k1a = await message(conversations.k1, 'customer', '2026-01-05T10:00:00Z', emotion(false));
  await message(conversations.k1, 'customer', '2026-01-05T10:01:00Z', emotion(true));
  await message(conversations.k1, 'employee', '2026-01-05T10:05:00Z', undefined, ana);
  const k1d = await message(conversations.k1, 'customer', '2026-01-05T10:20:00Z', emotion(true, 'joy'));
  await message(conversations.k1, 'customer', '2026-01-05T10:25:00Z', emotion(true));
  await message(conversations.k1, 'employee', '2026-01-05T10:40:00Z', undefined, ana);
  // K2: an alert at 09:00; a suggestion accepted at 09:30 comes before the reply at 10:00.
  const k2a = await message(conversations.k2, 'customer', '2026-01-06T09:00:00Z', emotion(true));
  await message(conversations.k2, 'employee', '2026-01-06T10:00:00Z', undefined, ben);
  // K3: never answered; the engine saw nothing but an employee corrected it to anger.
  const k3a = await message(conversations.k3, 'customer', '2026-01-13T08:00:00Z', emotion(false, 'anger'));
  await message(conversations.k4, 'customer', '2025-12-20T00:00:00Z', emotion(false));

  const suggestion = async (conversationId: string, customerId: string, trigger: string, status: 'accepted' | 'dismissed' | 'open', decidedAt: string | null, by: string | null) =>
    db
      .insertInto('suggestions')
      .values({
        workspace_id: ws,
        playbook_name: JSON.stringify({ es: 'P', en: 'P' }),
        customer_id: customerId,
        conversation_id: conversationId,
        status,
        locale: 'es',
        actions: '[]',
        reason: '[]',
        trigger_message_id: trigger,
        triggered_at: '2026-01-05T00:00:00Z',
        last_message_id: trigger,
        last_triggered_at: '2026-01-05T00:00:00Z',
        decided_at: decidedAt,
        decided_by: by,
      })
      .execute();
  await suggestion(conversations.k2, customers.c2, k2a, 'accepted', '2026-01-06T09:30:00Z', ben);
  await suggestion(conversations.k1, customers.c1, k1a, 'dismissed', '2026-01-05T11:00:00Z', ana);
  await suggestion(conversations.k1, customers.c1, k1a, 'accepted', '2026-01-14T12:00:00Z', ana);
  await suggestion(conversations.k3, customers.c3, k3a, 'open', null, null);

  const answer = async (v: { customer: string; conversation: string | null; kind: 'conversation' | 'exit'; at: string; employees?: string[]; csat?: number; nps?: number; ces?: number; reason?: string }) => {
    const survey = await db
      .insertInto('surveys')
      .values({ workspace_id: ws, kind: v.kind, customer_id: v.customer, conversation_id: v.conversation, status: 'answered', locale: 'es', questions: '[]', due_at: v.at, expires_at: v.at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('survey_responses')
      .values({ workspace_id: ws, survey_id: survey.id, kind: v.kind, customer_id: v.customer, conversation_id: v.conversation, employee_ids: v.employees ?? [], csat: v.csat ?? null, nps: v.nps ?? null, ces: v.ces ?? null, answers: JSON.stringify(v.reason ? { reason: v.reason } : {}), answered_at: v.at })
      .execute();
    return survey.id;
  };
  await answer({ customer: customers.c1, conversation: conversations.k1, kind: 'conversation', at: '2026-01-06T12:00:00Z', employees: [ana], csat: 5, nps: 10, ces: 2 });
  await answer({ customer: customers.c2, conversation: conversations.k2, kind: 'conversation', at: '2026-01-07T12:00:00Z', employees: [ben], csat: 2, nps: 6, ces: 6 });
  await answer({ customer: customers.c3, conversation: conversations.k3, kind: 'conversation', at: '2026-01-14T12:00:00Z', csat: 4, nps: 8 });
  await answer({ customer: customers.c1, conversation: conversations.k1, kind: 'conversation', at: '2026-02-02T12:00:00Z', csat: 1, nps: 0, ces: 7 });

  // Exits: C6 before the period; C2 on 8 January saying "price"; C4 on 20 January without an answer.
  const exit = (customerId: string, at: string, surveyId: string | null) =>
    db.insertInto('customer_exits').values({ workspace_id: ws, customer_id: customerId, at, survey_id: surveyId, actor_type: 'integration', actor_id: null }).execute();
  await exit(customers.c6, '2025-12-15T00:00:00Z', null);
  await exit(customers.c2, '2026-01-08T00:00:00Z', await answer({ customer: customers.c2, conversation: null, kind: 'exit', at: '2026-01-09T00:00:00Z', reason: 'price' }));
  await exit(customers.c4, '2026-01-20T00:00:00Z', null);

  // Mood points: C1 −0.6 and 0.4 in the week of 5 January, C3 −0.3 in the next.
  const point = (customerId: string, messageId: string, at: string, score: number) =>
    db.insertInto('customer_mood_points').values({ workspace_id: ws, customer_id: customerId, message_id: messageId, at, emotion: 'neutral', valence: score, intensity: 0.5, score }).execute();
  await point(customers.c1, k1a, '2026-01-05T10:00:00Z', -0.5);
  await point(customers.c1, k1d, '2026-01-05T10:20:00Z', 0.25);
  await point(customers.c3, k3a, '2026-01-13T08:00:00Z', -0.25);

  // Bonds, all as of the same instant (the decay then leaves their ratios alone).
  const now = new Date();
  const bond = (customerId: string, employeeId: string, score: number) =>
    db.insertInto('bonds').values({ workspace_id: ws, customer_id: customerId, employee_id: employeeId, score, components: '{}', updated_at: now }).execute();
  await bond(customers.c1, ana, 6);
  await bond(customers.c1, ben, 2);
  await bond(customers.c2, ben, 5);
  await bond(customers.c3, ana, 3);
  await bond(customers.c4, ben, 1);
  await bond(customers.c4, ana, 0.5);

  return { teamId: team.id, ana, ben, customers, conversations };
}
