import { createInterface } from 'node:readline';
import type { EmotionModel } from '../emotion.model.ts';
import { unescapeLineBreaks } from '../evaluation/labelled-tsv.reader.ts';

/** One message per input line (a literal "\n" is a line break), one JSON line out per line in, in order, streamed. */
export const runPredict = async (model: EmotionModel, language: string | undefined): Promise<void> => {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let pending: string[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    // Respect back-pressure so a slow reader never makes us buffer the whole input.
    if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  };
  for await (const line of lines) {
    const result = model.analyze(unescapeLineBreaks(line), language ? { language } : {});
    pending.push(JSON.stringify(result) + '\n');
    // Small batches: interactive use sees each answer at once, piped use avoids a write per line.
    if (pending.length >= 64 || process.stdin.readableLength === 0) await flush();
  }
  await flush();
};
