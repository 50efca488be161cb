import type { EmotionLabel, LastMessage, MessageEmotion, MoodTrend, PolarityLabel } from '../../api/api.types.ts';
import type { MessageKey } from '../../i18n/i18n.types.ts';

export const EMOTIONS: readonly EmotionLabel[] = ['anger', 'disgust', 'fear', 'sadness', 'surprise', 'joy', 'neutral'];

export const EMOTION_EMOJI: Record<EmotionLabel, string> = {
  anger: '😠',
  disgust: '🤢',
  fear: '😨',
  sadness: '😞',
  surprise: '😮',
  joy: '😊',
  neutral: '😐',
};

// Point colours by emotion; each has at least 3:1 contrast on white (WCAG 1.4.11).
export const EMOTION_COLOR: Record<EmotionLabel, string> = {
  anger: '#b3261e',
  disgust: '#5f6b12',
  fear: '#7046a8',
  sadness: '#2b5fa8',
  surprise: '#9a5b00',
  joy: '#2e7d32',
  neutral: '#6b5e53',
};

export const MOOD_EMOJI: Record<PolarityLabel, string> = { negative: '😟', neutral: '😐', positive: '😊' };

export const TREND_ARROW: Record<MoodTrend, string> = { improving: '↗', stable: '→', worsening: '↘' };

// The same mapping the server applies when a correction comes without a polarity.
export const POLARITY_OF: Record<EmotionLabel, PolarityLabel> = {
  anger: 'negative',
  disgust: 'negative',
  fear: 'negative',
  sadness: 'negative',
  joy: 'positive',
  surprise: 'neutral',
  neutral: 'neutral',
};

const NEGATIVE: ReadonlySet<EmotionLabel> = new Set(['anger', 'disgust', 'fear', 'sadness']);

export const isEmotion = (v: unknown): v is EmotionLabel => typeof v === 'string' && (EMOTIONS as readonly string[]).includes(v);

export const emotionKey = (e: EmotionLabel): MessageKey => `emotion.${e}`;
export const moodLabelKey = (p: PolarityLabel): MessageKey => `mood.label.${p}`;
export const trendKey = (t: MoodTrend): MessageKey => `mood.trend.${t}`;

export type EffectiveEmotion = { emotion: EmotionLabel; polarity: PolarityLabel; alert: boolean; corrected: boolean };

// A person's correction wins over the model; a corrected negative emotion still asks for attention.
export function effectiveEmotion(e: MessageEmotion): EffectiveEmotion {
  if (!e.corrected) return { emotion: e.emotion, polarity: e.polarity, alert: e.alert, corrected: false };
  return { emotion: e.corrected.emotion, polarity: e.corrected.polarity, alert: NEGATIVE.has(e.corrected.emotion), corrected: true };
}

// What an inbox row keeps of a message's emotion.
export function rowEmotion(e: MessageEmotion | null | undefined): NonNullable<LastMessage['emotion']> | null {
  if (!e) return null;
  const { emotion, alert } = effectiveEmotion(e);
  return { emotion, alert };
}

// The local version of a correction, shown before the server confirms it.
export function correctedLocally(e: MessageEmotion, emotion: EmotionLabel, by: string | null, at: Date): MessageEmotion {
  return { ...e, corrected: { emotion, polarity: POLARITY_OF[emotion], by, at: at.toISOString() } };
}

// Cue effects come from the engine in a fixed vocabulary: "+anger" is translated, multipliers
// ("×1.4") read the same in every language, and anything else is shown as the engine wrote it.
export function cueEffectText(effect: string, t: (key: MessageKey) => string): string {
  const plus = /^\+(\w+)$/.exec(effect);
  if (plus && isEmotion(plus[1])) return `+ ${t(emotionKey(plus[1]))}`;
  return effect;
}

const CUE_KINDS = ['word', 'phrase', 'intensifier', 'emoji', 'emoticon', 'negation', 'caps', 'punctuation', 'sarcasm'] as const;
type CueKind = (typeof CUE_KINDS)[number];
const isCueKind = (v: string): v is CueKind => (CUE_KINDS as readonly string[]).includes(v);

export const cueKindKey = (kind: string): MessageKey | null => (isCueKind(kind) ? `emotion.cue.${kind}` : null);

export const percent = (n: number): number => Math.round(Math.max(0, Math.min(1, n)) * 100);
