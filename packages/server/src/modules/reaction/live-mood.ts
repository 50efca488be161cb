import type { MessageEmotion, MoodTrend } from '../../platform/db/database.types.ts';
import { decayed, effectiveEmotion, nextMood, type MoodState } from '../emotion/mood.model.ts';

export type StoredPoint = { messageId: string; at: Date; score: number };
export type MoodMessage = { messageId: string; at: Date; emotion: MessageEmotion | null };
export type LiveMood = { score: number; trend: MoodTrend };

// The mood listener runs beside this one, in its own batches, and may or may not have applied
// these messages yet. So the moods after each of them are derived here from the points stored
// before the first of them, with the same model, and both always agree.
// `points`: the customer's stored points, newest first; `messages`: this batch's, oldest first.
export function projectMoods(points: StoredPoint[], rowTrend: MoodTrend | null, messages: MoodMessage[]): Map<string, LiveMood | undefined> {
  const out = new Map<string, LiveMood | undefined>();
  const first = messages[0];
  if (!first) return out;
  const mine = new Set(messages.map((m) => m.messageId));
  const before = points.filter((p) => !mine.has(p.messageId) && p.at.getTime() <= first.at.getTime()).slice(0, 3);
  let state: MoodState | null = before[0] ? { score: before[0].score, updatedAt: before[0].at } : null;
  let trend = rowTrend;
  const scores = before.map((p) => p.score).reverse();
  for (const m of messages) {
    if (!m.emotion) {
      out.set(m.messageId, state && trend ? { score: Math.round(decayed(state, m.at) * 1000) / 1000, trend } : undefined);
      continue;
    }
    const step = nextMood(state, { at: m.at, ...effectiveEmotion(m.emotion) }, scores.slice(-3));
    scores.push(step.score);
    state = { score: step.score, updatedAt: m.at };
    trend = step.trend;
    out.set(m.messageId, { score: step.score, trend: step.trend });
  }
  return out;
}
