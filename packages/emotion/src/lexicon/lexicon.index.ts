import { EMOTION_INDEX, type Emotion } from '../emotion.types.ts';
import { normalizeWord } from '../text/text.normalizer.ts';
import type { LexiconSpec } from './lexicon.data.ts';

export type LexiconHit = { emotion: number; strength: number };

/** A lexicon compiled for lookups on normalised tokens: exact words, stems and multi-word phrases. */
export type LexiconIndex = {
  words: Map<string, LexiconHit[]>;
  stems: Map<string, LexiconHit[]>;
  /** First word → phrases starting with it, longest first. */
  phrases: Map<string, Array<{ words: string[]; prefix: boolean; hits: LexiconHit[] }>>;
  minStem: number;
};

const push = <K>(map: Map<K, LexiconHit[]>, key: K, hit: LexiconHit): void => {
  const list = map.get(key);
  if (list) list.push(hit);
  else map.set(key, [hit]);
};

export const compileLexicon = (spec: LexiconSpec): LexiconIndex => {
  const index: LexiconIndex = { words: new Map(), stems: new Map(), phrases: new Map(), minStem: 99 };
  for (const [emotionName, entries] of Object.entries(spec)) {
    const emotion = EMOTION_INDEX[emotionName as Emotion];
    for (const [key, strength] of Object.entries(entries ?? {})) {
      const prefix = key.endsWith('*');
      const words = (prefix ? key.slice(0, -1) : key).split(' ').map((w) => (w.length > 0 ? normalizeWord(w) : w));
      const hit = { emotion, strength };
      if (words.length > 1) {
        const first = words[0] ?? '';
        const list = index.phrases.get(first) ?? [];
        const existing = list.find((p) => p.words.join(' ') === words.join(' ') && p.prefix === prefix);
        if (existing) existing.hits.push(hit);
        else list.push({ words, prefix, hits: [hit] });
        list.sort((a, b) => b.words.length - a.words.length);
        index.phrases.set(first, list);
      } else if (prefix) {
        push(index.stems, words[0] ?? '', hit);
        index.minStem = Math.min(index.minStem, (words[0] ?? '').length);
      } else {
        push(index.words, words[0] ?? key, hit);
      }
    }
  }
  return index;
};

/** Exact word first, then the longest matching stem. */
export const lookupWord = (index: LexiconIndex, word: string): LexiconHit[] | undefined => {
  const exact = index.words.get(word);
  if (exact) return exact;
  for (let length = Math.min(word.length, 14); length >= index.minStem; length--) {
    const stem = index.stems.get(word.slice(0, length));
    if (stem) return stem;
  }
  return undefined;
};

/** Length of the longest phrase matching at `start`, with its hits. */
export const matchPhrase = (
  index: LexiconIndex,
  words: readonly string[],
  start: number,
): { length: number; hits: LexiconHit[] } | undefined => {
  const candidates = index.phrases.get(words[start] ?? '');
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    if (start + phrase.words.length > words.length) continue;
    let ok = true;
    for (let k = 1; k < phrase.words.length; k++) {
      const expected = phrase.words[k] ?? '';
      const actual = words[start + k] ?? '';
      const last = k === phrase.words.length - 1;
      if (!(actual === expected || (last && phrase.prefix && actual.startsWith(expected)))) {
        ok = false;
        break;
      }
    }
    if (ok) return { length: phrase.words.length, hits: phrase.hits };
  }
  return undefined;
};
