import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };

export const TOPIC_LANGUAGES = ['es', 'en'] as const;
export type TopicLanguage = (typeof TOPIC_LANGUAGES)[number];

// A key phrase as found in one text: its stems (the grouping key) and the words as written.
export type Phrase = { stems: string[]; surface: string };

export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// stopwords-iso is thorough (it drops "good", "bien", "mal" — sentiment, not subjects) but also lists a
// few words that are what customers complain about; those stay.
const KEEP: Record<TopicLanguage, string[]> = {
  es: ['tiempo', 'tiempos', 'problema', 'problemas', 'cuenta', 'trabajo', 'informacion', 'nombre', 'casa', 'dia', 'dias', 'semana', 'semanas', 'mes', 'meses', 'hora', 'horas', 'ayuda', 'lado'],
  en: ['order', 'orders', 'ordered', 'time', 'times', 'problem', 'problems', 'help', 'account', 'information', 'name', 'home', 'work', 'day', 'days', 'week', 'weeks', 'month', 'months', 'hour', 'hours', 'line', 'place', 'point', 'room', 'area', 'part', 'parts', 'end', 'number'],
};
// Words of every conversation that say nothing about its subject.
const EXTRA: Record<TopicLanguage, string[]> = {
  es: ['hola', 'gracias', 'saludos', 'favor', 'vale', 'ok', 'buenas', 'tardes', 'noches', 'dias', 'q', 'pq', 'tambien', 'super', 'genial', 'excelente', 'pesimo', 'horrible', 'fatal', 'mejor', 'peor', 'nada', 'gustaria', 'necesito', 'quiero', 'queria', 'puedo', 'podria', 'tengo', 'tenia', 'estoy', 'estaba', 'hace', 'hizo', 'dijo', 'dijeron', 'llego', 'llegaron', 'paso', 'vez', 'veces'],
  en: ['arrive', 'arrived', 'arrives', 'took', 'told', 'said', 'came', 'hi', 'hello', 'hey', 'thanks', 'thank', 'please', 'ok', 'okay', 'dear', 'regards', 'great', 'excellent', 'terrible', 'awful', 'bad', 'worst', 'best', 'amazing', 'lot', 'really', 'would', 'could', 'need', 'want', 'wanted', 'got', 'get', 'still', 'even'],
};

const stopSets = new Map<TopicLanguage, Set<string>>(
  TOPIC_LANGUAGES.map((lang) => {
    const keep = new Set(KEEP[lang]);
    const words = [...(stopwordsIso as Record<string, string[]>)[lang]!, ...EXTRA[lang]].map(fold).filter((w) => !keep.has(w));
    return [lang, new Set(words)];
  }),
);

export const isStopWord = (word: string, lang: TopicLanguage) => stopSets.get(lang)!.has(word);

const VOWEL = /[aeiou]/;

// Light stemming: plurals, gender and a few suffixes, so "entrega"/"entregas" and "delay"/"delays"/"delayed"
// meet, while "pedido" (an order) is not cut down to a verb root the way a full Porter stemmer would.
export function stem(word: string, lang: TopicLanguage): string {
  let w = word;
  if (lang === 'es') {
    if (w.length > 6 && w.endsWith('mente')) w = w.slice(0, -5);
    if (w.endsWith('ces') && w.length > 4) w = `${w.slice(0, -3)}z`;
    else if (w.endsWith('iones')) w = w.slice(0, -2);
    else if (w.endsWith('es') && w.length > 4 && !VOWEL.test(w[w.length - 3]!)) w = w.slice(0, -2);
    else if (w.endsWith('s') && w.length > 3) w = w.slice(0, -1);
    if (w.length > 3 && /[aoe]$/.test(w)) w = w.slice(0, -1);
    return w;
  }
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ly')) w = w.slice(0, -2);
  for (const suffix of ['ing', 'ed']) {
    const rest = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && rest.length >= 3 && VOWEL.test(rest)) {
      w = /([b-df-hj-np-tv-z])\1$/.test(rest) && !/(ll|ss|zz)$/.test(rest) ? rest.slice(0, -1) : rest;
      break;
    }
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

// The likelier of the two languages by their stop words; null when the text gives no hint.
export function guessLanguage(text: string): TopicLanguage | null {
  const words = fold(text).match(/\p{L}+/gu) ?? [];
  let es = 0;
  let en = 0;
  for (const w of words) {
    if (isStopWord(w, 'es')) es++;
    if (isStopWord(w, 'en')) en++;
  }
  if (es === en) return /[ñáéíóú¿¡]/i.test(text) ? 'es' : null;
  return es > en ? 'es' : 'en';
}

const MAX_WORDS = 3;

// Key phrases: runs of content words between stop words and punctuation (as in RAKE), and every
// sub-phrase of up to three words, so "retraso en la entrega" yields "retraso", "entrega" and the pair.
export function phrasesOf(text: string, lang: TopicLanguage): Phrase[] {
  const out: Phrase[] = [];
  for (const clause of text.split(/[.,;:!?¡¿()[\]{}"“”«»\n\r\t/|]+|\s[-–—]\s/)) {
    let run: Array<{ word: string; stem: string }> = [];
    const flush = () => {
      for (let n = 1; n <= Math.min(MAX_WORDS, run.length); n++) {
        for (let i = 0; i + n <= run.length; i++) {
          const part = run.slice(i, i + n);
          out.push({ stems: part.map((p) => p.stem), surface: part.map((p) => p.word).join(' ') });
        }
      }
      run = [];
    };
    for (const raw of clause.match(/[\p{L}\p{N}'’]+/gu) ?? []) {
      const lower = raw.toLowerCase().replace(/['’].*$/, '');
      const folded = fold(lower);
      if (folded.length < 3 || /^\d+$/.test(folded) || isStopWord(folded, lang)) {
        flush();
        continue;
      }
      run.push({ word: lower, stem: stem(folded, lang) });
    }
    flush();
  }
  return out;
}

// The grouping key of a phrase: its stems as a set, so word order and repeats do not matter.
export const phraseKey = (stems: string[]) => [...new Set(stems)].sort().join('+');
