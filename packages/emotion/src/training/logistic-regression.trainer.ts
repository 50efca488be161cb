import { computeLogits, createLinearModel, softmax, type LinearModel } from '../model/logistic-regression.model.ts';
import type { EncodedSet } from './feature.encoder.ts';
import { createRandom, shuffle } from './random.ts';

export type TrainOptions = {
  rows: number;
  classes: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  onEpoch?: (epoch: number, loss: number, model: LinearModel) => void;
};

/**
 * Multinomial logistic regression by AdaGrad on soft targets. AdaGrad gives rare n-grams larger steps
 * than frequent ones, which plain SGD does not; L2 is applied to the weights a row touches (lazy).
 */
export const trainLogisticRegression = (data: EncodedSet, options: TrainOptions): LinearModel => {
  const { classes } = options;
  const model = createLinearModel(options.rows, classes);
  const weights = model.weights as Float32Array;
  const squared = new Float32Array(weights.length);
  const biasSquared = new Float32Array(classes);
  const random = createRandom(options.seed);
  const order = Uint32Array.from({ length: data.rows }, (_, i) => i);
  const probabilities = new Float64Array(classes);
  const gradient = new Float64Array(classes);
  const { learningRate: lr, l2 } = options;
  // Averaging the end-of-epoch weights (from the second epoch on) smooths AdaGrad's last noisy steps.
  const average = createLinearModel(options.rows, classes);
  const averageWeights = average.weights as Float32Array;
  let snapshots = 0;

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    let loss = 0;
    for (const row of order) {
      const start = data.offsets[row] as number;
      const end = data.offsets[row + 1] as number;
      computeLogits(model, data.index.subarray(start, end), data.value.subarray(start, end), end - start, probabilities);
      softmax(probabilities, classes);
      const weight = data.weights[row] as number;
      for (let k = 0; k < classes; k++) {
        const target = data.targets[row * classes + k] as number;
        gradient[k] = ((probabilities[k] as number) - target) * weight;
        if (target > 0) loss -= target * weight * Math.log((probabilities[k] as number) + 1e-12);
      }
      for (let k = 0; k < classes; k++) {
        const g = gradient[k] as number;
        biasSquared[k] = (biasSquared[k] as number) + g * g;
        model.bias[k] = (model.bias[k] as number) - (lr * g) / Math.sqrt((biasSquared[k] as number) + 1e-8);
      }
      for (let i = start; i < end; i++) {
        const base = (data.index[i] as number) * classes;
        const v = data.value[i] as number;
        for (let k = 0; k < classes; k++) {
          const at = base + k;
          const g = (gradient[k] as number) * v + l2 * (weights[at] as number);
          squared[at] = (squared[at] as number) + g * g;
          weights[at] = (weights[at] as number) - (lr * g) / Math.sqrt((squared[at] as number) + 1e-8);
        }
      }
    }
    if (epoch >= 2 || options.epochs === 1) {
      snapshots++;
      const keep = (snapshots - 1) / snapshots;
      for (let i = 0; i < weights.length; i++) averageWeights[i] = (averageWeights[i] as number) * keep + (weights[i] as number) / snapshots;
      for (let k = 0; k < classes; k++) average.bias[k] = (average.bias[k] as number) * keep + (model.bias[k] as number) / snapshots;
    }
    options.onEpoch?.(epoch, loss / data.rows, snapshots > 0 ? average : model);
  }
  return average;
};
