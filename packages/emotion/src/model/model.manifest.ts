import type { FeatureConfig } from '../features/feature.extractor.ts';
import type { TrigramProfile } from '../language/language.detector.ts';

export type LanguageSection = {
  /** Byte offset of this language's Int8 weights in the weights file. */
  offset: number;
  rows: number;
  scale: number[];
  bias: number[];
};

/** model/emotion.json: everything but the weights, which live in model/emotion.weights.bin. */
export type ModelManifest = {
  format: 1;
  classes: string[];
  features: FeatureConfig;
  denseFeatures: string[];
  /** Extra weight given at inference to the customer-service lexicon on top of what the model learnt. */
  lexiconWeight: number;
  /** The same for public posts read by the social head, per language; chosen on held-out training tweets. */
  socialLexiconWeight?: { es: number; en: number };
  /** Alert when P(anger + disgust + fear + sadness) reaches this, or when a customer says they are leaving. */
  alertThreshold: number;
  weightsFile: string;
  /** The general models: chats, emails, reviews, and public posts when there is no social head. */
  languages: { es: LanguageSection; en: LanguageSection };
  /** Models for public posts (hashtags, mentions): half the general model, half one trained on tweets alone. */
  social?: { es: LanguageSection; en: LanguageSection };
  languageProfile: TrigramProfile;
  training: Record<string, unknown>;
};
