import type { EmotionModel } from '../emotion.model.ts';
import { evaluateRows } from '../evaluation/dataset.evaluator.ts';
import { readLabelledTsv } from '../evaluation/labelled-tsv.reader.ts';
import { formatBinary, formatReport } from '../evaluation/metrics.ts';

export const runEvaluate = (model: EmotionModel, file: string, language: string | undefined): void => {
  const rows = readLabelledTsv(file);
  const evaluation = evaluateRows(rows, model.analyze, language ? { language } : {});
  const polarityGiven = rows.every((r) => r.polarity !== undefined);
  console.log(`# ${file}`);
  console.log('\n## emotion\n' + formatReport(evaluation.emotion));
  console.log(`\n## polarity (${polarityGiven ? 'from the polarity column' : 'derived from the emotion labels'})\n` + formatReport(evaluation.polarity));
  const source = evaluation.alertFromColumn ? 'alert column' : 'gold anger, disgust, fear or sadness counted as alert';
  console.log(`\n## alert (${source})\n` + formatBinary('alert', evaluation.alert));
};
