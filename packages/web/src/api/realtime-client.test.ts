import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRealtimeClient } from './realtime-client.ts';

// A stand-in for the browser's WebSocket: records what is sent and lets the test play the server.
class FakeSocket {
  static OPEN = 1;
  static made: FakeSocket[] = [];
  readyState = 0;
  sent: Array<Record<string, unknown>> = [];
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  serve(frame: unknown) {
    this.readyState = 1;
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

function install() {
  FakeSocket.made = [];
  Object.assign(globalThis, { WebSocket: FakeSocket, window: { location: { protocol: 'http:', host: 'app.test' } } });
}

test('a joined call is joined again after a reconnect; leaving stops that', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  install();
  const client = createRealtimeClient();
  const first = FakeSocket.made[0]!;
  first.serve({ type: 'ready', stream: 'workspace:w', seq: 1 });
  client.joinCall('k1');
  assert.deepEqual(first.sent, [{ type: 'call.join', callId: 'k1' }]);
  assert.equal(client.sendCallSignal('k1', { kind: 'ready' }), true);
  assert.deepEqual(first.sent[1], { type: 'call.signal', callId: 'k1', signal: { kind: 'ready' } });

  first.close();
  t.mock.timers.tick(300);
  const second = FakeSocket.made[1]!;
  assert.equal(second.url, 'ws://app.test/api/realtime?since=1');
  second.serve({ type: 'ready', stream: 'workspace:w', seq: 1 });
  assert.deepEqual(second.sent, [{ type: 'call.join', callId: 'k1' }], 'the call stream is rejoined');

  client.leaveCall('k1');
  second.close();
  t.mock.timers.tick(600);
  FakeSocket.made[2]!.serve({ type: 'ready', stream: 'workspace:w', seq: 1 });
  assert.deepEqual(FakeSocket.made[2]!.sent, []);
  client.close();
});

test('the join answer reaches listeners: call.joined by its id, a refusal by the call its ref names (or, naming none, the oldest join waiting)', () => {
  install();
  const client = createRealtimeClient();
  const socket = FakeSocket.made[0]!;
  socket.serve({ type: 'ready', stream: 'workspace:w', seq: null });
  const results: unknown[] = [];
  const signals: unknown[] = [];
  client.subscribe({ callJoin: (r) => results.push(r), callSignal: (f) => signals.push(f) });
  client.joinCall('a');
  client.joinCall('b');
  client.joinCall('c');
  socket.serve({ type: 'call.joined', callId: 'a' });
  socket.serve({ type: 'error', ref: 'c', error: { code: 'not_found', message: 'Call not found' } });
  socket.serve({ type: 'error', error: { code: 'forbidden', message: 'Only the employee in this call may join its signalling' } });
  socket.serve({ type: 'error', error: { code: 'not_found', message: 'an unrelated refusal' } });
  socket.serve({ type: 'error', ref: 'a', error: { code: 'forbidden', message: 'a signal refused after joining' } });
  assert.deepEqual(results, [
    { callId: 'a', ok: true },
    { callId: 'c', ok: false, code: 'not_found', message: 'Call not found' },
    { callId: 'b', ok: false, code: 'forbidden', message: 'Only the employee in this call may join its signalling' },
  ]);
  socket.serve({ type: 'ephemeral', stream: 'call:a', data: { kind: 'call.signal', callId: 'a', from: 'customer', signal: { kind: 'offer', sdp: 'v=0' } } });
  assert.deepEqual(signals, [{ kind: 'call.signal', callId: 'a', from: 'customer', signal: { kind: 'offer', sdp: 'v=0' } }]);
  client.close();
});
