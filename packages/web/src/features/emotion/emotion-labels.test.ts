import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MessageEmotion } from '../../api/api.types.ts';
import { translate } from '../../i18n/translate.ts';
import { correctedLocally, cueEffectText, cueKindKey, EMOTION_EMOJI, EMOTIONS, effectiveEmotion, emotionKey, rowEmotion } from './emotion-labels.ts';

const angry = (over: Partial<MessageEmotion> = {}): MessageEmotion => ({
  emotion: 'anger',
  polarity: 'negative',
  valence: -0.9,
  intensity: 0.9,
  alert: true,
  language: 'es',
  supported: true,
  probabilities: { anger: 0.8, disgust: 0.05, fear: 0.03, joy: 0.02, sadness: 0.05, surprise: 0.02, neutral: 0.03 },
  cues: [{ text: 'harto', kind: 'word', effect: '+anger' }],
  model: 'vinculo-emotion/test',
  ...over,
});

test('every emotion has an emoji and a label in both languages', () => {
  assert.equal(EMOTIONS.length, 7);
  for (const e of EMOTIONS) assert.ok(EMOTION_EMOJI[e]);
  assert.equal(translate('es', emotionKey('anger')), 'Enfado');
  assert.equal(translate('en', emotionKey('anger')), 'Anger');
  assert.equal(translate('es', emotionKey('sadness')), 'Tristeza');
  assert.equal(translate('es', emotionKey('joy')), 'Alegría');
});

test("a person's correction wins, and a corrected negative emotion keeps the alert", () => {
  assert.deepEqual(effectiveEmotion(angry()), { emotion: 'anger', polarity: 'negative', alert: true, corrected: false });
  const fixed = correctedLocally(angry(), 'joy', 'emp-1', new Date('2025-01-01T00:00:00Z'));
  assert.deepEqual(fixed.corrected, { emotion: 'joy', polarity: 'positive', by: 'emp-1', at: '2025-01-01T00:00:00.000Z' });
  assert.deepEqual(effectiveEmotion(fixed), { emotion: 'joy', polarity: 'positive', alert: false, corrected: true });
  assert.equal(effectiveEmotion(correctedLocally(angry({ alert: false, emotion: 'neutral' }), 'sadness', null, new Date())).alert, true);
  assert.deepEqual(rowEmotion(fixed), { emotion: 'joy', alert: false });
  assert.equal(rowEmotion(null), null);
});

test('cue effects and kinds are translated when the engine uses its fixed vocabulary', () => {
  const t = (k: Parameters<typeof translate>[1]) => translate('es', k);
  assert.equal(cueEffectText('+anger', t), '+ Enfado');
  assert.equal(cueEffectText('×1.4', t), '×1.4');
  assert.equal(cueEffectText('+nonsense', t), '+nonsense');
  assert.equal(cueKindKey('phrase'), 'emotion.cue.phrase');
  assert.equal(cueKindKey('something-new'), null);
});
