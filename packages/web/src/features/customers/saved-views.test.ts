import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Customer } from '../../api/api.types.ts';
import { matchesFilters, NO_FILTERS, sameFilters } from './customer-filters.ts';
import { readViews, viewsKey, withoutView, withView, writeViews, type SavedView } from './saved-views.ts';

const memory = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
};

const view = (name: string, over: Partial<SavedView> = {}): SavedView => ({ ...NO_FILTERS, name, ...over });

test('views are kept per employee and survive a round trip', () => {
  const storage = memory();
  writeViews(storage, 'ana', [view('Madrid', { q: 'madrid', language: 'es', createdWithinDays: 30 })]);
  assert.deepEqual(readViews(storage, 'ana'), [view('Madrid', { q: 'madrid', language: 'es', createdWithinDays: 30 })]);
  assert.deepEqual(readViews(storage, 'luis'), []);
});

test('garbage in storage reads as no views, and malformed entries are skipped', () => {
  const storage = memory();
  storage.setItem(viewsKey('ana'), '{not json');
  assert.deepEqual(readViews(storage, 'ana'), []);
  storage.setItem(viewsKey('ana'), JSON.stringify([{ name: 'x' }, view('ok'), { ...view('neg'), createdWithinDays: -1 }]));
  assert.deepEqual(readViews(storage, 'ana'), [view('ok')]);
});

test('saving under an existing name replaces it; new names are kept in order; delete removes by name', () => {
  let views = withView([], view('Zaragoza'));
  views = withView(views, view('  Alicante ', { q: 'ali' }));
  assert.deepEqual(views.map((v) => v.name), ['Alicante', 'Zaragoza']);
  views = withView(views, view('alicante', { q: 'alic', language: 'en' }));
  assert.equal(views.length, 2);
  assert.deepEqual(views[0], view('alicante', { q: 'alic', language: 'en' }));
  assert.deepEqual(withoutView(views, 'Zaragoza').map((v) => v.name), ['alicante']);
});

const customer = (over: Partial<Customer>): Customer => ({
  id: 'c',
  name: 'Ana',
  email: null,
  phone: null,
  locale: null,
  attributes: {},
  createdAt: '2026-01-10T00:00:00.000Z',
  updatedAt: '2026-01-10T00:00:00.000Z',
  lastSeenAt: null,
  ...over,
});

test('filters: language matches the base language; age counts whole days back from now', () => {
  const now = Date.parse('2026-01-20T00:00:00.000Z');
  assert.equal(matchesFilters(customer({ locale: 'es-MX' }), { ...NO_FILTERS, language: 'es' }, now), true);
  assert.equal(matchesFilters(customer({ locale: 'en' }), { ...NO_FILTERS, language: 'es' }, now), false);
  assert.equal(matchesFilters(customer({ locale: null }), { ...NO_FILTERS, language: 'es' }, now), false);
  assert.equal(matchesFilters(customer({}), { ...NO_FILTERS, createdWithinDays: 10 }, now), true);
  assert.equal(matchesFilters(customer({}), { ...NO_FILTERS, createdWithinDays: 7 }, now), false);
  assert.equal(matchesFilters(customer({}), NO_FILTERS, now), true);
  assert.equal(sameFilters({ ...NO_FILTERS, q: ' ana ' }, { ...NO_FILTERS, q: 'ana' }), true);
});
