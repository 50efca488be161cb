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

/** Logits for a sparse vector (`size` entries of `index`/`value`) written into `out`. */
export const computeLogits = (
  model: LinearModel,
  index: Int32Array,
  value: Float32Array,
  size: number,
  out: Float64Array,
): Float64Array => {
  const { classes, weights, scale, bias } = model;
  out.fill(0, 0, classes);
  for (let i = 0; i < size; i++) {
    const base = (index[i] as number) * classes;
    const v = value[i] as number;
    for (let k = 0; k < classes; k++) out[k] = (out[k] as number) + (weights[base + k] as number) * v;
  }
  for (let k = 0; k < classes; k++) out[k] = (out[k] as number) * (scale[k] as number) + (bias[k] as number);
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
