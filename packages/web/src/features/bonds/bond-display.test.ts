import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barPercent, feelingOf, scoreText } from './bond-display.ts';

test('bars are relative to the strongest bond, never invisible when there is a bond', () => {
  assert.equal(barPercent(10, 10), 100);
  assert.equal(barPercent(5, 10), 50);
  assert.equal(barPercent(0.01, 100), 2);
  assert.equal(barPercent(0, 10), 0);
  assert.equal(barPercent(3, 0), 0);
});

test('feeling in words, neutral without messages or with a slight leaning', () => {
  assert.equal(feelingOf(0.6, 4), 'positive');
  assert.equal(feelingOf(-0.4, 2), 'negative');
  assert.equal(feelingOf(0.1, 9), 'neutral');
  assert.equal(feelingOf(0.9, 0), 'neutral');
  assert.equal(scoreText(12.345, 'es'), '12,3');
});
