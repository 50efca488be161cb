export { analyze, loadEmotionModel, DEFAULT_MODEL_DIR, type EmotionModel } from './emotion.model.ts';
export {
  EMOTIONS,
  POLARITIES,
  type AnalyzeOptions,
  type Cue,
  type CueKind,
  type Emotion,
  type EmotionResult,
  type Polarity,
} from './emotion.types.ts';
