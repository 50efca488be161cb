import type { Polarity } from '../../packages/emotion/src/index.ts';
import { polarityOfEmotion } from '../../packages/emotion/src/evaluation/dataset.evaluator.ts';
import { readLabelledTsv } from '../../packages/emotion/src/evaluation/labelled-tsv.reader.ts';
import { datasetsDir, goEmotionsPolarity, loadEmoEvent, loadGoEmotions } from '../../packages/emotion/src/training/datasets.loader.ts';

export type BenchSet = { name: string; language: 'es' | 'en'; rows: Array<{ text: string; polarity: Polarity }> };

const CUSTOMER_SERVICE = new URL('../../packages/emotion/data/customer-service.dev.tsv', import.meta.url).pathname;
// The customer-service file mixes languages; its Spanish rows come first, up to the first English one.
const FIRST_ENGLISH_ROW = "I'm not happy at all with how this was handled";

/** The same dev data for every system: polarity gold from the emotion labels (surprise → neutral) or GoEmotions' sentiment_dict. */
export const loadBenchSets = (): BenchSet[] => {
  const dir = datasetsDir();
  const polarityOf = goEmotionsPolarity(dir);
  const go = loadGoEmotions(dir, 'dev').flatMap((row) => {
    const polarity = row.names.length === 1 ? polarityOf(row.names) : undefined;
    return polarity ? [{ text: row.text, polarity }] : [];
  });
  const cs = readLabelledTsv(CUSTOMER_SERVICE);
  const split = cs.findIndex((r) => r.text === FIRST_ENGLISH_ROW);
  const csRows = cs.map((r) => ({ text: r.text, polarity: r.polarity ?? polarityOfEmotion(r.emotion) }));
  return [
    { name: 'EmoEvent es dev', language: 'es', rows: loadEmoEvent(dir, 'es', 'dev').map((e) => ({ text: e.text, polarity: polarityOfEmotion(e.label) })) },
    { name: 'EmoEvent en dev', language: 'en', rows: loadEmoEvent(dir, 'en', 'dev').map((e) => ({ text: e.text, polarity: polarityOfEmotion(e.label) })) },
    { name: 'GoEmotions dev', language: 'en', rows: go },
    { name: 'customer-service dev es', language: 'es', rows: csRows.slice(0, split) },
    { name: 'customer-service dev en', language: 'en', rows: csRows.slice(split) },
  ];
};
