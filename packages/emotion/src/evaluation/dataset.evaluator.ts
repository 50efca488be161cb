import { EMOTIONS, POLARITIES, type AnalyzeOptions, type Emotion, type EmotionResult, type Polarity } from '../emotion.types.ts';
import { binaryReport, classificationReport, type BinaryReport, type ClassificationReport } from './metrics.ts';

export type EvaluationRow = { text: string; emotion: Emotion; polarity?: Polarity | undefined; alert?: boolean | undefined };

export type Evaluation = {
  emotion: ClassificationReport;
  polarity: ClassificationReport;
  alert: BinaryReport;
  /** True when the alert figures come from an `alert` column rather than from the emotion labels. */
  alertFromColumn: boolean;
};

const NEGATIVE = new Set<Emotion>(['anger', 'disgust', 'fear', 'sadness']);

/** Gold polarity when the data has none: joy positive; anger, disgust, fear, sadness negative; surprise and neutral neutral. */
export const polarityOfEmotion = (emotion: Emotion): Polarity =>
  emotion === 'joy' ? 'positive' : NEGATIVE.has(emotion) ? 'negative' : 'neutral';

export const alertOfEmotion = (emotion: Emotion): boolean => NEGATIVE.has(emotion);

export const evaluateRows = (
  rows: readonly EvaluationRow[],
  analyze: (text: string, options?: AnalyzeOptions) => EmotionResult,
  options: AnalyzeOptions = {},
): Evaluation => {
  const results = rows.map((row) => analyze(row.text, { ...options, cues: false }));
  const alertFromColumn = rows.length > 0 && rows.every((r) => r.alert !== undefined);
  return {
    emotion: classificationReport(rows.map((r) => r.emotion), results.map((r) => r.emotion), EMOTIONS),
    polarity: classificationReport(
      rows.map((r) => r.polarity ?? polarityOfEmotion(r.emotion)),
      results.map((r) => r.polarity),
      POLARITIES,
    ),
    alert: binaryReport(rows.map((r) => (alertFromColumn ? r.alert === true : alertOfEmotion(r.emotion))), results.map((r) => r.alert)),
    alertFromColumn,
  };
};
