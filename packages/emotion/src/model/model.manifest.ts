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
  /** Alert when P(anger + disgust + fear + sadness) reaches this, or when a customer says they are leaving. */
  alertThreshold: number;
  weightsFile: string;
  languages: { es: LanguageSection; en: LanguageSection };
  languageProfile: TrigramProfile;
  training: Record<string, unknown>;
};
