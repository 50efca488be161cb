import { existsSync, readFileSync } from 'node:fs';
import { isEmotion, isPolarity, type Emotion, type Polarity } from '../emotion.types.ts';

export type LabelledRow = { text: string; emotion: Emotion; polarity?: Polarity; alert?: boolean; line: number };

/** Bad input from a user: the CLI prints the message alone, without a stack trace. */
export class InputError extends Error {}

const BOOLEAN: Record<string, boolean> = { true: true, false: false, '1': true, '0': false, yes: true, no: false };

/** "a\nb" written with a literal backslash-n stands for a line break, as on the predict command's input. */
export const unescapeLineBreaks = (text: string): string => text.replace(/\\n/g, '\n');

/** Reads a TSV whose header names `text` and `emotion` (and optionally `polarity`, `alert`); "others" means neutral. */
export const readLabelledTsv = (file: string): LabelledRow[] => {
  if (!existsSync(file)) throw new InputError(`file not found: ${file}`);
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim().toLowerCase());
  const column = (name: string): number => header.indexOf(name);
  const textAt = column('text') >= 0 ? column('text') : column('tweet');
  const emotionAt = column('emotion');
  if (textAt < 0 || emotionAt < 0) {
    throw new InputError(`${file}: the header must name a "text" and an "emotion" column (found: ${header.join(', ') || 'nothing'})`);
  }
  const polarityAt = column('polarity');
  const alertAt = column('alert');
  const rows: LabelledRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const fields = line.split('\t');
    const rawEmotion = (fields[emotionAt] ?? '').trim().toLowerCase();
    const emotion = rawEmotion === 'others' ? 'neutral' : rawEmotion;
    if (!isEmotion(emotion)) throw new InputError(`${file}:${i + 1}: unknown emotion "${rawEmotion}"`);
    const row: LabelledRow = { text: unescapeLineBreaks(fields[textAt] ?? ''), emotion, line: i + 1 };
    if (polarityAt >= 0) {
      const polarity = (fields[polarityAt] ?? '').trim().toLowerCase();
      if (!isPolarity(polarity)) throw new InputError(`${file}:${i + 1}: unknown polarity "${polarity}"`);
      row.polarity = polarity;
    }
    if (alertAt >= 0) {
      const alert = BOOLEAN[(fields[alertAt] ?? '').trim().toLowerCase()];
      if (alert === undefined) throw new InputError(`${file}:${i + 1}: alert must be true or false, got "${fields[alertAt] ?? ''}"`);
      row.alert = alert;
    }
    rows.push(row);
  }
  if (rows.length === 0) throw new InputError(`${file}: no labelled rows`);
  return rows;
};
