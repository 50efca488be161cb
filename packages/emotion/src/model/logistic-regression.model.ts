/**
 * A multinomial logistic regression over sparse features. Weights are stored feature-major
 * (`weights[feature * classes + k]`) so one feature's weights for every class sit together in memory.
 * Int8 weights carry one scale per class; Float32 weights (training) use scale 1.
 */
export type LinearModel = {
  classes: number;
  rows: number;
  weights: Int8Array | Float32Array;
  scale: Float32Array;
  bias: Float32Array;
};

export const createLinearModel = (rows: number, classes: number): LinearModel => ({
  classes,
  rows,
  weights: new Float32Array(rows * classes),
  scale: new Float32Array(classes).fill(1),
  bias: new Float32Array(classes),
});

/** Weighted average of models of one shape (equal shares by default). Logits are linear in the weights, so
 * this is exactly the ensemble of the models, at the cost of one. */
export const blendModels = (models: readonly LinearModel[], shares: readonly number[] = models.map(() => 1 / models.length)): LinearModel => {
  const first = models[0];
  if (!first) throw new Error('nothing to blend');
  const blended = createLinearModel(first.rows, first.classes);
  models.forEach((model, m) => {
    const share = shares[m] as number;
    for (let i = 0; i < model.weights.length; i++) blended.weights[i] = (blended.weights[i] as number) + share * (model.weights[i] as number);
    for (let k = 0; k < model.classes; k++) blended.bias[k] = (blended.bias[k] as number) + share * (model.bias[k] as number);
  });
  return blended;
};

/** Logits for a sparse vector (`size` entries of `index`/`value`) written into `out`. */
export const computeLogits = (
  model: LinearModel,
  index: Int32Array,
  value: Float32Array,
  size: number,
  out: Float64Array,
): Float64Array => {
  const { classes, weights, scale, bias } = model;
  if (classes !== 7) throw new Error(`expected 7 classes, got ${classes}`);
  // Unrolled for the seven emotions: sums stay in registers, the hottest loop of analysis.
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0;
  for (let i = 0; i < size; i++) {
    const base = (index[i] as number) * 7;
    const v = value[i] as number;
    a0 += (weights[base] as number) * v;
    a1 += (weights[base + 1] as number) * v;
    a2 += (weights[base + 2] as number) * v;
    a3 += (weights[base + 3] as number) * v;
    a4 += (weights[base + 4] as number) * v;
    a5 += (weights[base + 5] as number) * v;
    a6 += (weights[base + 6] as number) * v;
  }
  out[0] = a0 * (scale[0] as number) + (bias[0] as number);
  out[1] = a1 * (scale[1] as number) + (bias[1] as number);
  out[2] = a2 * (scale[2] as number) + (bias[2] as number);
  out[3] = a3 * (scale[3] as number) + (bias[3] as number);
  out[4] = a4 * (scale[4] as number) + (bias[4] as number);
  out[5] = a5 * (scale[5] as number) + (bias[5] as number);
  out[6] = a6 * (scale[6] as number) + (bias[6] as number);
  return out;
};

/** In-place softmax over the first `length` entries. */
export const softmax = (logits: Float64Array, length: number): Float64Array => {
  let max = -Infinity;
  for (let k = 0; k < length; k++) max = Math.max(max, logits[k] as number);
  let sum = 0;
  for (let k = 0; k < length; k++) {
    const e = Math.exp((logits[k] as number) - max);
    logits[k] = e;
    sum += e;
  }
  for (let k = 0; k < length; k++) logits[k] = (logits[k] as number) / sum;
  return logits;
};

/** Symmetric per-class Int8 quantisation: 4× smaller than Float32, and the error stays below 1/254 of each class's largest weight. */
export const quantizeInt8 = (model: LinearModel): LinearModel => {
  const { classes, rows, weights } = model;
  const scale = new Float32Array(classes);
  for (let f = 0; f < rows; f++) {
    for (let k = 0; k < classes; k++) {
      scale[k] = Math.max(scale[k] as number, Math.abs(weights[f * classes + k] as number));
    }
  }
  for (let k = 0; k < classes; k++) scale[k] = (scale[k] as number) / 127 || 1;
  const quantized = new Int8Array(rows * classes);
  for (let f = 0; f < rows; f++) {
    for (let k = 0; k < classes; k++) {
      quantized[f * classes + k] = Math.round((weights[f * classes + k] as number) / (scale[k] as number));
    }
  }
  return { classes, rows, weights: quantized, scale, bias: Float32Array.from(model.bias) };
};
