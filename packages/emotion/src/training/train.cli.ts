import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { EmotionEngine } from '../emotion.analyzer.ts';
import { EMOTIONS } from '../emotion.types.ts';
import { DENSE_FEATURES, type FeatureConfig } from '../features/feature.extractor.ts';
import { blendModels, createLinearModel, quantizeInt8, type LinearModel } from '../model/logistic-regression.model.ts';
import { writeModel, type LanguageModels } from '../model/model.store.ts';
import { datasetsDir, loadEmoEvent, loadExtraTsv, loadXed, type Example } from './datasets.loader.ts';
import { devFigures, formatFigure } from './dev-figures.ts';
import { encodeExamples, type EncodedSet } from './feature.encoder.ts';
import { buildTrigramProfile } from './language-profile.builder.ts';
import { trainLogisticRegression } from './logistic-regression.trainer.ts';
import { noticeText } from './notice.text.ts';
import { chooseSocialLexiconWeight, isCalibrationRow, LEXICON_WEIGHTS } from './lexicon-weight.calibrator.ts';
import { buildTrainingSet, learnsFromTweetsOnly, tweetsOnly, type TrainingSet } from './training-sets.ts';

const { values: args } = parseArgs({
  options: {
    'permissive-only': { type: 'boolean', default: false },
    data: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '20240611' },
    epochs: { type: 'string', default: '10' },
    'learning-rate': { type: 'string', default: '0.05' },
    l2: { type: 'string', default: '1e-6' },
    alpha: { type: 'string', default: '0.3' },
    bits: { type: 'string', default: '18' },
    'lexicon-weight': { type: 'string', default: '0.5' },
    'alert-threshold': { type: 'string', default: '0.4' },
    'xed-weight': { type: 'string' },
    'cross-weight': { type: 'string', default: '0' },
    'char-scale': { type: 'string', default: '1' },
    'char-max': { type: 'string', default: '5' },
    ensemble: { type: 'string', default: '3' },
    'social-blend': { type: 'string', default: '0.5' },
    'source-weight': { type: 'string', multiple: true, default: [] },
    only: { type: 'string' },
    'every-epoch': { type: 'boolean', default: false },
    extra: { type: 'string', multiple: true, default: [] },
  },
});

