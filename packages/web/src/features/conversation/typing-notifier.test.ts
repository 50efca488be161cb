import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { createTypingNotifier } from './typing-notifier.ts';

beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 }));
afterEach(() => mock.timers.reset());

test('fast typing sends one "true", then "false" after a pause', () => {
  const sent: boolean[] = [];
  const n = createTypingNotifier((v) => sent.push(v), { resendMs: 3000, idleMs: 2500 });
  for (let i = 0; i < 10; i++) {
    n.input();
    mock.timers.tick(100);
  }
  assert.deepEqual(sent, [true]);
  mock.timers.tick(2500);
  assert.deepEqual(sent, [true, false]);
});

test('long typing refreshes "true" every resend interval so the indicator does not fade', () => {
  const sent: boolean[] = [];
  const n = createTypingNotifier((v) => sent.push(v), { resendMs: 3000, idleMs: 2500 });
  for (let i = 0; i < 35; i++) {
    n.input();
    mock.timers.tick(200);
  }
  // 7 seconds of typing: at 0 s, 3 s and 6 s.
  assert.deepEqual(sent, [true, true, true]);
});

test('stop sends "false" once, and nothing when not typing', () => {
  const sent: boolean[] = [];
  const n = createTypingNotifier((v) => sent.push(v));
  n.stop();
  assert.deepEqual(sent, []);
  n.input();
  n.stop();
  n.stop();
  mock.timers.tick(10_000);
  assert.deepEqual(sent, [true, false]);
});
