import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addChips, normaliseChip, removeChip, sameChips } from './chip-list.ts';

test('a chip is normalised like the server stores it', () => {
  assert.equal(normaliseChip('  Cliente   VIP '), 'cliente vip');
});

test('adding splits on commas, skips blanks and keeps the order without duplicates', () => {
  assert.deepEqual(addChips(['vip'], 'Mayorista, vip , ,  ciclismo'), ['vip', 'mayorista', 'ciclismo']);
  assert.deepEqual(addChips([], '   '), []);
});

test('removing one leaves the others in place', () => {
  assert.deepEqual(removeChip(['a', 'b', 'c'], 'b'), ['a', 'c']);
  assert.ok(sameChips(['a', 'b'], ['a', 'b']));
  assert.ok(!sameChips(['a', 'b'], ['b', 'a']));
});
