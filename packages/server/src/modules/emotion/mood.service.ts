import type { MessageEmotion, MoodTrend, PolarityLabel } from '../../platform/db/database.types.ts';
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

// One inbound message moves the customer's mood. The mood row is locked so two messages of the
// same customer arriving together are applied one after the other.
export async function applyMessageToMood(
  scope: TenantScope,
  input: { customerId: string; messageId: string; at: Date; emotion: MessageEmotion },
): Promise<MoodUpdate> {
  return scope.transaction(async (trx) => {
    await trx
      .insertInto('customer_moods', { customer_id: input.customerId, score: 0, trend: 'stable', alert: false, updated_at: new Date(0) })
      .onConflict((oc) => oc.column('customer_id').doNothing())
      .execute();
    const prior = await trx.selectFrom('customer_moods').selectAll().where('customer_id', '=', input.customerId).forUpdate().executeTakeFirstOrThrow();
    const earlier = await trx
      .selectFrom('customer_mood_points')
      .select('score')
      .where('customer_id', '=', input.customerId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(3)
      .execute();
    const e = effectiveEmotion(input.emotion);
    const isFirst = prior.updated_at.getTime() === 0;
    const step = nextMood(isFirst ? null : { score: prior.score, updatedAt: prior.updated_at }, { at: input.at, ...e }, earlier.map((r) => r.score).reverse());
    await trx
      .insertInto('customer_mood_points', {
        customer_id: input.customerId,
        message_id: input.messageId,
        at: input.at,
        emotion: e.emotion,
        valence: e.valence,
        intensity: e.intensity,
        score: step.score,
      })
      .execute();
    const row = await trx
      .updateTable('customer_moods')
      .set({ score: step.score, trend: step.trend, alert: step.alert, updated_at: input.at })
      .where('customer_id', '=', input.customerId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const mood = toMoodView(row);
    const events = await appendStreamEvents(trx.db, scope.workspaceId, [
      { stream: workspaceStream(scope.workspaceId), type: 'customer.mood', data: { customerId: input.customerId, mood } },
    ]);
    return { customerId: input.customerId, mood, events };
  });
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
  const [row, points] = await Promise.all([
    scope.selectFrom('customer_moods').selectAll().where('customer_id', '=', customerId).executeTakeFirst(),
    scope
      .selectFrom('customer_mood_points')
      .select(['message_id', 'at', 'emotion', 'valence', 'score'])
      .where('customer_id', '=', customerId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
  ]);
  return {
    current: row && row.updated_at.getTime() > 0 ? toMoodView(row) : null,
    points: points.reverse().map((p) => ({ messageId: p.message_id, at: p.at.toISOString(), emotion: p.emotion, valence: p.valence, score: p.score })),
  };
}
