import { NEGATORS } from '../lexicon/lexicon.data.ts';
import type { LexiconScore } from '../lexicon/lexicon.scorer.ts';
import { splitHashtag, type Token } from '../text/text.tokenizer.ts';
import { forEachCharGramHash, hashString } from './feature.hasher.ts';

export type FeatureConfig = {
  /** log2 of the number of hashed buckets. */
  bits: number;
  charMin: number;
  charMax: number;
  /** Relative weight of the word group and the character group (each group has unit L2 norm first). */
  wordScale: number;
  charScale: number;
};

/** Sparse vector: `size` first entries of `index` / `value` are used; repeated indices add up. */
export type FeatureVector = { index: Int32Array; value: Float32Array; size: number };

// Dense features after the hashed buckets: six lexicon emotions, then rule flags.
export const DENSE_FEATURES = [
  'lex:anger', 'lex:disgust', 'lex:fear', 'lex:joy', 'lex:sadness', 'lex:surprise',
  'sarcasm', 'churn', 'negated', 'shout', 'exclaim', 'question', 'no-lexicon', 'social-post',
] as const;

const SEED_WORD = 0x9e37;
const SEED_BIGRAM = 0x85eb;
const SEED_NEGATED = 0xc2b2;
const SEED_CHAR = 0x27d4;
const MAX_FEATURES = 32768;

export const createFeatureVector = (capacity = MAX_FEATURES): FeatureVector => ({
  index: new Int32Array(capacity),
  value: new Float32Array(capacity),
  size: 0,
});

/** Hashtags and mentions mark a public post (a tweet), written in another register than a chat or an email. */
export const isPublicPost = (tokens: readonly Token[]): boolean => tokens.some((t) => t.kind === 'hashtag' || t.kind === 'mention');

const unitsOf = (tokens: readonly Token[]): string[] => {
  const units: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'hashtag') {
      units.push(token.norm);
      for (const part of splitHashtag(token.raw)) units.push(part);
    } else {
      units.push(token.norm);
    }
  }
  return units;
};

/** Fill `out` with the hashed word and character n-grams of a message plus its lexicon features. */
export const extractFeatures = (
  tokens: readonly Token[],
  lexicon: LexiconScore,
  config: FeatureConfig,
  out: FeatureVector,
): FeatureVector => {
  const mask = (1 << config.bits) - 1;
  const capacity = out.index.length - DENSE_FEATURES.length;
  let size = 0;
  const units = unitsOf(tokens);

  let negation = 0;
  let previous = '<s>';
  for (const unit of units) {
    if (size + 3 >= capacity) break;
    out.index[size++] = hashString(unit, SEED_WORD) & mask;
    out.index[size++] = hashString(previous + ' ' + unit, SEED_BIGRAM) & mask;
    if (negation > 0) {
      out.index[size++] = hashString(unit, SEED_NEGATED) & mask;
      negation--;
    }
    if (NEGATORS.has(unit) || unit.endsWith("n't")) negation = 3;
    else if (unit === '!' || unit === '!!' || unit === '?' || unit === '??' || unit === '...') negation = 0;
    previous = unit;
  }
  if (size + 1 < capacity) out.index[size++] = hashString(previous + ' </s>', SEED_BIGRAM) & mask;
  const wordCount = size;
  const wordValue = config.wordScale / Math.sqrt(Math.max(1, wordCount));
  out.value.fill(wordValue, 0, wordCount);

  const text = ' ' + tokens.filter((t) => t.kind === 'word' || t.kind === 'emoji').map((t) => t.norm).join(' ') + ' ';
  forEachCharGramHash(text, config.charMin, config.charMax, SEED_CHAR, (hash) => {
    if (size < capacity) out.index[size++] = hash & mask;
  });
  const charCount = size - wordCount;
  out.value.fill(config.charScale / Math.sqrt(Math.max(1, charCount)), wordCount, size);

  const dense = 1 << config.bits;
  const social = isPublicPost(tokens);
  const flags = [lexicon.sarcasm, lexicon.churn, lexicon.negated, lexicon.shout, lexicon.exclaim, lexicon.question, lexicon.hits === 0, social];
  for (let k = 0; k < 6; k++) {
    out.index[size] = dense + k;
    out.value[size++] = Math.min(3, (lexicon.scores[k] ?? 0) / 3);
  }
  for (let k = 0; k < flags.length; k++) {
    if (!flags[k]) continue;
    out.index[size] = dense + 6 + k;
    out.value[size++] = 1;
  }
  out.size = size;
  return out;
};
