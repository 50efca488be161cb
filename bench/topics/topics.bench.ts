// How long grouping the largest sample takes: 2,000 Spanish and 2,000 English texts (the bound per
// source), built from the test fixtures with varied extra words. Run: node --import tsx bench/topics/topics.bench.ts
import { buildSnapshot } from '../../packages/server/src/modules/topics/topic-snapshot.ts';
import type { TopicDocument } from '../../packages/server/src/modules/topics/topic-documents.ts';
import { ENGLISH_MESSAGES, SPANISH_ANSWERS } from '../../packages/server/test/support/voice-fixtures.ts';

const EXTRA = { es: ['cliente', 'tienda', 'web', 'factura', 'cambio', 'talla', 'color', 'tarjeta', 'pago', 'cupón'], en: ['store', 'website', 'invoice', 'exchange', 'size', 'colour', 'card', 'payment', 'coupon', 'account'] };
const docs: TopicDocument[] = [];
for (let i = 0; i < 4000; i++) {
  const es = i % 2 === 0;
  const base = es ? SPANISH_ANSWERS[i % SPANISH_ANSWERS.length]!.text : ENGLISH_MESSAGES[i % ENGLISH_MESSAGES.length]!.text;
  const words = es ? EXTRA.es : EXTRA.en;
  const text = `${base} ${words[i % 10]} ${words[(i * 7) % 10]}, ${words[(i * 3) % 10]}`;
  docs.push({ id: String(i), source: es ? 'answer' : 'message', language: es ? 'es' : 'en', text, sentiment: ((i % 5) - 2) / 2, at: new Date(Date.UTC(2026, 0, 1 + (i % 90))).toISOString(), conversationId: null, surveyId: null, customerId: 'c' });
}
const runs: number[] = [];
for (let r = 0; r < 7; r++) {
  const start = performance.now();
  const s = buildSnapshot(docs, { period: { from: '2026-01-01', to: '2026-03-31' }, sampled: true, limitPerSource: 2000, now: new Date() });
  runs.push(performance.now() - start);
  if (r === 0) console.log(`${s.topics.length} topics from ${docs.length} texts`);
}
runs.sort((a, b) => a - b);
console.log(`buildSnapshot: median ${runs[3]!.toFixed(0)} ms, max ${runs[6]!.toFixed(0)} ms over 7 runs`);
