import { EMOTIONS } from '../emotion.types.ts';
import { createFeatureVector, extractFeatures, type FeatureConfig } from '../features/feature.extractor.ts';
import { scoreLexicon } from '../lexicon/lexicon.scorer.ts';
import { tokenize } from '../text/text.tokenizer.ts';
import type { Example } from './datasets.loader.ts';

/** Training rows as one packed sparse matrix (CSR) with soft targets and per-row weights. */
export type EncodedSet = {
  rows: number;
  offsets: Int32Array;
  index: Int32Array;
  value: Float32Array;
  targets: Float32Array;
  weights: Float32Array;
};

export const encodeExamples = (
  examples: readonly Example[],
  language: 'es' | 'en',
  config: FeatureConfig,
  weightOf: (example: Example) => number,
): EncodedSet => {
  const vector = createFeatureVector();
  const classes = EMOTIONS.length;
  const offsets = new Int32Array(examples.length + 1);
  let index = new Int32Array(examples.length * 256);
  let value = new Float32Array(examples.length * 256);
  const targets = new Float32Array(examples.length * classes);
  const weights = new Float32Array(examples.length);
  let used = 0;
  examples.forEach((example, row) => {
    const tokens = tokenize(example.text);
    extractFeatures(tokens, scoreLexicon(tokens, language, false), config, vector);
    if (used + vector.size > index.length) {
      const grow = Math.max(index.length * 2, used + vector.size);
      const nextIndex = new Int32Array(grow);
      nextIndex.set(index);
      index = nextIndex;
      const nextValue = new Float32Array(grow);
      nextValue.set(value);
      value = nextValue;
    }
    index.set(vector.index.subarray(0, vector.size), used);
    value.set(vector.value.subarray(0, vector.size), used);
    used += vector.size;
    offsets[row + 1] = used;
    targets.set(example.target, row * classes);
    weights[row] = weightOf(example);
  });
  return { rows: examples.length, offsets, index: index.slice(0, used), value: value.slice(0, used), targets, weights };
};
