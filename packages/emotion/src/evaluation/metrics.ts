export type ClassReport = { label: string; precision: number; recall: number; f1: number; support: number };

export type ClassificationReport = {
  labels: string[];
  accuracy: number;
  macroF1: number;
  weightedF1: number;
  perClass: ClassReport[];
  /** confusion[gold][predicted], in the order of `labels`. */
  confusion: number[][];
  total: number;
};

export type BinaryReport = { precision: number; recall: number; f1: number; positives: number; predicted: number };

const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Macro-F1 averages over labels seen in gold or predictions (as scikit-learn does). */
export const classificationReport = (gold: readonly string[], predicted: readonly string[], labels: readonly string[]): ClassificationReport => {
  const at = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = at.get(gold[i] ?? '');
    const p = at.get(predicted[i] ?? '');
    if (g === undefined || p === undefined) continue;
    (confusion[g] as number[])[p] = ((confusion[g] as number[])[p] as number) + 1;
    if (g === p) correct++;
  }
  const perClass = labels.map((label, k) => {
    const tp = (confusion[k] as number[])[k] as number;
    const support = (confusion[k] as number[]).reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((a, row) => a + (row[k] as number), 0);
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = support === 0 ? 0 : tp / support;
    return { label, precision, recall, f1: f1Of(precision, recall), support, predictedCount };
  });
  const seen = perClass.filter((c) => c.support > 0 || c.predictedCount > 0);
  const total = gold.length;
  return {
    labels: [...labels],
    accuracy: total === 0 ? 0 : correct / total,
    macroF1: seen.length === 0 ? 0 : seen.reduce((a, c) => a + c.f1, 0) / seen.length,
    weightedF1: total === 0 ? 0 : perClass.reduce((a, c) => a + c.f1 * c.support, 0) / total,
    perClass: perClass.map(({ label, precision, recall, f1, support }) => ({ label, precision, recall, f1, support })),
    confusion,
    total,
  };
};

export const binaryReport = (gold: readonly boolean[], predicted: readonly boolean[]): BinaryReport => {
  let tp = 0;
  let positives = 0;
  let predictedCount = 0;
  for (let i = 0; i < gold.length; i++) {
    if (gold[i]) positives++;
    if (predicted[i]) predictedCount++;
    if (gold[i] && predicted[i]) tp++;
  }
  const precision = predictedCount === 0 ? 0 : tp / predictedCount;
  const recall = positives === 0 ? 0 : tp / positives;
  return { precision, recall, f1: f1Of(precision, recall), positives, predicted: predictedCount };
};

const pct = (x: number): string => x.toFixed(3);

export const formatReport = (report: ClassificationReport): string => {
  const width = Math.max(9, ...report.labels.map((l) => l.length));
  const out = [
    `rows ${report.total}  accuracy ${pct(report.accuracy)}  weighted-F1 ${pct(report.weightedF1)}  macro-F1 ${pct(report.macroF1)}`,
    '',
    `${'class'.padEnd(width)}  precision  recall     f1  support`,
    ...report.perClass.map(
      (c) => `${c.label.padEnd(width)}  ${pct(c.precision).padStart(9)}  ${pct(c.recall).padStart(6)}  ${pct(c.f1).padStart(5)}  ${String(c.support).padStart(7)}`,
    ),
    '',
    `confusion (rows = gold, columns = predicted)`,
    `${''.padEnd(width)}  ${report.labels.map((l) => l.slice(0, 7).padStart(7)).join(' ')}`,
    ...report.labels.map((l, g) => `${l.padEnd(width)}  ${(report.confusion[g] ?? []).map((n) => String(n).padStart(7)).join(' ')}`),
  ];
  return out.join('\n');
};

export const formatBinary = (name: string, report: BinaryReport): string =>
  `${name}: precision ${pct(report.precision)}  recall ${pct(report.recall)}  f1 ${pct(report.f1)}  (gold ${report.positives}, flagged ${report.predicted})`;
