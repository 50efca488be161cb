// Pure fingerprinting of replies: normalisation, language-aware shingles, MinHash and LSH bands.
// No I/O here, so the bench and the unit tests measure exactly what the server stores.

export type ReplyLanguage = 'es' | 'en' | 'und';
export type ShingleMode = 'words' | 'content-words' | 'chars' | 'content-chars';

export type FingerprintOptions = {
  mode: ShingleMode;
  // Words per shingle (word modes) or characters per shingle (character modes).
  k: number;
  // Fewer content words (not stopwords; names, numbers and links dropped) is too short to call canned.
  minContentWords: number;
};

// Chosen on the labelled pairs in packages/server/test/replies-pairs.data.ts (bench/replies, docs/benchmarks.md):
// character 5-grams of the normalised words separate retouched templates from personal replies on the
// same topic far better than word 3-grams, which one changed word (tú → usted) already breaks.
export const FINGERPRINT: FingerprintOptions = { mode: 'chars', k: 5, minContentWords: 6 };
export const PERMUTATIONS = 128;
export const BANDS = 32;
export const ROWS_PER_BAND = PERMUTATIONS / BANDS;
export const CANNED_THRESHOLD = 0.5;

const STOPWORDS: Record<'es' | 'en', ReadonlySet<string>> = {
  es: new Set(
    ('a al algo algun alguna ante antes asi aun aunque como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era es esa ese eso esta estan este esto estos fue ha han hay la las le les lo los mas me mi mis mucho muy ni no nos nuestro nuestra o os otra otro para pero poco por porque que quien se sea ser si sin sobre su sus te ti tu tus un una uno unos unas usted ustedes y ya yo').split(' '),
  ),
  en: new Set(
    ('a about after all also am an and any are as at be been before but by can could did do does for from had has have he her here him his how i if in into is it its just me more my no not now of on or our out so some than that the their them then there they this to too up us was we were what when which who will with would you your yours').split(' '),
  ),
};
const ALL_STOPWORDS: ReadonlySet<string> = new Set([...STOPWORDS.es, ...STOPWORDS.en]);

// A capitalised word right after one of these is taken as the addressee's name, even when it is not
// the name on the customer's profile ("Hola Ana," / "Hi John,").
const GREETINGS = new Set(['hola', 'buenas', 'dias', 'tardes', 'noches', 'estimado', 'estimada', 'querido', 'querida', 'gracias', 'hi', 'hello', 'hey', 'dear', 'thanks', 'mr', 'mrs', 'ms', 'sr', 'sra', 'don', 'dona']);

const URL_OR_EMAIL = /\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+\.\S+/giu;
const WORD = /[\p{L}\p{N}]+/gu;

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

export type NormalisedReply = { words: string[]; language: ReplyLanguage };

// Lower-case, accents stripped, links, e-mails, numbers and order codes dropped, the customer's name
// dropped: two replies that differ only in those are the same reply.
export function normaliseReply(text: string, names: ReadonlyArray<string | null | undefined> = []): NormalisedReply {
  const nameWords = new Set<string>();
  for (const name of names) for (const w of fold(name ?? '').match(WORD) ?? []) if (w.length > 1) nameWords.add(w);
  const words: string[] = [];
  let previous = '';
  for (const chunk of text.replace(URL_OR_EMAIL, ' ').split(/\s+/)) {
    // Numbers and codes go whole: "PED-88812", "#A-10234", "3-5", "24h".
    if (/\p{N}/u.test(chunk)) continue;
    for (const raw of chunk.match(WORD) ?? []) {
      const word = fold(raw);
      const addressee = GREETINGS.has(previous) && /^\p{Lu}/u.test(raw);
      previous = word;
      if (nameWords.has(word) || addressee) continue;
      words.push(word);
    }
  }
  return { words, language: detectLanguage(words) };
}

export function detectLanguage(words: readonly string[]): ReplyLanguage {
  let es = 0;
  let en = 0;
  for (const w of words) {
    if (STOPWORDS.es.has(w)) es++;
    if (STOPWORDS.en.has(w)) en++;
  }
  if (es === en) return 'und';
  return es > en ? 'es' : 'en';
}

const stopwordsOf = (language: ReplyLanguage) => (language === 'und' ? ALL_STOPWORDS : STOPWORDS[language]);

export const contentWords = (n: NormalisedReply) => {
  const stop = stopwordsOf(n.language);
  return n.words.filter((w) => !stop.has(w));
};

// Long enough to be judged at all: "Gracias", "Ok, ¡perfecto!" never are.
export const isJudgeable = (n: NormalisedReply, options: FingerprintOptions = FINGERPRINT) => contentWords(n).length >= options.minContentWords;

function charShingles(words: readonly string[], k: number): Set<string> {
  const joined = ` ${words.join(' ')} `;
  const out = new Set<string>();
  for (let i = 0; i + k <= joined.length; i++) out.add(joined.slice(i, i + k));
  if (out.size === 0 && joined.trim()) out.add(joined.trim());
  return out;
}

function wordShingles(words: readonly string[], k: number): Set<string> {
  const out = new Set<string>();
  if (words.length < k) {
    if (words.length) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + k <= words.length; i++) out.add(words.slice(i, i + k).join(' '));
  return out;
}

export function shingles(n: NormalisedReply, options: FingerprintOptions = FINGERPRINT): Set<string> {
  switch (options.mode) {
    case 'chars':
      return charShingles(n.words, options.k);
    case 'content-chars':
      return charShingles(contentWords(n), options.k);
    case 'words':
      return wordShingles(n.words, options.k);
    case 'content-words':
      return wordShingles(contentWords(n), options.k);
  }
}

export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

// 32-bit FNV-1a over UTF-16 code units.
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// MurmurHash3's finaliser: a bijection on 32 bits with full avalanche.
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed seeds: signatures stored today must still compare with those computed after a restart.
const SEEDS = Uint32Array.from({ length: PERMUTATIONS }, (_, i) => fmix32(0x9e3779b9 + Math.imul(i + 1, 0x7f4a7c15)));

export function minhash(items: Iterable<string>): Uint32Array {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const item of items) {
    const x = hashString(item);
    for (let i = 0; i < PERMUTATIONS; i++) {
      const h = fmix32(x ^ (SEEDS[i] as number));
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i]) same++;
  return same / PERMUTATIONS;
}

// One key per band: the band number in the high bits, so a single indexed column serves every band.
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let r = 0; r < ROWS_PER_BAND; r++) h = fmix32(Math.imul(h ^ (sig[band * ROWS_PER_BAND + r] as number), 0x01000193));
    keys.push(band * 2 ** 32 + h);
  }
  return keys;
}

export type ReplyFingerprint = {
  language: ReplyLanguage;
  words: number;
  // null: too short to be judged, never indexed nor flagged.
  signature: Uint32Array | null;
  bands: number[];
};

export function fingerprintReply(text: string, names: ReadonlyArray<string | null | undefined> = [], options: FingerprintOptions = FINGERPRINT): ReplyFingerprint {
  const n = normaliseReply(text, names);
  if (!isJudgeable(n, options)) return { language: n.language, words: n.words.length, signature: null, bands: [] };
  const signature = minhash(shingles(n, options));
  return { language: n.language, words: n.words.length, signature, bands: bandKeys(signature) };
}

export const signatureToBytes = (sig: Uint32Array) => new Uint8Array(sig.buffer, sig.byteOffset, sig.byteLength);

// Drivers hand bytea back as Buffer / Uint8Array at any offset: copy to an aligned array.
export const signatureFromBytes = (bytes: Uint8Array) => new Uint32Array(Uint8Array.from(bytes).buffer);
