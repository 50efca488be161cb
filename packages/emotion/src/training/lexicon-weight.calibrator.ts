import { analyzeWith, type EmotionEngine } from '../emotion.analyzer.ts';
import { evaluateRows } from '../evaluation/dataset.evaluator.ts';
import { hashString } from '../features/feature.hasher.ts';
import type { Example } from './datasets.loader.ts';

export const LEXICON_WEIGHTS = [0, 0.25, 0.5, 0.75, 1] as const;

/** A tenth of the training tweets, fixed by a hash of the text, held out to choose the social head's lexicon weight. */
export const isCalibrationRow = (example: Example): boolean =>
  example.source.startsWith('emoevent-') && hashString(example.text, 0xca11b) % 10 === 0;

/** The lexicon weight with the best weighted-F1 on the held-out tweets (the smaller one on a tie). */
export const chooseSocialLexiconWeight = (
  engineWith: (weight: number) => EmotionEngine,
  language: 'es' | 'en',
  heldOut: readonly Example[],
): { weight: number; scores: number[] } => {
  const rows = heldOut.map((e) => ({ text: e.text, emotion: e.label }));
  const scores = LEXICON_WEIGHTS.map((weight) => {
    const engine = engineWith(weight);
    return evaluateRows(rows, (text, options) => analyzeWith(engine, text, options), { language }).emotion.weightedF1;
  });
  const best = scores.indexOf(Math.max(...scores));
  return { weight: LEXICON_WEIGHTS[best] as number, scores };
};
