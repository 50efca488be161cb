import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LinearModel } from './logistic-regression.model.ts';
import type { LanguageSection, ModelManifest } from './model.manifest.ts';

export const MANIFEST_FILE = 'emotion.json';

export type StoredModel = { manifest: ModelManifest; es: LinearModel; en: LinearModel };

const section = (buffer: Buffer, spec: LanguageSection, classes: number): LinearModel => {
  // A view, not a copy: loading stays a file read, whatever the model size.
  const weights = new Int8Array(buffer.buffer, buffer.byteOffset + spec.offset, spec.rows * classes);
  return {
    classes,
    rows: spec.rows,
    weights,
    scale: Float32Array.from(spec.scale),
    bias: Float32Array.from(spec.bias),
  };
};

export const readModel = (dir: string): StoredModel => {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as ModelManifest;
  if (manifest.format !== 1) throw new Error(`unsupported model format ${String(manifest.format)} in ${dir}`);
  const buffer = readFileSync(join(dir, manifest.weightsFile));
  const classes = manifest.classes.length;
  return { manifest, es: section(buffer, manifest.languages.es, classes), en: section(buffer, manifest.languages.en, classes) };
};

const sectionOf = (model: LinearModel, offset: number): LanguageSection => ({
  offset,
  rows: model.rows,
  scale: Array.from(model.scale),
  bias: Array.from(model.bias),
});

/** Write both quantised models into one binary file and the manifest beside it. */
export const writeModel = (
  dir: string,
  manifest: Omit<ModelManifest, 'languages' | 'weightsFile'>,
  es: LinearModel,
  en: LinearModel,
): { bytes: number } => {
  if (!(es.weights instanceof Int8Array) || !(en.weights instanceof Int8Array)) throw new Error('quantise before writing');
  const weightsFile = 'emotion.weights.bin';
  const buffer = Buffer.concat([Buffer.from(es.weights.buffer, es.weights.byteOffset, es.weights.byteLength), Buffer.from(en.weights.buffer, en.weights.byteOffset, en.weights.byteLength)]);
  writeFileSync(join(dir, weightsFile), buffer);
  const full: ModelManifest = {
    ...manifest,
    weightsFile,
    languages: { es: sectionOf(es, 0), en: sectionOf(en, es.weights.byteLength) },
  };
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(full) + '\n');
  return { bytes: buffer.byteLength };
};
