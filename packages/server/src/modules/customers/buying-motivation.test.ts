import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inferMotivation, type MotivationMessage } from './buying-motivation.ts';

const at = new Date('2026-06-01T10:00:00Z');
const msgs = (...texts: string[]): MotivationMessage[] => texts.map((text, i) => ({ id: `m${i}`, conversationId: 'c1', text, at: new Date(at.getTime() + i * 60_000) }));
const noTenure = { firstContactAt: null, conversations: 1, purchases: 0 };

test('asking to be guided, in Spanish with or without accents, is wanting advice', () => {
  const r = inferMotivation(msgs('Hola, ¿qué me recomendáis para una oficina pequeña?', 'No sé cuál elegir entre los dos', 'gracias'), noTenure);
  assert.equal(r.motivation, 'advice');
  assert.equal(r.scores.advice, 2);
  assert.equal(r.reasons[0]?.motivation, 'advice');
  // The quote is the customer's own words, accents kept.
  assert.ok(r.reasons.some((x) => x.excerpt?.includes('qué me recomendáis')), JSON.stringify(r.reasons));
  assert.equal(r.messagesRead, 3);
});

test('specifications and units in English are a technical focus', () => {
  const r = inferMotivation(msgs('Is it compatible with USB-C docks?', 'What is the power draw, 65 W or 90 W?', 'and the exact model of the panel'), noTenure);
  assert.equal(r.motivation, 'technical');
  assert.equal(r.scores.technical, 3);
});

test('a long history with the company counts towards a lasting relationship, and is shown as such', () => {
  const long = { firstContactAt: new Date('2024-01-10T00:00:00Z'), conversations: 6, purchases: 4 };
  const r = inferMotivation(msgs('Como siempre, un placer. Gracias de nuevo a Lucía'), long, at);
  assert.equal(r.motivation, 'relationship');
  const tenure = r.reasons.find((x) => x.kind === 'tenure');
  assert.ok(tenure?.tenure && tenure.tenure.months >= 28 && tenure.tenure.purchases === 4, JSON.stringify(tenure));
});

test('one sign, or a tie, is not enough to tell', () => {
  assert.equal(inferMotivation(msgs('¿Qué me recomiendas?'), noTenure).motivation, null);
  const tie = inferMotivation(msgs('¿qué me recomiendas?', '¿cuál me conviene?', 'ficha técnica por favor', '¿es compatible con mi router?'), noTenure);
  assert.deepEqual([tie.scores.advice, tie.scores.technical], [2, 2]);
  assert.equal(tie.motivation, null);
  assert.equal(inferMotivation([], noTenure).motivation, null);
});
