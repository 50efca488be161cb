import { sql } from 'kysely';
import type { EmotionLabel, MessageEmotion, MoodTrend, PolarityLabel } from '../../platform/db/database.types.ts';
import { columnParam, executeNamed, opaqueParam } from '../../platform/db/prepared-statements.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { appendStreamEvents, workspaceStream, type StreamEvent } from '../../platform/realtime/stream-log.ts';
import { getCustomer } from '../customers/customer.service.ts';
import { decayed, effectiveEmotion, moodLabel, nextMood, replayMood } from './mood.model.ts';

export type MoodView = { score: number; label: PolarityLabel; trend: MoodTrend; alert: boolean; updatedAt: string };
export type MoodPointView = { messageId: string; at: string; emotion: string; valence: number; score: number };

type MoodRow = { score: number; trend: MoodTrend; alert: boolean; updated_at: Date };

// The stored score is as of the last message; what an employee sees has faded since then.
export function toMoodView(row: MoodRow, now = new Date()): MoodView {
  const score = Math.round(decayed({ score: row.score, updatedAt: row.updated_at }, now) * 1000) / 1000;
  return { score, label: moodLabel(score), trend: row.trend, alert: row.alert && score <= -0.2, updatedAt: row.updated_at.toISOString() };
}

export type MoodUpdate = { customerId: string; mood: MoodView; events: StreamEvent[] };

export type MoodInput = { customerId: string; messageId: string; at: Date; emotion: MessageEmotion };

const byCustomerThenTime = (a: MoodInput, b: MoodInput) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : a.at.getTime() - b.at.getTime());

export type ProjectedMood = { customerId: string; mood: MoodView; point: MoodPointView };

// Inbound messages move their customers' moods, a batch in one transaction. Mood rows are locked in customer order,
// so two batches never deadlock, and each customer's messages are applied in message time order.
// Five statements in the usual case (a customer's first message adds two): begin, lock, last scores,
// one write of points and moods, commit; the three in the middle are named, planned once per connection.
export async function applyMessagesToMood(scope: TenantScope, inputs: MoodInput[]): Promise<void> {
  if (!inputs.length) return;
  const sorted = [...inputs].sort(byCustomerThenTime);
  const customerIds = [...new Set(sorted.map((i) => i.customerId))];
  return scope.transaction(async (trx) => {
    let priors = await lockMoods(trx, customerIds);
    if (priors.length < customerIds.length) {
      // First messages: their rows are created empty and locked like the others, so a concurrent
      // batch (another process) waits for this one instead of starting from nothing too.
      const known = new Set(priors.map((r) => r.customer_id));
      const fresh = customerIds.filter((id) => !known.has(id));
      await trx
        .insertInto('customer_moods', fresh.map((id) => ({ customer_id: id, score: 0, trend: 'stable' as const, alert: false, updated_at: new Date(0) })))
        .onConflict((oc) => oc.column('customer_id').doNothing())
        .execute();
      priors = await lockMoods(trx, customerIds);
    }
    const earlier = await lastScores(trx, customerIds);
    const prior = new Map(priors.map((r) => [r.customer_id, r]));
    const points: Array<{ customer_id: string; message_id: string; at: Date; emotion: EmotionLabel; valence: number; intensity: number; score: number }> = [];
    const applied = new Map<string, MoodRow>();
    for (const input of sorted) {
      const before = applied.get(input.customerId) ?? prior.get(input.customerId)!;
      const scores = earlier.get(input.customerId) ?? [];
      const e = effectiveEmotion(input.emotion);
      const isFirst = before.updated_at.getTime() === 0;
      const step = nextMood(isFirst ? null : { score: before.score, updatedAt: before.updated_at }, { at: input.at, ...e }, scores.slice(-3));
      scores.push(step.score);
      earlier.set(input.customerId, scores);
      points.push({ customer_id: input.customerId, message_id: input.messageId, at: input.at, emotion: e.emotion, valence: e.valence, intensity: e.intensity, score: step.score });
      applied.set(input.customerId, { score: step.score, trend: step.trend, alert: step.alert, updated_at: input.at });
    }
    const finals = [...applied.entries()];
    // Points and moods in one statement (the points' trigger only reads messages).
    await executeNamed(
      trx.db,
      sql`
      with p as (
        insert into customer_mood_points (workspace_id, customer_id, message_id, at, emotion, valence, intensity, score)
        select ${trx.workspaceId}::uuid, v.* from unnest(
          ${columnParam(points, (p) => p.customer_id, 'uuid[]')}, ${columnParam(points, (p) => p.message_id, 'uuid[]')}, ${columnParam(points, (p) => p.at.toISOString(), 'timestamptz[]')},
          ${columnParam(points, (p) => p.emotion, 'text[]')}, ${columnParam(points, (p) => p.valence, 'real[]')}, ${columnParam(points, (p) => p.intensity, 'real[]')}, ${columnParam(points, (p) => p.score, 'real[]')}
        ) as v (customer_id, message_id, at, emotion, valence, intensity, score)
      )
      update customer_moods m set score = v.score, trend = v.trend, alert = v.alert, updated_at = v.updated_at
      from unnest(
        ${columnParam(finals, ([id]) => id, 'uuid[]')}, ${columnParam(finals, ([, r]) => r.score, 'real[]')}, ${columnParam(finals, ([, r]) => r.trend, 'text[]')},
        ${columnParam(finals, ([, r]) => r.alert, 'boolean[]')}, ${columnParam(finals, ([, r]) => r.updated_at.toISOString(), 'timestamptz[]')}
      ) as v (customer_id, score, trend, alert, updated_at)
      where m.workspace_id = ${trx.workspaceId} and m.customer_id = v.customer_id`.compile(trx.db),
    );
  });
}

