import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Customer } from '../../api/api.types.ts';
import { choiceRows, defaultSurvivor, mergeBodyOf, presetChoices, sameFields } from './merge-choices.ts';

const customer = (over: Partial<Customer>): Customer => ({
  id: 'x',
  name: null,
  email: null,
  phone: null,
  locale: null,
  attributes: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  lastSeenAt: null,
  ...over,
});

const older = customer({ id: 'a', name: 'Marta Gil', email: 'marta@example.com', locale: 'es', attributes: { plan: 'oro', city: 'Vigo' } });
const newer = customer({
  id: 'b',
  name: 'Marta Gil Soler',
  email: 'marta@example.com',
  phone: '+34600111222',
  createdAt: '2026-02-01T00:00:00.000Z',
  attributes: { plan: 'plata', city: 'Vigo', vip: true },
});

test('the older customer survives by default', () => {
  assert.deepEqual(defaultSurvivor(newer, older).map((c) => c.id), ['a', 'b']);
  assert.deepEqual(defaultSurvivor(older, newer).map((c) => c.id), ['a', 'b']);
});

test('only differing fields and attributes are asked; the survivor’s value is preselected unless it has none', () => {
  const rows = choiceRows(older, newer);
  assert.deepEqual(
    rows.map((r) => [r.kind, r.key, r.survivor, r.absorbed, r.preset]),
    [
      ['field', 'name', 'Marta Gil', 'Marta Gil Soler', 'survivor'],
      ['field', 'phone', null, '+34600111222', 'absorbed'],
      ['field', 'locale', 'es', null, 'survivor'],
      ['attribute', 'plan', 'oro', 'plata', 'survivor'],
      ['attribute', 'vip', null, 'true', 'absorbed'],
    ],
  );
  assert.deepEqual(sameFields(older, newer), ['email']);
});

test('the body carries every decision, and the proposal it settles', () => {
  const rows = choiceRows(older, newer);
  const choices = { ...presetChoices(rows), 'field:name': 'absorbed' as const };
  assert.deepEqual(mergeBodyOf('b', rows, choices, 'p1'), {
    absorbedId: 'b',
    fields: { name: 'absorbed', phone: 'absorbed', locale: 'survivor' },
    attributes: { plan: 'survivor', vip: 'absorbed' },
    proposalId: 'p1',
  });
  assert.equal('proposalId' in mergeBodyOf('b', rows, choices), false);
});
