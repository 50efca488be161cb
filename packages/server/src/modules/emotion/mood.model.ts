import type { EmotionLabel, MessageEmotion, MoodTrend, PolarityLabel } from '../../platform/db/database.types.ts';

// A customer's mood is a rolling valence score in [-1, 1]. Each message pulls it towards that
// message's valence, harder when the message is intense; between messages it fades towards
// neutral with this half-life, because how someone felt a month ago says little about today.
export const MOOD_HALF_LIFE_MS = 3 * 24 * 60 * 60 * 1000;
const TREND_LOOKBACK = 3;
const TREND_THRESHOLD = 0.15;
const ALERT_SCORE = -0.5;

export type MoodState = { score: number; updatedAt: Date };
export type MoodPointInput = { at: Date; valence: number; intensity: number; alert: boolean };
export type MoodStep = { score: number; trend: MoodTrend; alert: boolean };

export const decayed = (state: MoodState, now: Date): number =>
  state.score * 0.5 ** (Math.max(0, now.getTime() - state.updatedAt.getTime()) / MOOD_HALF_LIFE_MS);

const clamp = (n: number) => Math.max(-1, Math.min(1, n));

// `earlierScores`: the scores after the previous messages, newest last (for the trend).
export function nextMood(prior: MoodState | null, point: MoodPointInput, earlierScores: number[]): MoodStep {
  const start = prior ? decayed(prior, point.at) : 0;
  const pull = 0.25 + 0.5 * Math.max(0, Math.min(1, point.intensity));
  const score = clamp(start + pull * (point.valence - start));
  // A first message has no history to compare with: no trend yet.
  const reference = earlierScores.length >= TREND_LOOKBACK ? earlierScores[earlierScores.length - TREND_LOOKBACK]! : (earlierScores[0] ?? score);
  const delta = score - reference;
  const trend: MoodTrend = delta > TREND_THRESHOLD ? 'improving' : delta < -TREND_THRESHOLD ? 'worsening' : 'stable';
  return { score: round(score), trend, alert: point.alert || score <= ALERT_SCORE };
}

// The whole timeline from scratch: used after a correction and for generated demo data.
export function replayMood(points: MoodPointInput[]): Array<MoodStep & { at: Date }> {
  const out: Array<MoodStep & { at: Date }> = [];
  let state: MoodState | null = null;
  for (const p of [...points].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const step = nextMood(state, p, out.map((o) => o.score));
    out.push({ ...step, at: p.at });
    state = { score: step.score, updatedAt: p.at };
  }
  return out;
}

// What a message contributes: an employee's correction wins over the engine's reading.
export const CORRECTED_VALENCE: Record<PolarityLabel, number> = { negative: -0.7, neutral: 0, positive: 0.7 };
export function effectiveEmotion(e: MessageEmotion): { emotion: EmotionLabel; valence: number; intensity: number; alert: boolean } {
  if (!e.corrected) return { emotion: e.emotion, valence: e.valence, intensity: e.intensity, alert: e.alert };
  const valence = e.corrected.polarity === e.polarity ? e.valence : CORRECTED_VALENCE[e.corrected.polarity];
  const negative = ['anger', 'disgust', 'fear', 'sadness'].includes(e.corrected.emotion);
  return { emotion: e.corrected.emotion, valence, intensity: e.intensity, alert: negative };
}

export const moodLabel = (score: number): PolarityLabel => (score <= -0.2 ? 'negative' : score >= 0.2 ? 'positive' : 'neutral');

const round = (n: number) => Math.round(n * 1000) / 1000;