// Customers' mood rows, locked in customer order.
async function lockMoods(trx: TenantScope, customerIds: string[]) {
  return executeNamed(
    trx.db,
    trx
      .selectFrom('customer_moods')
      .select(['customer_id', 'score', 'trend', 'alert', 'updated_at'])
      .where('customer_id', '=', sql<string>`any(${opaqueParam(customerIds, 'uuid[]')})`)
      .orderBy('customer_id')
      .forUpdate()
      .compile(),
  );
}

// The scores after each customer's last three messages, oldest first (for the trend), in one query.
export type RecentPoint = { messageId: string; score: number; at: Date };
// Points projected lately, by customer (a Map will do).
export type RecentPoints = { get(customerId: string): RecentPoint[] | undefined; set(customerId: string, points: RecentPoint[]): void };

async function lastPoints(trx: TenantScope, customerIds: string[]): Promise<Map<string, RecentPoint[]>> {
  // One array parameter: the same statement text for any number of customers, named.
  const rows = await executeNamed(trx.db, sql<{ customer_id: string; message_id: string; score: number; at: Date }>`
    select b.customer_id, p.message_id, p.score, p.at
    from unnest(${opaqueParam(customerIds, 'uuid[]')}) as b (customer_id)
    cross join lateral (
      select message_id, score, at, id from customer_mood_points
      where workspace_id = ${trx.workspaceId} and customer_id = b.customer_id
      order by at desc, id desc limit 3
    ) p
    order by b.customer_id, p.at, p.id`.compile(trx.db));
  const out = new Map<string, RecentPoint[]>();
  for (const r of rows) out.set(r.customer_id, [...(out.get(r.customer_id) ?? []), { messageId: r.message_id, score: r.score, at: new Date(r.at) }]);
  return out;
}

async function lastScores(trx: TenantScope, customerIds: string[]): Promise<Map<string, number[]>> {
  return new Map([...(await lastPoints(trx, customerIds))].map(([id, points]) => [id, points.map((p) => p.score)]));
}