const started = Date.now();
const log = (message: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

const permissiveOnly = args['permissive-only'] === true;
const dir = datasetsDir(args.data);
const out = resolve(args.out ?? fileURLToPath(new URL('../../model', import.meta.url)));
const seed = Number(args.seed);
const features: FeatureConfig = {
  bits: Number(args.bits), charMin: 2, charMax: Number(args['char-max']), wordScale: 1, charScale: Number(args['char-scale']),
};
const rows = (1 << features.bits) + DENSE_FEATURES.length;
// XED Spanish labels are projected from English subtitles (noisy): with EmoEvent they lowered Spanish dev
// figures at every weight tried, so they are used only when EmoEvent is left out. XED English helps a little.
const sourceWeights = { 'emoevent-es': 1, 'emoevent-en': 1, goemotions: 1, 'xed-es': args['xed-weight'] !== undefined ? Number(args['xed-weight']) : permissiveOnly ? 1 : 0, 'xed-en': 0.5, 'xed-en-neutral': 0.3,
  'emoevent-en-cross': Number(args['cross-weight']), 'emoevent-es-cross': Number(args['cross-weight']),
  // Corrected customer-service messages are few and in our own register: each counts twice.
  extra: 2,
};
for (const pair of args['source-weight'] ?? []) {
  const [name = '', weight = ''] = pair.split('=');
  (sourceWeights as Record<string, number>)[name] = Number(weight);
}
const only = args.only === 'es' || args.only === 'en' ? args.only : undefined;

log(`datasets: ${dir}${permissiveOnly ? ' (permissive only: GoEmotions + XED, no EmoEvent)' : ''}`);
const extraFiles = args.extra ?? [];
const extra = extraFiles.flatMap((file) => loadExtraTsv(resolve(file)));
if (extraFiles.length) log(`extra labelled rows: ${extra.length} from ${extraFiles.join(', ')}`);
// The permissive model must not carry anything derived from EmoEvent, not even letter statistics.
const tweetsFor = (language: 'es' | 'en'): Example[] => (permissiveOnly ? [] : loadEmoEvent(dir, language, 'train'));
const profile = buildTrigramProfile(
  [...tweetsFor('es'), ...loadXed(dir, 'es', 'train')].map((e) => e.text),
  [...tweetsFor('en'), ...loadXed(dir, 'en', 'train')].map((e) => e.text),
);

const emptyPair = (): LanguageModels => ({ es: createLinearModel(rows, EMOTIONS.length), en: createLinearModel(rows, EMOTIONS.length) });
const engine: EmotionEngine = {
  general: emptyPair(),
  social: permissiveOnly ? undefined : emptyPair(),
  features,
  lexiconWeight: Number(args['lexicon-weight']),
  socialLexiconWeight: { es: 0, en: 0 },
  alertThreshold: Number(args['alert-threshold']),
  languageProfile: profile,
};

/** One model per seed, averaged: logits are linear in the weights, so this is exactly their ensemble at the cost of one model. */
const trainEnsemble = (language: 'es' | 'en', set: TrainingSet, head: string, runs = Math.max(1, Number(args.ensemble))): LinearModel => {
  log(`${language} ${head}: encoding ${set.examples.length} training rows`);
  const encoded = encodeExamples(set.examples, language, features, set.weightOf);
  log(`${language} ${head}: ${encoded.index.length} non-zero features; training`);
  return blendModels(Array.from({ length: runs }, (_, run) => trainOnce(language, head, encoded, seed + run)));
};

const trainOnce = (language: 'es' | 'en', head: string, encoded: EncodedSet, runSeed: number): LinearModel => {
  log(`${language} ${head}: run with seed ${runSeed}`);
  return trainLogisticRegression(encoded, {
    rows,
    classes: EMOTIONS.length,
    epochs: Number(args.epochs),
    learningRate: Number(args['learning-rate']),
    l2: Number(args.l2),
    seed: runSeed,
    onEpoch: (epoch, loss, model) => {
      let line = `${language} ${head}: epoch ${epoch} loss ${loss.toFixed(4)}`;
      if (args['every-epoch'] && head === 'general') {
        engine.general[language] = model;
        line += '\n  ' + devFigures({ ...engine, social: undefined }, dir, language).map(formatFigure).join('\n  ');
      }
      log(line);
    },
  });
};

const socialBlend = Number(args['social-blend']);

const without = (set: TrainingSet, drop: (example: Example) => boolean): TrainingSet => ({ ...set, examples: set.examples.filter((e) => !drop(e)) });

/** Choose the social head's lexicon weight on a held-out tenth of the training tweets: dev sets stay unseen. */
const calibrate = (language: 'es' | 'en', set: TrainingSet, tweets: TrainingSet): number => {
  const heldOut = tweets.examples.filter(isCalibrationRow);
  // One seed is enough to choose a weight; the shipped heads average several.
  const general = trainEnsemble(language, without(set, isCalibrationRow), 'calibration general', 1);
  const tweetModel = trainEnsemble(language, without(tweets, isCalibrationRow), 'calibration tweets', 1);
  const social = quantizeInt8(blendModels([general, tweetModel], [1 - socialBlend, socialBlend]));
  const pair = { es: social, en: social };
  const { weight, scores } = chooseSocialLexiconWeight((w) => ({ ...engine, social: pair, socialLexiconWeight: { es: w, en: w } }), language, heldOut);
  log(`${language}: social lexicon weight ${weight} (held-out tweets wF1 ${scores.map((x) => x.toFixed(3)).join(' / ')} for ${LEXICON_WEIGHTS.join(' / ')})`);
  return weight;
};

for (const language of ['es', 'en'] as const) {
  if (only && only !== language) continue;
  const set = buildTrainingSet(dir, language, permissiveOnly, sourceWeights, Number(args.alpha), extra.filter((e) => e.language === language));
  const general = trainEnsemble(language, set, 'general');
  engine.general[language] = quantizeInt8(general);
  if (!engine.social) continue;
  // Tweets are a register of their own (hashtags, events, "others" for anything off-topic): public posts are
  // read by a blend of the general model and one trained on this language's tweets alone.
  if (learnsFromTweetsOnly(set, language)) {
    // Tweets are all this language's general model learnt from (Spanish): it is the social head already.
    engine.social[language] = engine.general[language];
    engine.socialLexiconWeight[language] = engine.lexiconWeight;
    continue;
  }
  const tweets = tweetsOnly(set, language);
  engine.socialLexiconWeight[language] = calibrate(language, set, tweets);
  const tweetModel = trainEnsemble(language, tweets, 'tweets');
  engine.social[language] = quantizeInt8(blendModels([general, tweetModel], [1 - socialBlend, socialBlend]));
}

log('dev figures (quantised model, language detected per message):');
for (const figure of devFigures(engine, dir, only)) console.log('  ' + formatFigure(figure));

if (only) {
  log(`--only ${only}: nothing written`);
} else {
  mkdirSync(out, { recursive: true });
  const training = {
    seed, permissiveOnly, epochs: Number(args.epochs), learningRate: Number(args['learning-rate']), l2: Number(args.l2),
    classWeightAlpha: Number(args.alpha), sourceWeights, ensemble: Number(args.ensemble), socialBlend, xedDevSplit: 'hash(text, 0x5eed) % 10 === 0',
    socialLexiconWeightChosenOn: 'held-out training tweets, hash(text, 0xca11b) % 10 === 0',
  };
  const { bytes } = writeModel(
    out,
    {
      format: 1,
      classes: [...EMOTIONS],
      features,
      denseFeatures: [...DENSE_FEATURES],
      lexiconWeight: engine.lexiconWeight,
      socialLexiconWeight: engine.socialLexiconWeight,
      alertThreshold: engine.alertThreshold,
      languageProfile: profile,
      training,
    },
    engine.general,
    engine.social,
  );
  writeFileSync(resolve(out, 'NOTICE'), noticeText(permissiveOnly, sourceWeights['xed-es'] > 0, extra.length));
  log(`wrote ${out} (weights ${(bytes / 1048576).toFixed(1)} MiB)`);
}
