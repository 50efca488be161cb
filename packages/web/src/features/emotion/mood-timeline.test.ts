import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Mood, MoodTimeline } from '../../api/api.types.ts';
import { translate } from '../../i18n/translate.ts';
import { initialMood, moodReducer, moodSummary } from './mood-timeline.ts';

const mood = (over: Partial<Mood> = {}): Mood => ({ score: -0.6, label: 'negative', trend: 'worsening', alert: true, updatedAt: '2025-01-01T10:00:00.000Z', ...over });
const timeline: MoodTimeline = {
  current: mood(),
  points: [{ messageId: 'm1', at: '2025-01-01T10:00:00.000Z', emotion: 'anger', valence: -0.9, score: -0.6 }],
};

test('a customer.mood event for the shown customer replaces the current mood and keeps the points until the reload', () => {
  let s = moodReducer(initialMood('u1'), { type: 'loaded', customerId: 'u1', timeline });
  const better = mood({ score: 0.3, label: 'positive', trend: 'improving', alert: false });
  s = moodReducer(s, { type: 'event', event: { type: 'customer.mood', data: { customerId: 'u2', mood: better } } });
  assert.equal(s.timeline?.current?.label, 'negative', 'another customer');
  s = moodReducer(s, { type: 'event', event: { type: 'customer.mood', data: { customerId: 'u1', mood: better } } });
  assert.deepEqual(s.timeline?.current, better);
  assert.equal(s.timeline?.points.length, 1);
});

test('a late answer for a previous customer is ignored', () => {
  let s = moodReducer(initialMood('u1'), { type: 'customer', customerId: 'u2' });
  s = moodReducer(s, { type: 'loaded', customerId: 'u1', timeline });
  assert.equal(s.timeline, null);
  assert.equal(moodReducer(s, { type: 'customer', customerId: 'u2' }), s);
});

test('the summary reads as a sentence in both languages', () => {
  const es = (k: Parameters<typeof translate>[1], v?: Parameters<typeof translate>[2]) => translate('es', k, v);
  const en = (k: Parameters<typeof translate>[1], v?: Parameters<typeof translate>[2]) => translate('en', k, v);
  assert.equal(moodSummary(es, 'es', mood(), 5), 'Ánimo: negativo, empeorando; 5 mensajes');
  assert.equal(moodSummary(en, 'en', mood({ label: 'positive', trend: 'improving' }), 1), 'Mood: positive, improving; 1 message');
});

test("a customer's message brings its mood and its point: appended once, in the order received", () => {
  let s = moodReducer(initialMood('u1'), { type: 'loaded', customerId: 'u1', timeline });
  const point = { messageId: 'm2', at: '2025-01-01T10:05:00.000Z', emotion: 'joy' as const, valence: 0.8, score: 0.1 };
  const event = { type: 'customer.mood' as const, data: { customerId: 'u1', mood: mood({ score: 0.1, label: 'neutral', trend: 'improving' }), point } };
  s = moodReducer(s, { type: 'event', event });
  s = moodReducer(s, { type: 'event', event });
  assert.deepEqual(s.timeline?.points.map((p) => p.messageId), ['m1', 'm2']);
  assert.equal(s.timeline?.current?.trend, 'improving');
});
