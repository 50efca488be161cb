import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTypingThrottle } from './typing-throttle.ts';

function harness() {
  let clock = 0;
  const sent: boolean[] = [];
  let pending: { fn: () => void; at: number } | null = null;
  const throttle = createTypingThrottle({
    send: (t) => sent.push(t),
    now: () => clock,
    schedule: (fn, ms) => {
      const task = { fn, at: clock + ms };
      pending = task;
      return () => {
        if (pending === task) pending = null;
      };
    },
  });
  const advance = (ms: number) => {
    clock += ms;
    if (pending && pending.at <= clock) {
      const { fn } = pending;
      pending = null;
      fn();
    }
  };
  return { throttle, sent, advance };
}

test('a burst of keystrokes sends "typing" once, then again only after 3 s of typing', () => {
  const { throttle, sent, advance } = harness();
  for (let i = 0; i < 10; i++) {
    throttle.keystroke();
    advance(200);
  }
  assert.deepEqual(sent, [true]);
  for (let i = 0; i < 6; i++) {
    throttle.keystroke();
    advance(200);
  }
  assert.deepEqual(sent, [true, true]);
});

test('"stopped" goes out after a pause, and on send (stop) only when typing was announced', () => {
  const { throttle, sent, advance } = harness();
  throttle.keystroke();
  advance(2600);
  assert.deepEqual(sent, [true, false]);
  throttle.stop();
  assert.deepEqual(sent, [true, false]);
  throttle.keystroke();
  throttle.stop();
  advance(5000);
  assert.deepEqual(sent, [true, false, true, false]);
});
