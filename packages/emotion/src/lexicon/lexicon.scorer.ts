import { EMOTION_INDEX, EMOTIONS, type Cue } from '../emotion.types.ts';
import { squashRuns } from '../text/text.normalizer.ts';
import type { Token } from '../text/text.tokenizer.ts';
import {
  CHURN_PHRASES,
  EMOJI_LEXICON,
  INTENSIFIERS,
  IRONIC_POSITIVES,
  LEXICON_EN,
  LEXICON_ES,
  NEGATORS,
  SARCASM_CONTEXT,
  SARCASM_EMOJI,
  SARCASM_PHRASES,
} from './lexicon.data.ts';
import { compileLexicon, lookupWord, matchPhrase, type LexiconHit, type LexiconIndex } from './lexicon.index.ts';

export type LexiconScore = {
  /** Evidence per emotion, in logit units (index = EMOTION_INDEX). */
  scores: Float64Array;
  cues: Cue[];
  sarcasm: boolean;
  churn: boolean;
  negated: boolean;
  shout: boolean;
  exclaim: boolean;
  question: boolean;
  hits: number;
};

const LEXICONS: Record<'es' | 'en', LexiconIndex> = {
  es: compileLexicon(LEXICON_ES),
  en: compileLexicon(LEXICON_EN),
};
const EMOJI = compileLexicon(EMOJI_LEXICON);

const { anger: ANGER, joy: JOY, sadness: SADNESS } = EMOTION_INDEX;
const CLAUSE_BREAKS = new Set(['pero', 'but', 'aunque', 'although', 'though', 'however', 'sin embargo', 'y', 'and']);
const CONTRASTS = new Set(['pero', 'but', 'aunque', 'although', 'though', 'however']);
const NEGATION_SCOPE = 3;
// Padded once here rather than on every message: phrases match whole words only.
const PADDED_SARCASM_CONTEXT = SARCASM_CONTEXT.map((phrase) => ` ${phrase} `);
/** Churn phrases by first word: one lookup per word instead of a search of the text per phrase. */
const CHURN_BY_FIRST = new Map<string, string[][]>();
for (const phrase of CHURN_PHRASES) {
  const words = phrase.split(' ');
  CHURN_BY_FIRST.set(words[0] as string, [...(CHURN_BY_FIRST.get(words[0] as string) ?? []), words]);
}

/** Everything a spelling can do in a message, found once: most words of a message do nothing. */
type WordRole = {
  startsPhrase: boolean;
  clauseBreak: boolean;
  contrast: boolean;
  negator: boolean;
  boost: number | undefined;
  hits: LexiconHit[] | undefined;
};
const ROLE_CACHE_MAX = 20_000;
const ROLES: Record<'es' | 'en', Map<string, WordRole>> = { es: new Map(), en: new Map() };

const roleOf = (language: 'es' | 'en', word: string): WordRole => {
  const cache = ROLES[language];
  let role = cache.get(word);
  if (role === undefined) {
    const index = LEXICONS[language];
    const boost = INTENSIFIERS.get(word);
    role = {
      startsPhrase: index.phrases.has(word),
      clauseBreak: CLAUSE_BREAKS.has(word),
      contrast: CONTRASTS.has(word),
      negator: NEGATORS.has(word) || word.endsWith("n't"),
      boost: boost !== undefined && boost !== 1 ? boost : undefined,
      hits: lookupWord(index, word),
    };
    if (cache.size >= ROLE_CACHE_MAX) cache.clear();
    cache.set(word, role);
  }
  return role;
};

const saysChurn = (words: readonly string[]): string | undefined => {
  for (let i = 0; i < words.length; i++) {
    for (const phrase of CHURN_BY_FIRST.get(words[i] as string) ?? []) {
      if (phrase.every((w, k) => words[i + k] === w)) return phrase.join(' ');
    }
  }
  return undefined;
};
const FIRST_CODE_POINT = /^./u;

