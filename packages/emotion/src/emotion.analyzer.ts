import {
  EMOTION_INDEX,
  EMOTIONS,
  type AnalyzeOptions,
  type Cue,
  type Emotion,
  type EmotionResult,
  type Polarity,
} from './emotion.types.ts';
import { createFeatureVector, extractFeatures, isPublicPost, type FeatureConfig } from './features/feature.extractor.ts';
import { detectLanguage, type TrigramProfile } from './language/language.detector.ts';
import { scoreLexicon } from './lexicon/lexicon.scorer.ts';
import { computeLogits, softmax } from './model/logistic-regression.model.ts';
import type { LanguageModels } from './model/model.store.ts';
import { tokenize } from './text/text.tokenizer.ts';

/** What analysis needs: the language models and the settings they were trained with. */
export type EmotionEngine = {
  general: LanguageModels;
  /** For public posts (hashtags, mentions); the general models read them when absent. */
  social: LanguageModels | undefined;
  features: FeatureConfig;
  /** Extra lexicon weight for messages the general model reads (chats, emails, reviews). */
  lexiconWeight: number;
  /** The same for public posts read by the social head. */
  socialLexiconWeight: { es: number; en: number };
  alertThreshold: number;
  languageProfile: TrigramProfile | undefined;
};

// Long messages keep their opening and their ending: that is where customers state what they feel.
const MAX_CHARS = 2000;
const HEAD_CHARS = 1500;
const MAX_CUES = 12;
// Without words (emoji only, unsupported language), the lexicon decides against this neutral prior.
const NEUTRAL_PRIOR = 1.5;
const NO_EVIDENCE = -30;

const { anger: ANGER, disgust: DISGUST, fear: FEAR, joy: JOY, sadness: SADNESS, surprise: SURPRISE, neutral: NEUTRAL } =
  EMOTION_INDEX;

const features = createFeatureVector();
const logits = new Float64Array(EMOTIONS.length);

const clip = (text: string): string =>
  text.length <= MAX_CHARS ? text : text.slice(0, HEAD_CHARS) + ' … ' + text.slice(text.length - (MAX_CHARS - HEAD_CHARS));

// "|| 0" turns -0 (a tiny negative rounded) into 0.
const round = (x: number): number => Math.round(x * 1000) / 1000 || 0;

const polarityOf = (positive: number, negative: number, neutral: number): Polarity => {
  if (negative >= positive && negative >= neutral) return 'negative';
  return positive >= neutral ? 'positive' : 'neutral';
};

const dedupe = (cues: Cue[]): Cue[] => {
  const seen = new Set<string>();
  const kept: Cue[] = [];
  for (const cue of cues) {
    const key = cue.kind + '\u0000' + cue.text + '\u0000' + cue.effect;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(cue);
    if (kept.length === MAX_CUES) break;
  }
  return kept;
};

export const analyzeWith = (engine: EmotionEngine, input: unknown, options: AnalyzeOptions = {}): EmotionResult => {
  const text = clip(typeof input === 'string' ? input : String(input ?? ''));
  const tokens = tokenize(text);
  const { language, supported } = detectLanguage(text, tokens, engine.languageProfile, options.language);
  const readable = language === 'es' || language === 'en' ? language : undefined;
  const withCues = options.cues !== false;
  const lexicon = scoreLexicon(tokens, readable, withCues);

  if (readable) {
    extractFeatures(tokens, lexicon, engine.features, features);
    const social = engine.social && isPublicPost(tokens) ? engine.social : undefined;
    computeLogits((social ?? engine.general)[readable], features.index, features.value, features.size, logits);
    const boost = social ? engine.socialLexiconWeight[readable] : engine.lexiconWeight;
    for (let k = 0; k < NEUTRAL; k++) logits[k] = (logits[k] as number) + boost * (lexicon.scores[k] as number);
  } else {
    // No model reads these words: an emotion gets probability only from evidence (emoji, "??"), so a calm
    // message in another language stays neutral instead of spreading mass over the six emotions.
    for (let k = 0; k < NEUTRAL; k++) logits[k] = (lexicon.scores[k] as number) > 0 ? (lexicon.scores[k] as number) : NO_EVIDENCE;
    logits[NEUTRAL] = NEUTRAL_PRIOR;
  }
  const p = softmax(logits, EMOTIONS.length);

  let best = NEUTRAL;
  for (let k = 0; k < EMOTIONS.length; k++) if ((p[k] as number) > (p[best] as number)) best = k;
  const positive = p[JOY] as number;
  const negative = (p[ANGER] as number) + (p[DISGUST] as number) + (p[FEAR] as number) + (p[SADNESS] as number);
  const neutral = (p[NEUTRAL] as number) + (p[SURPRISE] as number);
  let evidence = 0;
  for (let k = 0; k < NEUTRAL; k++) evidence += Math.abs(lexicon.scores[k] as number);
  const intensity =
    (1 - (p[NEUTRAL] as number)) * 0.7 +
    Math.min(0.2, evidence / 30) +
    (lexicon.shout ? 0.1 : 0) +
    (lexicon.exclaim ? 0.05 : 0);

  const probabilities = {} as Record<Emotion, number>;
  for (let k = 0; k < EMOTIONS.length; k++) probabilities[EMOTIONS[k] as Emotion] = round(p[k] as number);

  return {
    language,
    supported,
    emotion: EMOTIONS[best] as Emotion,
    probabilities,
    polarity: polarityOf(positive, negative, neutral),
    valence: round(Math.max(-1, Math.min(1, positive - negative))),
    intensity: round(Math.min(1, intensity)),
    alert: lexicon.churn || negative >= engine.alertThreshold,
    cues: withCues ? dedupe(lexicon.cues) : [],
  };
};
