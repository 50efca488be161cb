import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWidgetSocket, type SocketLike, type SocketState } from './widget-socket.ts';

type Fake = SocketLike & { url: string; sent: string[]; closed: boolean };

function fakes() {
  const made: Fake[] = [];
  const create = (url: string): Fake => {
    const s: Fake = { url, sent: [], closed: false, readyState: 1, onopen: null, onclose: null, onmessage: null, onerror: null, send: (t) => void s.sent.push(t), close: () => void (s.closed = true) };
    made.push(s);
    return s;
  };
  return { made, create };
}

test('a silent connection is dropped after an unanswered ping and reopened from the latest url', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const { made, create } = fakes();
  const states: SocketState[] = [];
  let since = 3;
  createWidgetSocket({ url: () => `ws://x/?since=${since}`, onFrame: () => undefined, onState: (s) => states.push(s), create, pingEveryMs: 1000 });
  made[0]!.onopen?.(new Event('open'));
  made[0]!.onmessage?.({ data: '{"type":"ready","stream":"s","seq":3}' } as MessageEvent);
  t.mock.timers.tick(1000);
  assert.deepEqual(made[0]!.sent, ['{"type":"ping"}']);
  since = 5;
  t.mock.timers.tick(1000);
  assert.equal(made[0]!.closed, true, 'no answer to the ping: the link is dead');
  assert.deepEqual(states, ['connecting', 'open', 'reconnecting']);
  t.mock.timers.tick(250);
  assert.equal(made.length, 2);
  assert.equal(made[1]!.url, 'ws://x/?since=5');
});

test('failed attempts back off but stay at most ~3 s apart; close() stops for good', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const { made, create } = fakes();
  const socket = createWidgetSocket({ url: () => 'ws://x/', onFrame: () => undefined, onState: () => undefined, create });
  for (let i = 1; i <= 8; i++) {
    made[made.length - 1]!.onclose?.({} as CloseEvent);
    t.mock.timers.tick(124);
    if (i > 1) assert.equal(made.length, i, `attempt ${i} waits longer than the first`);
    t.mock.timers.tick(3000 - 124);
    assert.equal(made.length, i + 1, `attempt ${i} comes within 3 s`);
  }
  const count = made.length;
  socket.close();
  made[made.length - 1]!.onclose?.({} as CloseEvent);
  t.mock.timers.tick(10_000);
  assert.equal(made.length, count);
});
