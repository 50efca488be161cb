import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration, formatMoney, formatShare } from './profile-format.ts';

// Intl puts a narrow no-break space in some locales; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test('money is written in its currency and the chosen language', () => {
  assert.equal(plain(formatMoney(1234.5, 'EUR', 'es')), '1234,50 €');
  assert.equal(formatMoney(1234.5, 'USD', 'en'), '$1,234.50');
  assert.equal(plain(formatMoney(-20, 'EUR', 'en')), '-€20.00');
});

test('an unknown currency code still shows the amount', () => {
  assert.equal(formatMoney(12, 'XYZ1', 'en'), '12 XYZ1');
});

test('shares are whole percentages', () => {
  assert.equal(plain(formatShare(0.625, 'es')), '63 %');
  assert.equal(formatShare(1, 'en'), '100%');
});

test('durations use the largest unit they fill', () => {
  assert.equal(formatDuration(45, 'en'), '45 sec');
  assert.equal(formatDuration(720, 'en'), '12 min');
  assert.equal(formatDuration(5400, 'en'), '1.5 hr');
  assert.equal(plain(formatDuration(2 * 86_400, 'es')), '2 d');
});
