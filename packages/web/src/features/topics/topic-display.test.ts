import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Topic, TopicTrend } from '../../api/voice-types.ts';
import { byLanguage, formatSentiment, trendDirection, trendRows } from './topic-display.ts';

const topic = (id: string, language: 'es' | 'en'): Topic => ({
  id,
  language,
  label: id,
  phrases: [],
  mentions: 1,
  sources: { messages: 1, answers: 0 },
  sentiment: { average: null, label: 'neutral', negative: 0, neutral: 1, positive: 0 },
  quotes: [],
  lastMentionAt: '2026-03-01T00:00:00Z',
});

const trend: TopicTrend = {
  period: { from: '2026-03-02', to: '2026-03-15' },
  interval: 'week',
  periods: [
    { period: '2026-03-02', mentions: 4, negative: 3, negativeShare: 75 },
    { period: '2026-03-09', mentions: 6, negative: 2, negativeShare: 33.3 },
  ],
  topics: [{ id: 'es:entreg', label: 'entrega', language: 'es', negative: 3, points: [{ period: '2026-03-02', mentions: 2, negative: 2 }, { period: '2026-03-09', mentions: 2, negative: 1 }] }],
};

test('topics are shown per language, Spanish first, empty languages left out', () => {
  assert.deepEqual(byLanguage([topic('en:refund', 'en'), topic('es:entreg', 'es'), topic('en:late', 'en')]).map((g) => [g.language, g.topics.map((t) => t.id)]), [
    ['es', ['es:entreg']],
    ['en', ['en:refund', 'en:late']],
  ]);
  assert.deepEqual(byLanguage([]), []);
});

test('sentiment is shown signed with two decimals', () => {
  assert.equal(formatSentiment(-0.62, 'en'), '−0.62');
  assert.equal(formatSentiment(0.13, 'en'), '+0.13');
  assert.equal(formatSentiment(0, 'en'), '0.00');
  assert.equal(formatSentiment(-0.5, 'es'), '−0,50');
  assert.equal(formatSentiment(null, 'en'), '–');
});

test('trend rows carry every negative topic by period, and the direction of the share', () => {
  assert.deepEqual(trendRows(trend), [
    { period: '2026-03-02', negative: 3, share: 75, 'es:entreg': 2 },
    { period: '2026-03-09', negative: 2, share: 33.3, 'es:entreg': 1 },
  ]);
  assert.equal(trendDirection(trend), 'down');
  assert.equal(trendDirection({ ...trend, periods: [trend.periods[0]!] }), null);
  assert.equal(trendDirection({ ...trend, periods: [...trend.periods].reverse() }), 'up');
});