/** How many lexicon words a text contains in each language (language detection uses it). */
export const countLexiconWords = (words: readonly string[], language: 'es' | 'en'): number => {
  const index = LEXICONS[language];
  let count = 0;
  for (const word of words) if (index.words.has(word)) count++;
  return count;
};

const padded = (words: readonly string[]): string => ' ' + words.join(' ') + ' ';

export const scoreLexicon = (tokens: readonly Token[], language: 'es' | 'en' | undefined, withCues: boolean): LexiconScore => {
  const scores = new Float64Array(EMOTIONS.length);
  const cues: Cue[] = [];
  const result: LexiconScore = {
    scores, cues, sarcasm: false, churn: false, negated: false, shout: false, exclaim: false, question: false, hits: 0,
  };
  const index = language ? LEXICONS[language] : undefined;
  const words: string[] = [];
  for (const token of tokens) if (token.kind === 'word') words.push(token.norm);

  let ironicJoy = 0;
  let ironicWord = '';
  let negationLeft = 0;
  let multiplier = 1;
  let multiplierLeft = 0;
  let wordIndex = -1;

  const apply = (hits: readonly LexiconHit[], text: string, token: Token | undefined, phrase: boolean): void => {
    let factor = multiplierLeft > 0 ? multiplier : 1;
    if (token?.caps) {
      factor *= 1.3;
      result.shout = true;
      if (withCues) cues.push({ text: token.raw, kind: 'caps', effect: '×1.3 (shouting)' });
    }
    if (token?.stretched) factor *= 1.2;
    multiplierLeft = 0;
    for (const hit of hits) {
      const strength = hit.strength * factor;
      result.hits++;
      if (negationLeft > 0 && !phrase) {
        result.negated = true;
        if (hit.emotion === JOY) {
          // "no estoy nada contento": negated satisfaction reads as disappointment with some anger.
          scores[SADNESS] = (scores[SADNESS] ?? 0) + 0.6 * strength;
          scores[ANGER] = (scores[ANGER] ?? 0) + 0.4 * strength;
          if (withCues) cues.push({ text, kind: 'negation', effect: 'negated joy → sadness, anger' });
        } else if (withCues) {
          // A negated complaint is cancelled, not turned into praise: "not bad" is a phrase of its own.
          cues.push({ text, kind: 'negation', effect: `negated ${EMOTIONS[hit.emotion]}` });
        }
        continue;
      }
      scores[hit.emotion] = (scores[hit.emotion] ?? 0) + strength;
      if (hit.emotion === JOY && !phrase && IRONIC_POSITIVES.has(text)) {
        ironicJoy += strength;
        ironicWord = token?.raw ?? text;
      }
      if (withCues) {
        cues.push({ text: token?.raw ?? text, kind: phrase ? 'phrase' : 'word', effect: `+${EMOTIONS[hit.emotion]}` });
      }
    }
  };

  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as Token;
    if (token.kind === 'punct') {
      negationLeft = 0;
      if (token.norm === '!!' || token.norm === '?!') result.exclaim = true;
      if (token.norm.includes('?')) result.question = true;
      if (token.norm === '?!' || token.norm === '??') {
        // "Where is my order??": insistent questions are impatience.
        scores[ANGER] = (scores[ANGER] ?? 0) + 0.8;
        if (withCues) cues.push({ text: token.raw, kind: 'punctuation', effect: '+anger (insistence)' });
      } else if (token.norm === '!!' && withCues) {
        cues.push({ text: token.raw, kind: 'punctuation', effect: '×1.15 intensity' });
      }
      continue;
    }
    if (token.kind === 'emoji' || token.kind === 'emoticon') {
      const hits = EMOJI.words.get(token.norm) ?? EMOJI.words.get(token.norm.match(FIRST_CODE_POINT)?.[0] ?? '');
      if (SARCASM_EMOJI.has(token.norm.match(FIRST_CODE_POINT)?.[0] ?? '')) {
        result.sarcasm = true;
        scores[ANGER] = (scores[ANGER] ?? 0) + 1;
        if (withCues) cues.push({ text: token.raw, kind: 'sarcasm', effect: 'irony marker, +anger' });
      }
      if (hits) {
        const saved = negationLeft;
        negationLeft = 0;
        apply(hits, token.norm, token, false);
        negationLeft = saved;
        if (withCues) {
          const last = cues[cues.length - 1];
          if (last && last.kind === 'word') last.kind = 'emoji';
        }
      }
      continue;
    }
    if (token.kind !== 'word') continue;
    wordIndex++;
    if (!index || !language) continue;
    const word = token.norm;
    const role = roleOf(language, word);
    const phrase = role.startsPhrase ? matchPhrase(index, words, wordIndex) : undefined;
    if (phrase) {
      const text = words.slice(wordIndex, wordIndex + phrase.length).join(' ');
      apply(phrase.hits, text, undefined, true);
      if (SARCASM_PHRASES.has(text)) {
        result.sarcasm = true;
        if (withCues) cues.push({ text, kind: 'sarcasm', effect: 'sarcastic phrase, +anger' });
      }
      if (withCues) {
        const last = cues[cues.length - 1];
        if (last) last.text = tokens.slice(t, t + phrase.length).map((x) => x.raw).join(' ');
      }
      // Skip the rest of the phrase: its words must not count twice.
      let skipped = 1;
      while (skipped < phrase.length && t + 1 < tokens.length) {
        t++;
        if ((tokens[t] as Token).kind === 'word') {
          skipped++;
          wordIndex++;
        }
      }
      negationLeft = 0;
      continue;
    }
    if (role.clauseBreak) {
      negationLeft = 0;
      if (role.contrast) {
        // "Gracias, aunque esperaba más": what follows the contrast is what the customer means.
        for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] ?? 0) * 0.5;
        ironicJoy *= 0.5;
      }
      continue;
    }
    if (role.negator) {
      negationLeft = NEGATION_SCOPE + 1;
      if (withCues) cues.push({ text: token.raw, kind: 'negation', effect: 'negates what follows' });
    }
    if (role.boost !== undefined) {
      multiplier = role.boost;
      multiplierLeft = 3;
      if (withCues) cues.push({ text: token.raw, kind: 'intensifier', effect: `×${role.boost}` });
    } else {
      const hits = role.hits ?? (token.stretched ? lookupWord(index, squashRuns(word)) : undefined);
      if (hits) apply(hits, word, token, false);
    }
    if (negationLeft > 0) negationLeft--;
    if (multiplierLeft > 0) multiplierLeft--;
  }

  let capsWords = 0;
  for (const token of tokens) if (token.kind === 'word' && token.caps) capsWords++;
  if (capsWords >= 2) result.shout = true;
  const churn = saysChurn(words);
  if (churn) {
    result.churn = true;
    if (withCues) cues.push({ text: churn, kind: 'phrase', effect: 'about to leave' });
  }
  if (ironicJoy > 0) {
    const text = padded(words);
    const context = result.sarcasm || PADDED_SARCASM_CONTEXT.some((c) => text.includes(c));
    if (context) {
      // "genial, otra vez sin internet 🙃": the praise is the complaint.
      result.sarcasm = true;
      scores[JOY] = Math.max(0, (scores[JOY] ?? 0) - ironicJoy);
      scores[ANGER] = (scores[ANGER] ?? 0) + 0.8 * ironicJoy + 1;
      if (withCues) cues.push({ text: ironicWord, kind: 'sarcasm', effect: 'ironic praise: joy → anger' });
    }
  }
  if (result.shout) {
    // Capitals with no emotional word are still shouting at someone.
    if (result.hits === 0) scores[ANGER] = (scores[ANGER] ?? 0) + 1.5;
    if (withCues && !cues.some((c) => c.kind === 'caps')) {
      const effect = result.hits === 0 ? '+anger (shouting)' : '×1.3 (shouting)';
      cues.push({ text: tokens.find((x) => x.caps)?.raw ?? '', kind: 'caps', effect });
    }
  }
  if (result.exclaim || result.shout) {
    const boost = result.shout ? 1.3 : 1.15;
    for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] ?? 0) * boost;
  }
  return result;
};