// What new messages do to their customers' moods, worked out from the stored points with the same
// model the mood listener applies, so each can travel inside its message's own event: one frame per
// message to every employee instead of two; the listener then stores it. One read for all their
// customers, and a customer's messages build on one another in time order. Keyed by message id.
// `recent` holds points projected by earlier batches that the mood listener may not have stored
// yet; it is updated with these.
export async function projectMoodBatch(scope: TenantScope, inputs: MoodInput[], recent: RecentPoints = new Map()): Promise<Map<string, ProjectedMood>> {
  const out = new Map<string, ProjectedMood>();
  if (!inputs.length) return out;
  const sorted = [...inputs].sort(byCustomerThenTime);
  const stored = await lastPoints(scope, [...new Set(sorted.map((i) => i.customerId))]);
  const points = new Map<string, RecentPoint[]>();
  for (const [customerId, list] of stored) {
    const known = new Map([...list, ...(recent.get(customerId) ?? [])].map((p) => [p.messageId, p]));
    points.set(customerId, [...known.values()].sort((a, b) => a.at.getTime() - b.at.getTime()).slice(-3));
  }
  for (const input of sorted) {
    const last = points.get(input.customerId) ?? recent.get(input.customerId) ?? [];
    const e = effectiveEmotion(input.emotion);
    const latest = last[last.length - 1];
    const step = nextMood(latest ? { score: latest.score, updatedAt: latest.at } : null, { at: input.at, ...e }, last.map((p) => p.score));
    const now = [...last.slice(-2), { messageId: input.messageId, score: step.score, at: input.at }];
    points.set(input.customerId, now);
    recent.set(input.customerId, now);
    out.set(input.messageId, {
      customerId: input.customerId,
      mood: toMoodView({ score: step.score, trend: step.trend, alert: step.alert, updated_at: input.at }, input.at),
      point: { messageId: input.messageId, at: input.at.toISOString(), emotion: e.emotion, valence: e.valence, score: step.score },
    });
  }
  return out;
}

// After a correction the whole timeline is replayed, so every later point reflects it.
export async function recomputeMood(scope: TenantScope, customerId: string): Promise<MoodUpdate | null> {
  return scope.transaction(async (trx) => {
    const locked = await trx.selectFrom('customer_moods').select('customer_id').where('customer_id', '=', customerId).forUpdate().executeTakeFirst();
    if (!locked) return null;
    const rows = await trx
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
      .select(['messages.id', 'messages.created_at', 'messages.emotion'])
      .where('conversations.customer_id', '=', customerId)
      .where('messages.direction', '=', 'inbound')
      .where('messages.emotion', 'is not', null)
      .orderBy('messages.created_at')
      .execute();
    const inputs = rows.map((r) => ({ id: r.id, at: r.created_at, ...effectiveEmotion(r.emotion!) }));
    const steps = replayMood(inputs);
    await trx.deleteFrom('customer_mood_points').where('customer_id', '=', customerId).execute();
    if (inputs.length) {
      await trx
        .insertInto(
          'customer_mood_points',
          inputs.map((p, i) => ({ customer_id: customerId, message_id: p.id, at: p.at, emotion: p.emotion, valence: p.valence, intensity: p.intensity, score: steps[i]!.score })),
        )
        .execute();
    }
    const last = steps[steps.length - 1];
    const row = await trx
      .updateTable('customer_moods')
      .set(last ? { score: last.score, trend: last.trend, alert: last.alert, updated_at: last.at } : { score: 0, trend: 'stable', alert: false })
      .where('customer_id', '=', customerId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const mood = toMoodView(row);
    const events = await appendStreamEvents(trx.db, scope.workspaceId, [
      { stream: workspaceStream(scope.workspaceId), type: 'customer.mood', data: { customerId, mood } },
    ]);
    return { customerId, mood, events };
  });
}

export async function getMoodTimeline(scope: TenantScope, customerId: string, limit: number): Promise<{ current: MoodView | null; points: MoodPointView[] }> {
  await getCustomer(scope, customerId);
  // Points first, then the mood: a batch committing in between then shows a mood at least as new as the
  // points, never "no mood yet" beside points (reading both at once on two connections could).
  const points = await scope
    .selectFrom('customer_mood_points')
    .select(['message_id', 'at', 'emotion', 'valence', 'score'])
    .where('customer_id', '=', customerId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const row = await scope.selectFrom('customer_moods').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
  return {
    current: row && row.updated_at.getTime() > 0 ? toMoodView(row) : null,
    points: points.reverse().map((p) => ({ messageId: p.message_id, at: p.at.toISOString(), emotion: p.emotion, valence: p.valence, score: p.score })),
  };
}
