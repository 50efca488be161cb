import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AttributeDefinition, AttributeType } from '../../api/customer-profile-types.ts';
import { attributePatch, draftOf, legacyAttributes, optionsOf, valueOf } from './attribute-values.ts';

const def = (key: string, type: AttributeType, options: string[] = []): AttributeDefinition => ({ key, label: key, type, options, description: null, createdAt: '2026-01-01T00:00:00Z' });
const plan = def('plan', 'select', ['oro', 'plata']);
const size = def('size', 'number');
const vip = def('vip', 'boolean');
const birthday = def('birthday', 'date');
const note = def('note', 'text');

test('stored values become what each input shows', () => {
  assert.equal(draftOf(plan, 'oro'), 'oro');
  assert.equal(draftOf(size, 42), '42');
  assert.equal(draftOf(vip, true), true);
  assert.equal(draftOf(vip, 'yes'), false);
  assert.equal(draftOf(birthday, '1990-05-17'), '1990-05-17');
  assert.equal(draftOf(note, undefined), '');
});

test('inputs become typed values; empty clears; a bad number goes as typed for the server to name', () => {
  assert.equal(valueOf(size, ' 12,5 '), 12.5);
  assert.equal(valueOf(size, 'doce'), 'doce');
  assert.equal(valueOf(size, ''), null);
  assert.equal(valueOf(vip, true), true);
  assert.equal(valueOf(birthday, '2026-02-01'), '2026-02-01');
  assert.equal(valueOf(note, '  hola '), 'hola');
});

test('the patch carries only what changed', () => {
  const stored = { plan: 'oro', size: 12, legacy: 'x' };
  const patch = attributePatch([plan, size, vip, note], stored, { plan: 'plata', size: '12', vip: false, note: '' });
  assert.deepEqual(patch, { plan: 'plata' });
  assert.deepEqual(attributePatch([plan, size, vip], stored, { plan: '', vip: true }), { plan: null, vip: true });
});

test('undefined keys are the legacy ones; select options are one per line', () => {
  assert.deepEqual(legacyAttributes([plan], { plan: 'oro', origen: 'feria' }), [['origen', 'feria']]);
  assert.deepEqual(optionsOf(' oro\n\nplata \noro\n'), ['oro', 'plata']);
});
