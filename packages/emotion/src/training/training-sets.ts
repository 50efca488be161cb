import { EMOTIONS } from '../emotion.types.ts';
import { loadEmoEvent, loadGoEmotions, loadXed, type Example } from './datasets.loader.ts';

export type SourceWeights = Record<string, number>;

export type TrainingSet = { examples: Example[]; weightOf: (example: Example) => number };

/**
 * Class weights (count / mean count)^-alpha per source: rare emotions (fear, disgust) get more say without
 * flooding the majority class with false alarms, which full balancing (alpha = 1) would.
 */
const classWeights = (examples: readonly Example[], alpha: number): Map<string, Float64Array> => {
  const bySource = new Map<string, Float64Array>();
  for (const example of examples) {
    const counts = bySource.get(example.source) ?? new Float64Array(EMOTIONS.length);
    for (let k = 0; k < counts.length; k++) counts[k] = (counts[k] as number) + (example.target[k] as number);
    bySource.set(example.source, counts);
  }
  for (const counts of bySource.values()) {
    const present = [...counts].filter((c) => c > 0);
    const mean = present.reduce((a, b) => a + b, 0) / Math.max(1, present.length);
    for (let k = 0; k < counts.length; k++) {
      counts[k] = (counts[k] as number) > 0 ? Math.pow((counts[k] as number) / mean, -alpha) : 0;
    }
  }
  return bySource;
};

export const buildTrainingSet = (
  dir: string,
  language: 'es' | 'en',
  permissiveOnly: boolean,
  sourceWeights: SourceWeights,
  alpha: number,
  // Rows labelled by people in the product (corrections): customer-service text, the register we serve.
  extra: readonly Example[] = [],
): TrainingSet => {
  const examples: Example[] = [];
  if (!permissiveOnly) examples.push(...loadEmoEvent(dir, language, 'train'));
  // The other language's tweets are about the same events: hashtags, names and emoji carry over.
  const other = language === 'es' ? 'en' : 'es';
  if (!permissiveOnly && (sourceWeights[`emoevent-${other}-cross`] ?? 0) > 0) {
    examples.push(...loadEmoEvent(dir, other, 'train').map((e) => ({ ...e, source: `emoevent-${other}-cross` })));
  }
  examples.push(...loadXed(dir, language, 'train'));
  if (language === 'en') examples.push(...loadGoEmotions(dir, 'train'));
  examples.push(...extra);
  const weights = classWeights(examples, alpha);
  const weightOf = (example: Example): number => {
    const perClass = weights.get(example.source);
    let classWeight = 0;
    for (let k = 0; k < EMOTIONS.length; k++) classWeight += (example.target[k] as number) * (perClass?.[k] ?? 1);
    return (sourceWeights[example.source] ?? 1) * classWeight;
  };
  return { examples, weightOf };
};

/** This language's tweets alone, with the class weights they had in the full set: what the social head learns from. */
export const tweetsOnly = (set: TrainingSet, language: 'es' | 'en'): TrainingSet => ({
  ...set,
  examples: set.examples.filter((example) => example.source === `emoevent-${language}`),
});

/** True when every row that carries weight is a tweet: the general model is then a tweet model already. */
export const learnsFromTweetsOnly = (set: TrainingSet, language: 'es' | 'en'): boolean =>
  set.examples.every((example) => example.source === `emoevent-${language}` || set.weightOf(example) === 0);
