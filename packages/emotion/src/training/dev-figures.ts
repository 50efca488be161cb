import { existsSync } from 'node:fs';
import { analyzeWith, type EmotionEngine } from '../emotion.analyzer.ts';
import type { AnalyzeOptions } from '../emotion.types.ts';
import { evaluateRows, type Evaluation } from '../evaluation/dataset.evaluator.ts';
import { readLabelledTsv } from '../evaluation/labelled-tsv.reader.ts';
import { loadEmoEvent, loadGoEmotions, loadXed } from './datasets.loader.ts';

export type DevFigure = { name: string; evaluation: Evaluation };

export const CUSTOMER_SERVICE_DEV = new URL('../../data/customer-service.dev.tsv', import.meta.url);

/** Every dev set the goals are stated on, analysed exactly as production does (language detected, not given). */
export const devFigures = (engine: EmotionEngine, dir: string, only?: 'es' | 'en'): DevFigure[] => {
  const analyze = (text: string, options?: AnalyzeOptions) => analyzeWith(engine, text, options);
  const figures: DevFigure[] = [];
  if (only !== 'en') {
    figures.push({ name: 'EmoEvent es dev', evaluation: evaluateRows(loadEmoEvent(dir, 'es', 'dev').map((e) => ({ text: e.text, emotion: e.label })), analyze) });
  }
  if (only !== 'es') {
    figures.push({ name: 'EmoEvent en dev', evaluation: evaluateRows(loadEmoEvent(dir, 'en', 'dev').map((e) => ({ text: e.text, emotion: e.label })), analyze) });
    const single = loadGoEmotions(dir, 'dev').filter((row) => row.names.length === 1);
    figures.push({ name: 'GoEmotions dev (single-label, Ekman)', evaluation: evaluateRows(single.map((e) => ({ text: e.text, emotion: e.label })), analyze) });
  }
  if (only === undefined) {
    const file = CUSTOMER_SERVICE_DEV.pathname;
    if (existsSync(file)) figures.push({ name: 'customer-service dev', evaluation: evaluateRows(readLabelledTsv(file), analyze) });
    for (const language of ['es', 'en'] as const) {
      const rows = loadXed(dir, language, 'dev').filter((e) => e.target.some((t) => t === 1));
      figures.push({ name: `XED ${language} dev (seeded tenth)`, evaluation: evaluateRows(rows.map((e) => ({ text: e.text, emotion: e.label })), analyze) });
    }
  }
  return figures;
};

const f = (x: number): string => x.toFixed(3);

export const formatFigure = ({ name, evaluation: e }: DevFigure): string =>
  `${name.padEnd(38)} acc ${f(e.emotion.accuracy)}  wF1 ${f(e.emotion.weightedF1)}  mF1 ${f(e.emotion.macroF1)}  ` +
  `polarity mF1 ${f(e.polarity.macroF1)}  alert P ${f(e.alert.precision)} R ${f(e.alert.recall)}  (n=${e.emotion.total})`;
