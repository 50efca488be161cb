import { createHash } from 'node:crypto';
import { loadEmotionModel } from '@vinculo/emotion';
import type { MessageEmotion } from '../db/database.types.ts';

export type EmotionSensor = { sense: (text: string) => MessageEmotion | null; model: string };

// Loaded once at start-up (about 10 ms): a broken model folder fails the start, not a message.
export function createEmotionSensor(): EmotionSensor {
  const model = loadEmotionModel();
  // Stored with every label, so a correction or an evaluation knows which model said what.
  const version = `vinculo-emotion/${createHash('sha256').update(JSON.stringify(model.manifest)).digest('hex').slice(0, 10)}`;
  return {
    model: version,
    sense(text) {
      if (!text.trim()) return null;
      const r = model.analyze(text);
      return {
        emotion: r.emotion,
        polarity: r.polarity,
        valence: round(r.valence),
        intensity: round(r.intensity),
        alert: r.alert,
        language: r.language,
        supported: r.supported,
        probabilities: Object.fromEntries(Object.entries(r.probabilities).map(([k, v]) => [k, round(v)])) as MessageEmotion['probabilities'],
        cues: r.cues.slice(0, 12),
        model: version,
      };
    },
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
