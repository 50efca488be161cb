import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LinearModel } from './logistic-regression.model.ts';
import type { LanguageSection, ModelManifest } from './model.manifest.ts';

export const MANIFEST_FILE = 'emotion.json';

export type LanguageModels = { es: LinearModel; en: LinearModel };

export type StoredModel = { manifest: ModelManifest; general: LanguageModels; social: LanguageModels | undefined };

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
  const pair = (sections: ModelManifest['languages']): LanguageModels => ({
    es: section(buffer, sections.es, classes),
    en: section(buffer, sections.en, classes),
  });
  return { manifest, general: pair(manifest.languages), social: manifest.social ? pair(manifest.social) : undefined };
};

const sectionOf = (model: LinearModel, offset: number): LanguageSection => ({
  offset,
  rows: model.rows,
  scale: Array.from(model.scale),
  bias: Array.from(model.bias),
});

/** Write every quantised model into one binary file and the manifest beside it. */
export const writeModel = (
  dir: string,
  manifest: Omit<ModelManifest, 'languages' | 'social' | 'weightsFile'>,
  general: LanguageModels,
  social: LanguageModels | undefined,
): { bytes: number } => {
  const chunks: Buffer[] = [];
  let offset = 0;
  const placed = new Map<LinearModel, LanguageSection>();
  const place = (model: LinearModel): LanguageSection => {
    if (!(model.weights instanceof Int8Array)) throw new Error('quantise before writing');
    // A head shared by two roles (Spanish reads tweets with its general model) is stored once.
    const known = placed.get(model);
    if (known) return known;
    const spec = sectionOf(model, offset);
    placed.set(model, spec);
    chunks.push(Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength));
    offset += model.weights.byteLength;
    return spec;
  };
  const languages = { es: place(general.es), en: place(general.en) };
  const socialSections = social ? { es: place(social.es), en: place(social.en) } : undefined;
  const weightsFile = 'emotion.weights.bin';
  const buffer = Buffer.concat(chunks);
  writeFileSync(join(dir, weightsFile), buffer);
  const full: ModelManifest = { ...manifest, weightsFile, languages, ...(socialSections ? { social: socialSections } : {}) };
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(full) + '\n');
  return { bytes: buffer.byteLength };
};
