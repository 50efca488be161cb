import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sparklinePath } from './sparkline-path.ts';

const box = { width: 100, height: 50, pad: 5 };

test('scores map to the box: +1 at the top, -1 at the bottom, zero in the middle', () => {
  const g = sparklinePath([-1, 0, 1], box);
  assert.deepEqual(g.dots, [
    { x: 5, y: 45 },
    { x: 50, y: 25 },
    { x: 95, y: 5 },
  ]);
  assert.equal(g.line, 'M5 45 L50 25 L95 5');
  assert.equal(g.zeroY, 25);
});

test('one point sits in the middle; no points draw nothing', () => {
  assert.deepEqual(sparklinePath([0.5], box).dots, [{ x: 50, y: 15 }]);
  assert.equal(sparklinePath([0.5], box).line, 'M50 15');
  assert.deepEqual(sparklinePath([], box), { line: '', dots: [], zeroY: 25 });
});

test('out-of-range and non-finite scores are clamped, coordinates rounded to a tenth', () => {
  const g = sparklinePath([3, Number.NaN, -7], { width: 10, height: 10, pad: 1 / 3 });
  assert.deepEqual(g.dots.map((d) => d.y), [0.3, 5, 9.7]);
  assert.deepEqual(g.dots.map((d) => d.x), [0.3, 5, 9.7]);
});
