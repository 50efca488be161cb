import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ratePercent, rateLevel } from './personalisation-rate.ts';

test('rates become whole percentages; no replies, no rate', () => {
  assert.equal(ratePercent(0.667), 67);
  assert.equal(ratePercent(1), 100);
  assert.equal(ratePercent(1.2), 100);
  assert.equal(ratePercent(null), null);
  assert.deepEqual([95, 60, 20].map(rateLevel), ['good', 'fair', 'low']);
});
