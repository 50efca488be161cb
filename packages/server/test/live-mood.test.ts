import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replayMood } from '../src/modules/emotion/mood.model.ts';
import { projectMoods } from '../src/modules/reaction/live-mood.ts';
import type { MessageEmotion } from '../src/platform/db/database.types.ts';

test('the reaction projects the same moods as the mood timeline, whether or not they were stored yet', () => {
  const at = (m: number) => new Date(Date.UTC(2026, 10, 1) + m * 60_000);
  const emotion = (valence: number): MessageEmotion =>
    ({ emotion: valence < 0 ? 'sadness' : 'joy', polarity: valence < 0 ? 'negative' : 'positive', valence, intensity: 0.6, alert: false, supported: true, language: 'es' }) as MessageEmotion;
  const messages = [-0.8, -0.5, 0.4, -0.9, -0.7, 0.2].map((v, i) => ({ messageId: `m${i}`, at: at(i * 30), emotion: emotion(v) }));
  const timeline = replayMood(messages.map((m) => ({ at: m.at, valence: m.emotion.valence, intensity: m.emotion.intensity, alert: false })));
  const stored = timeline.map((s, i) => ({ messageId: `m${i}`, at: s.at, score: s.score })).reverse();
  // The first three were stored before the batch; the mood listener may have stored some of the batch too.
  for (const applied of [3, 4, 6]) {
    const moods = projectMoods(stored.slice(6 - applied), null, messages.slice(3));
    for (let i = 3; i < 6; i++) assert.deepEqual(moods.get(`m${i}`), { score: timeline[i]!.score, trend: timeline[i]!.trend }, `m${i} with ${applied} stored`);
  }
});
