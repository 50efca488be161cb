import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelay } from './backoff.ts';

test('the delay doubles per attempt and never exceeds 3 s', () => {
  const top = [0, 1, 2, 3, 4, 5, 10, 50].map((a) => backoffDelay(a, 1));
  assert.deepEqual(top, [250, 500, 1000, 2000, 3000, 3000, 3000, 3000]);
});

test('jitter keeps the delay between half and all of the ceiling', () => {
  assert.equal(backoffDelay(3, 0), 1000);
  assert.equal(backoffDelay(3, 0.5), 1500);
  for (let i = 0; i < 100; i++) {
    const d = backoffDelay(20);
    assert.ok(d >= 1500 && d <= 3000, `delay ${d}`);
  }
});
