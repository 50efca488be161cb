import { countLexiconWords } from '../lexicon/lexicon.scorer.ts';
import type { Token } from '../text/text.tokenizer.ts';
import { STOPWORDS } from './stopwords.data.ts';

export type DetectedLanguage = { language: string; supported: boolean };

/** Character-trigram log-probabilities for es and en, learnt at training time (model/language.json). */
export type TrigramProfile = { es: Record<string, number>; en: Record<string, number>; floor: number };

// Word → the languages listing it: one lookup per word instead of one per word and language.
const STOPWORD_LANGUAGES = new Map<string, string[]>();
const NONE: readonly string[] = [];
for (const [code, words] of Object.entries(STOPWORDS)) {
  for (const word of new Set(words)) STOPWORD_LANGUAGES.set(word, [...(STOPWORD_LANGUAGES.get(word) ?? []), code]);
}

// Scripts that can only be another language: one look at the letters settles it.
const SCRIPTS: Array<[RegExp, string]> = [
  [/\p{Script=Cyrillic}/gu, 'ru'], [/\p{Script=Greek}/gu, 'el'], [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'], [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'], [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'], [/\p{Script=Devanagari}/gu, 'hi'], [/\p{Script=Thai}/gu, 'th'],
];
const LATIN = /\p{Script=Latin}/gu;
// One non-global scan: most messages have no letter of another script, and skip the per-script counts.
const OTHER_SCRIPT = new RegExp(SCRIPTS.map(([pattern]) => pattern.source).join('|'), 'u');
const ORTHOGRAPHY: Array<[RegExp, string, number]> = [
  [/[ñ¿¡]/u, 'es', 2], [/[ãõ]/u, 'pt', 2], [/[ßäö]/u, 'de', 2], [/[èàùâêîôû]/u, 'fr', 1.5], [/\w'(s|t|re|ll|ve|m|d)\b/u, 'en', 1],
];

const scoreTrigrams = (text: string, profile: TrigramProfile): number => {
  const padded = ` ${text} `;
  let diff = 0;
  for (let i = 0; i + 3 <= padded.length; i++) {
    const gram = padded.slice(i, i + 3);
    diff += (profile.es[gram] ?? profile.floor) - (profile.en[gram] ?? profile.floor);
  }
  return diff;
};

/** es or en when the text says so; another code (unsupported) for other languages; `und` when nothing tells. */
export const detectLanguage = (
  text: string,
  tokens: readonly Token[],
  profile: TrigramProfile | undefined,
  hint?: string,
): DetectedLanguage => {
  if (hint === 'es' || hint === 'en') return { language: hint, supported: true };
  const words = tokens.filter((t) => t.kind === 'word').map((t) => t.norm);
  if (words.length === 0) return { language: 'und', supported: true };
  if (OTHER_SCRIPT.test(text)) {
    const latin = text.match(LATIN)?.length ?? 0;
    for (const [pattern, code] of SCRIPTS) {
      const count = text.match(pattern)?.length ?? 0;
      if (count > latin) return { language: code, supported: false };
    }
  }
  const scores = new Map<string, number>();
  for (const code of Object.keys(STOPWORDS)) scores.set(code, 0);
  for (const word of words) {
    for (const code of STOPWORD_LANGUAGES.get(word) ?? NONE) scores.set(code, (scores.get(code) as number) + 1);
  }
  scores.set('es', (scores.get('es') ?? 0) + countLexiconWords(words, 'es'));
  scores.set('en', (scores.get('en') ?? 0) + countLexiconWords(words, 'en'));
  for (const [pattern, code, weight] of ORTHOGRAPHY) {
    if (pattern.test(text)) scores.set(code, (scores.get(code) ?? 0) + weight);
  }
  let best = 'und';
  let bestScore = 0;
  let second = 0;
  for (const [code, score] of scores) {
    if (score > bestScore) {
      second = bestScore;
      best = code;
      bestScore = score;
    } else if (score > second) second = score;
  }
  const undecided = bestScore === 0 || (bestScore === second && (best === 'es' || best === 'en'));
  if (undecided && profile) {
    const esScore = scores.get('es') ?? 0;
    const enScore = scores.get('en') ?? 0;
    // Only es and en have profiles: another language must already have lost on stopwords to reach here.
    if (esScore >= bestScore || enScore >= bestScore) {
      const diff = scoreTrigrams(words.join(' '), profile);
      if (Math.abs(diff) >= 2) return { language: diff > 0 ? 'es' : 'en', supported: true };
    }
  }
  if (bestScore === 0) return { language: 'und', supported: false };
  return { language: best, supported: best === 'es' || best === 'en' };
};
