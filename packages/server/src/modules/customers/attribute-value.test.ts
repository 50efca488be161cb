import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coerceAttribute, type AttributeDefinition } from './attribute-value.ts';

const def = (type: AttributeDefinition['type'], options: string[] = []): AttributeDefinition => ({ key: 'k', label: 'K', type, options });

test('JSON values must already have the type of their definition', () => {
  assert.deepEqual(coerceAttribute(def('number'), 12.5), { value: 12.5 });
  assert.match((coerceAttribute(def('number'), '12') as { error: string }).error, /number/);
  assert.deepEqual(coerceAttribute(def('boolean'), false), { value: false });
  assert.ok('error' in coerceAttribute(def('boolean'), 'yes'));
  assert.deepEqual(coerceAttribute(def('date'), '2026-02-28'), { value: '2026-02-28' });
  assert.ok('error' in coerceAttribute(def('date'), '2026-02-30'), 'no 30 February');
  assert.ok('error' in coerceAttribute(def('date'), '2026-02-28T10:00:00Z'), 'a date, not a date-time, in JSON');
  assert.deepEqual(coerceAttribute(def('select', ['gold', 'silver']), 'gold'), { value: 'gold' });
  assert.match((coerceAttribute(def('select', ['gold', 'silver']), 'Gold') as { error: string }).error, /one of: gold, silver/);
  assert.deepEqual(coerceAttribute(def('text'), '  ACME  '), { value: 'ACME' });
  assert.ok('error' in coerceAttribute(def('text'), 3));
});

test('CSV cells are read the way spreadsheets write them', () => {
  assert.deepEqual(coerceAttribute(def('number'), '1.234,5', true), { value: 1234.5 });
  assert.deepEqual(coerceAttribute(def('number'), '1,234.5', true), { value: 1234.5 });
  assert.deepEqual(coerceAttribute(def('number'), '42', true), { value: 42 });
  assert.ok('error' in coerceAttribute(def('number'), 'doce', true));
  assert.deepEqual(coerceAttribute(def('boolean'), 'Sí', true), { value: true });
  assert.deepEqual(coerceAttribute(def('boolean'), 'no', true), { value: false });
  assert.ok('error' in coerceAttribute(def('boolean'), 'quizá', true));
  assert.deepEqual(coerceAttribute(def('date'), '2026-03-31T08:00:00Z', true), { value: '2026-03-31' });
  assert.deepEqual(coerceAttribute(def('select', ['Gold', 'Silver']), 'gold', true), { value: 'Gold' });
});
