import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMOTION_INDEX, EMOTIONS, type Emotion } from '../emotion.types.ts';
import { hashString } from '../features/feature.hasher.ts';

/** A training or evaluation row; `target` is a distribution over the seven emotions (multi-label rows spread it). */
export type Example = { text: string; target: Float32Array; label: Emotion; source: string };

export const DEFAULT_DATASETS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/datasets');

export const datasetsDir = (override?: string): string => {
  const dir = override ?? process.env.VINCULO_DATASETS ?? DEFAULT_DATASETS;
  if (!existsSync(join(dir, 'README.md'))) throw new Error(`datasets not found in ${dir} (use --data DIR)`);
  return dir;
};

const lines = (file: string): string[] => readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);

const fromLabels = (text: string, labels: readonly Emotion[], source: string): Example | undefined => {
  if (labels.length === 0) return undefined;
  const target = new Float32Array(EMOTIONS.length);
  for (const label of labels) target[EMOTION_INDEX[label]] = (target[EMOTION_INDEX[label]] as number) + 1 / labels.length;
  let best = 0;
  for (let k = 1; k < target.length; k++) if ((target[k] as number) > (target[best] as number)) best = k;
  return { text, target, label: EMOTIONS[best] as Emotion, source };
};

export const loadEmoEvent = (dir: string, language: 'es' | 'en', split: 'train' | 'dev'): Example[] => {
  const [header, ...rows] = lines(join(dir, 'emoevent', language, `${split}.tsv`));
  const columns = (header ?? '').split('\t');
  const textColumn = columns.indexOf('tweet');
  const labelColumn = columns.indexOf('emotion');
  const examples: Example[] = [];
  for (const row of rows) {
    const fields = row.split('\t');
    const raw = fields[labelColumn] ?? '';
    const label: Emotion = raw === 'others' ? 'neutral' : (raw as Emotion);
    if (!(label in EMOTION_INDEX)) continue;
    const example = fromLabels(fields[textColumn] ?? '', [label], `emoevent-${language}`);
    if (example) examples.push(example);
  }
  return examples;
};

export type GoEmotionsRow = Example & { names: string[] };

/** GoEmotions mapped to Ekman + neutral with the authors' ekman_mapping.json. */
export const loadGoEmotions = (dir: string, split: 'train' | 'dev'): GoEmotionsRow[] => {
  const base = join(dir, 'goemotions');
  const names = lines(join(base, 'emotions.txt')).map((l) => l.trim());
  const mapping = JSON.parse(readFileSync(join(base, 'ekman_mapping.json'), 'utf8')) as Record<Emotion, string[]>;
  const ekmanOf = new Map<string, Emotion>([['neutral', 'neutral']]);
  for (const [ekman, fine] of Object.entries(mapping)) for (const name of fine) ekmanOf.set(name, ekman as Emotion);
  const rows: GoEmotionsRow[] = [];
  for (const line of lines(join(base, `${split}.tsv`))) {
    const [text = '', ids = ''] = line.split('\t');
    const fine = ids.split(',').map((id) => names[Number(id)] ?? '');
    const labels = fine.map((name) => ekmanOf.get(name)).filter((x): x is Emotion => x !== undefined);
    const example = fromLabels(text, labels, 'goemotions');
    if (example) rows.push({ ...example, names: fine });
  }
  return rows;
};

/** Polarity of a GoEmotions row from sentiment_dict.json (ambiguous and neutral → neutral); undefined when mixed. */
export const goEmotionsPolarity = (dir: string): ((names: readonly string[]) => 'positive' | 'negative' | 'neutral' | undefined) => {
  const dict = JSON.parse(readFileSync(join(dir, 'goemotions', 'sentiment_dict.json'), 'utf8')) as Record<string, string[]>;
  const of = new Map<string, 'positive' | 'negative' | 'neutral'>([['neutral', 'neutral']]);
  for (const name of dict.positive ?? []) of.set(name, 'positive');
  for (const name of dict.negative ?? []) of.set(name, 'negative');
  for (const name of dict.ambiguous ?? []) of.set(name, 'neutral');
  return (names) => {
    const set = new Set(names.map((n) => of.get(n)));
    return set.size === 1 ? [...set][0] : undefined;
  };
};

// XED uses Plutchik's eight; anticipation and trust have no Ekman counterpart and are left out.
const PLUTCHIK: Record<string, Emotion | undefined> = {
  '1': 'anger', '2': undefined, '3': 'disgust', '4': 'fear', '5': 'joy', '6': 'sadness', '7': 'surprise', '8': undefined,
};
const LABEL_LIST = /^\s*\d+(\s*,\s*\d+)*\s*$/;

/** XED has no split: a row goes to dev when the hash of its text falls in the last tenth (fixed, reproducible). */
export const isXedDev = (text: string): boolean => hashString(text, 0x5eed) % 10 === 0;

export const loadXed = (dir: string, language: 'es' | 'en', split: 'train' | 'dev'): Example[] => {
  const examples: Example[] = [];
  const files = language === 'en' ? ['en-annotated.tsv'] : ['es-projections.tsv'];
  for (const file of files) {
    for (const line of lines(join(dir, 'xed', file))) {
      const tab = line.lastIndexOf('\t');
      const text = line.slice(0, tab).trim();
      const ids = line.slice(tab + 1);
      if (tab < 0 || !LABEL_LIST.test(ids) || isXedDev(text) !== (split === 'dev')) continue;
      const labels = ids.split(',').map((id) => PLUTCHIK[id.trim()]).filter((x): x is Emotion => x !== undefined);
      const example = fromLabels(text, labels, `xed-${language}`);
      if (example) examples.push(example);
    }
  }
  if (language === 'en') {
    for (const line of lines(join(dir, 'xed', 'en-neutral.tsv'))) {
      const text = line.slice(line.indexOf('\t') + 1).trim();
      if (isXedDev(text) !== (split === 'dev')) continue;
      const example = fromLabels(text, ['neutral'], 'xed-en-neutral');
      if (example) examples.push(example);
    }
  }
  return examples;
};

/**
 * Extra labelled rows, e.g. employees' corrections from `npm run emotion:corrections`: a TSV with a header
 * holding `text`, `emotion` and `language` (es/en; other rows are skipped). A literal "\\n" is a line break.
 */
export const loadExtraTsv = (file: string): Array<Example & { language: 'es' | 'en' }> => {
  if (!existsSync(file)) throw new Error(`--extra: no file ${file}`);
  const [header, ...rows] = lines(file);
  const columns = (header ?? '').split('\t');
  const [text, emotion, language] = ['text', 'emotion', 'language'].map((c) => columns.indexOf(c));
  if (text === -1 || emotion === -1 || language === -1) throw new Error(`--extra: ${file} needs the columns text, emotion and language`);
  const examples: Array<Example & { language: 'es' | 'en' }> = [];
  for (const row of rows) {
    const fields = row.split('\t');
    const lang = fields[language!];
    const label = fields[emotion!] ?? '';
    if ((lang !== 'es' && lang !== 'en') || !(label in EMOTION_INDEX)) continue;
    const example = fromLabels((fields[text!] ?? '').replaceAll('\\n', '\n'), [label as Emotion], 'extra');
    if (example) examples.push({ ...example, language: lang });
  }
  return examples;
};
