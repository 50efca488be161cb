import { normalizeWord } from './text.normalizer.ts';

export type TokenKind = 'word' | 'hashtag' | 'mention' | 'url' | 'number' | 'emoji' | 'emoticon' | 'punct';

export type Token = {
  kind: TokenKind;
  raw: string;
  /** Normalised form: folded word, emoji without variation selectors, "!!" for any run of 2+ "!". */
  norm: string;
  /** Written in capitals (three letters or more), a shout. */
  caps: boolean;
  /** A letter stretched three times or more ("siiii", "nooo"). */
  stretched: boolean;
};

// One pass over the text; the order of alternatives decides ties (URLs before words, emoji before punctuation).
const TOKEN =
  /(https?:\/\/\S+|www\.\S+)|([@#][\p{L}\p{N}_]+)|(\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)?)|(\p{N}+(?:[.,:]\p{N}+)*)|(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*|[\u{1F1E6}-\u{1F1FF}]{2})|([:;=]-?[()DPpOo/\\|]|<\/?3|\bxD\b)|([!?¡¿]+|\.{3,}|…|[.,;:])/gu;

const STRETCH = /(\p{L})\1{2,}/u;
const EMOJI_NOISE = /[\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]/gu;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

const HASHTAG_PARTS = /\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+/gu;

// Chat vocabulary (and a thread's hashtags) is small and repetitive: remembering each spelling's analysis
// saves several regular expressions per word, most of the tokeniser's time. Cleared when full.
const CACHE_MAX = 20_000;

const remember = <T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T => {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(key, value);
  }
  return value;
};

const hashtagParts = new Map<string, readonly string[]>();

/** "#NotreDameFire" → ["notre", "dame", "fire"]; tweets pack sentences into hashtags. */
export const splitHashtag = (tag: string): readonly string[] =>
  remember(hashtagParts, tag, (t) => (t.slice(1).match(HASHTAG_PARTS) ?? []).map(normalizeWord));

type WordShape = { norm: string; caps: boolean; stretched: boolean };

const wordShapes = new Map<string, WordShape>();

const shapeOf = (raw: string): WordShape =>
  remember(wordShapes, raw, (w) => ({ norm: normalizeWord(w), caps: w.length >= 3 && UPPER.test(w) && !LOWER.test(w), stretched: STRETCH.test(w) }));

const hashtagNorms = new Map<string, string>();

const punctuationNorm = (raw: string): string => {
  if (raw === ',' || raw === ';' || raw === ':' || raw === '.') return raw;
  if (raw === '…' || raw.startsWith('.')) return '...';
  const hasQuestion = raw.includes('?') || raw.includes('¿');
  const hasBang = raw.includes('!') || raw.includes('¡');
  if (hasQuestion && hasBang) return '?!';
  const mark = hasQuestion ? '?' : '!';
  return raw.length >= 2 ? mark + mark : mark;
};

export const tokenize = (text: string): Token[] => {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    if (match[1] !== undefined) {
      tokens.push({ kind: 'url', raw, norm: '<url>', caps: false, stretched: false });
    } else if (match[2] !== undefined) {
      const mention = raw.startsWith('@');
      tokens.push({
        kind: mention ? 'mention' : 'hashtag',
        raw,
        norm: mention ? '@user' : remember(hashtagNorms, raw, (tag) => '#' + normalizeWord(tag.slice(1))),
        caps: false,
        stretched: false,
      });
    } else if (match[3] !== undefined) {
      if (raw === 'USER') {
        tokens.push({ kind: 'mention', raw, norm: '@user', caps: false, stretched: false });
        continue;
      }
      const { norm, caps, stretched } = shapeOf(raw);
      tokens.push({ kind: 'word', raw, norm, caps, stretched });
    } else if (match[4] !== undefined) {
      tokens.push({ kind: 'number', raw, norm: '<num>', caps: false, stretched: false });
    } else if (match[5] !== undefined) {
      tokens.push({ kind: 'emoji', raw, norm: raw.replace(EMOJI_NOISE, ''), caps: false, stretched: false });
    } else if (match[6] !== undefined) {
      tokens.push({ kind: 'emoticon', raw, norm: raw.replace('-', '').replace('=', ':'), caps: false, stretched: false });
    } else {
      tokens.push({ kind: 'punct', raw, norm: punctuationNorm(raw), caps: false, stretched: false });
    }
  }
  return tokens;
};
