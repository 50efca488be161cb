import { fileURLToPath } from 'node:url';
import { analyzeWith, type EmotionEngine } from './emotion.analyzer.ts';
import type { AnalyzeOptions, EmotionResult } from './emotion.types.ts';
import type { ModelManifest } from './model/model.manifest.ts';
import { readModel } from './model/model.store.ts';

export type EmotionModel = {
  manifest: ModelManifest;
  /** Never throws: any input (empty, huge, binary, emoji only) gets a result. */
  analyze: (text: string, options?: AnalyzeOptions) => EmotionResult;
};

export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../model', import.meta.url));

const NEUTRAL_RESULT: EmotionResult = {
  language: 'und', supported: false, emotion: 'neutral',
  probabilities: { anger: 0, disgust: 0, fear: 0, joy: 0, sadness: 0, surprise: 0, neutral: 1 },
  polarity: 'neutral', valence: 0, intensity: 0, alert: false, cues: [],
};

/**
 * Load a model synchronously (two file reads; the weights are used in place, not copied).
 * Throws when the folder has no valid model: a deployment error worth failing loudly on at start-up.
 */
export const loadEmotionModel = (dir: string = DEFAULT_MODEL_DIR): EmotionModel => {
  const { manifest, general, social } = readModel(dir);
  const engine: EmotionEngine = {
    general,
    social,
    features: manifest.features,
    lexiconWeight: manifest.lexiconWeight,
    socialLexiconWeight: manifest.socialLexiconWeight ?? { es: 0, en: 0 },
    alertThreshold: manifest.alertThreshold,
    languageProfile: manifest.languageProfile,
  };
  return {
    manifest,
    analyze: (text, options) => {
      try {
        return analyzeWith(engine, text, options);
      } catch {
        // A bug must not take the message pipeline down with it: an unreadable message is neutral.
        return { ...NEUTRAL_RESULT, probabilities: { ...NEUTRAL_RESULT.probabilities }, cues: [] };
      }
    },
  };
};

let defaultModel: EmotionModel | undefined;

/** Analyse with the committed model, loaded on first use. */
export const analyze = (text: string, options?: AnalyzeOptions): EmotionResult => {
  defaultModel ??= loadEmotionModel();
  return defaultModel.analyze(text, options);
};
