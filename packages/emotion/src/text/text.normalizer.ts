// Customers type fast: missing accents, stretched letters and chat shorthand must land on the same word.

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LONG_RUN = /(\p{L})\1{2,}/gu;
const ANY_RUN = /(\p{L})\1+/gu;

/** Lower-case, strip diacritics, keep ñ distinguishable only by context (it folds to n like any accent). */
export const foldWord = (word: string): string => {
  const lower = word.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(COMBINING_MARKS, '') : lower;
};

/** "siiiii" → "sii": keeps a trace of the stretch but groups every stretched spelling. */
export const shortenRuns = (word: string): string => word.replace(LONG_RUN, '$1$1');

/** "siii" → "si", "cool" → "col": only for a second dictionary lookup, never for features. */
export const squashRuns = (word: string): string => word.replace(ANY_RUN, '$1');

// Shorthand and frequent misspellings from chats; the value is the word the lexicon knows.
const SHORTHAND_TABLE: Record<string, string> = {
  q: 'que',
  k: 'que',
  ke: 'que',
  xq: 'porque',
  pq: 'porque',
  porq: 'porque',
  xk: 'porque',
  tb: 'tambien',
  tmb: 'tambien',
  tbn: 'tambien',
  nd: 'nada',
  toy: 'estoy',
  grax: 'gracias',
  grasias: 'gracias',
  grcs: 'gracias',
  graciass: 'gracias',
  xfa: 'porfavor',
  plis: 'porfavor',
  porfa: 'porfavor',
  pls: 'please',
  plz: 'please',
  u: 'you',
  ur: 'your',
  r: 'are',
  thx: 'thanks',
  thnx: 'thanks',
  thks: 'thanks',
  tks: 'thanks',
  ty: 'thanks',
  cant: "can't",
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  wont: "won't",
  isnt: "isn't",
  wasnt: "wasn't",
  im: "i'm",
  ive: "i've",
  havent: "haven't",
  hasnt: "hasn't",
  arent: "aren't",
  werent: "weren't",
  couldnt: "couldn't",
  wouldnt: "wouldn't",
  shouldnt: "shouldn't",
  aint: "ain't",
  wtf: 'wtf',
  ridiculo: 'ridiculo',
  verguenza: 'verguenza',
  nunk: 'nunca',
  nunka: 'nunca',
  dinero: 'dinero',
  kiero: 'quiero',
  qiero: 'quiero',
  aver: 'a ver',
};

// A Map, not the object: a message saying "constructor" must not reach Object.prototype.
const SHORTHAND = new Map(Object.entries(SHORTHAND_TABLE));

export const expandShorthand = (word: string): string => SHORTHAND.get(word) ?? word;

/** Apostrophes vary by keyboard; one form keeps "don’t" and "don't" together. */
export const unifyApostrophes = (word: string): string => word.replace(/[’‘`´]/g, "'");

/** The normalised form used everywhere: folded, runs shortened, shorthand expanded. */
export const normalizeWord = (word: string): string =>
  expandShorthand(shortenRuns(foldWord(unifyApostrophes(word))));
