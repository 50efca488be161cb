export const EMOTIONS = ['anger', 'disgust', 'fear', 'joy', 'sadness', 'surprise', 'neutral'] as const;
export type Emotion = (typeof EMOTIONS)[number];

export const POLARITIES = ['negative', 'neutral', 'positive'] as const;
export type Polarity = (typeof POLARITIES)[number];

export type SupportedLanguage = 'es' | 'en';

export type CueKind =
  | 'word'
  | 'emoji'
  | 'punctuation'
  | 'caps'
  | 'negation'
  | 'intensifier'
  | 'sarcasm'
  | 'phrase';

export type Cue = {
  text: string;
  kind: CueKind;
  /** Human-readable effect, e.g. "+anger", "negates joy", "×1.5". */
  effect: string;
};

export type EmotionResult = {
  /** `es`, `en`, another ISO 639-1 code (unsupported) or `und` when nothing tells. */
  language: string;
  /** False when the text is in a language the engine does not read; the emotion is then neutral. */
  supported: boolean;
  emotion: Emotion;
  probabilities: Record<Emotion, number>;
  polarity: Polarity;
  /** -1 (very negative) … 1 (very positive). */
  valence: number;
  /** 0 (flat) … 1 (very intense). */
  intensity: number;
  /** True when an employee should react: unhappy, worried, angry, disappointed or about to leave. */
  alert: boolean;
  cues: Cue[];
};

export type AnalyzeOptions = {
  /** Language hint (`es` or `en`); skips detection when given. */
  language?: string;
  /** Leave cues out (slightly faster) when the caller does not show them. */
  cues?: boolean;
};

export const EMOTION_INDEX: Record<Emotion, number> = {
  anger: 0,
  disgust: 1,
  fear: 2,
  joy: 3,
  sadness: 4,
  surprise: 5,
  neutral: 6,
};

export const isEmotion = (value: string): value is Emotion =>
  (EMOTIONS as readonly string[]).includes(value);

export const isPolarity = (value: string): value is Polarity =>
  (POLARITIES as readonly string[]).includes(value);
