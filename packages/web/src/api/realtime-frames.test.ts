import assert from 'node:assert/strict';
import { test } from 'node:test';
import { moodEventOf, parseServerFrame, realtimeUrl, reconnectDelay } from './realtime-frames.ts';

test('event frames are parsed; malformed or unknown ones are dropped', () => {
  const frame = parseServerFrame(JSON.stringify({ type: 'event', stream: 'workspace:w', seq: 7, event: { type: 'note.created', data: { note: { id: 'n1' } } } }));
  assert.equal(frame?.type, 'event');
  assert.equal(frame?.type === 'event' ? frame.seq : null, 7);
  assert.equal(parseServerFrame('{"type":"event","stream":"s","seq":"7","event":{"type":"note.created","data":{"note":{"id":"n"}}}}'), null);
  assert.equal(parseServerFrame('{"type":"event","stream":"s","seq":1,"event":{"type":"unknown.thing","data":{}}}'), null);
  assert.equal(parseServerFrame('not json'), null);
  assert.equal(parseServerFrame('[1,2]'), null);
});

test('emotion corrections and mood changes are parsed; a mood without a score is dropped', () => {
  const emotion = parseServerFrame(
    JSON.stringify({ type: 'event', stream: 's', seq: 2, event: { type: 'message.emotion', data: { conversationId: 'c', messageId: 'm', emotion: { emotion: 'joy' } } } }),
  );
  assert.equal(emotion?.type === 'event' ? emotion.event.type : null, 'message.emotion');
  const mood = { score: -0.4, label: 'negative', trend: 'worsening', alert: false, updatedAt: '2025-01-01T00:00:00.000Z' };
  const moodFrame = parseServerFrame(JSON.stringify({ type: 'event', stream: 's', seq: 3, event: { type: 'customer.mood', data: { customerId: 'u', mood } } }));
  assert.equal(moodFrame?.type === 'event' ? moodFrame.event.type : null, 'customer.mood');
  assert.equal(parseServerFrame(JSON.stringify({ type: 'event', stream: 's', seq: 4, event: { type: 'customer.mood', data: { customerId: 'u', mood: { label: 'negative' } } } })), null);
});

test('typing frames keep who is typing', () => {
  const f = parseServerFrame(JSON.stringify({ type: 'ephemeral', stream: 's', data: { kind: 'typing', conversationId: 'c', typing: true, by: 'customer', employeeId: null } }));
  assert.deepEqual(f, { type: 'ephemeral', stream: 's', data: { kind: 'typing', conversationId: 'c', typing: true, by: 'customer', employeeId: null } });
});

test('import progress frames are read; a malformed one is dropped', () => {
  const data = { type: 'customers.import.progress', importId: 'i', processed: 500, total: 1200 };
  assert.deepEqual(parseServerFrame(JSON.stringify({ type: 'ephemeral', stream: 'workspace:w', data })), {
    type: 'ephemeral',
    stream: 'workspace:w',
    data: { kind: 'import.progress', importId: 'i', processed: 500, total: 1200 },
  });
  assert.equal(parseServerFrame(JSON.stringify({ type: 'ephemeral', stream: 'workspace:w', data: { ...data, total: 'many' } })), null);
});

test('reconnect delay grows and is capped at about three seconds', () => {
  const mid = () => 1;
  assert.equal(reconnectDelay(0, 3000, mid), 250);
  assert.equal(reconnectDelay(2, 3000, mid), 1000);
  assert.equal(reconnectDelay(10, 3000, mid), 3000);
  assert.ok(reconnectDelay(50, 3000, () => 0) >= 2250);
});

test('socket URL follows the page scheme and resumes with since', () => {
  assert.equal(realtimeUrl({ protocol: 'https:', host: 'app.example.com' }, 41), 'wss://app.example.com/api/realtime?since=41');
  assert.equal(realtimeUrl({ protocol: 'http:', host: 'localhost:5173' }, null), 'ws://localhost:5173/api/realtime');
});

test('the mood inside a message frame becomes the customer.mood event mood consumers listen to', () => {
  const mood = { score: -0.4, label: 'negative', trend: 'worsening', alert: true, updatedAt: '2025-01-01T10:00:00.000Z' };
  const point = { messageId: 'm', at: '2025-01-01T10:00:00.000Z', emotion: 'anger', valence: -0.9, score: -0.4 };
  const frame = parseServerFrame(
    JSON.stringify({ type: 'event', stream: 's', seq: 4, event: { type: 'message.created', data: { message: { id: 'm' }, conversation: { id: 'c' }, mood: { customerId: 'u', mood, point } } } }),
  );
  assert.equal(frame?.type, 'event');
  const derived = frame?.type === 'event' ? moodEventOf(frame.event) : null;
  assert.deepEqual(derived, { type: 'customer.mood', data: { customerId: 'u', mood, point } });
  const plain = parseServerFrame(JSON.stringify({ type: 'event', stream: 's', seq: 5, event: { type: 'message.created', data: { message: { id: 'n' }, conversation: { id: 'c' } } } }));
  assert.equal(plain?.type === 'event' ? moodEventOf(plain.event) : 'x', null, "an employee's message brings no mood");
});

test('suggestion.updated may be the compact re-trigger shape; suggestion.created must be whole', () => {
  const frame = (type: string, suggestion: unknown) => JSON.stringify({ type: 'event', stream: 'w', seq: 1, event: { type, data: { suggestion } } });
  const compact = { id: 's1', status: 'open', triggerCount: 2, lastMessageId: 'm2', lastTriggeredAt: '2025-01-01T12:00:00.000Z', reason: { text: 'x', texts: { es: 'x', en: 'x' } }, updatedAt: '2025-01-01T12:00:00.000Z' };
  assert.ok(parseServerFrame(frame('suggestion.updated', compact)));
  assert.ok(parseServerFrame(frame('suggestion.updated', { id: 's1', status: 'accepted', actions: [] })));
  assert.equal(parseServerFrame(frame('suggestion.created', compact)), null);
  assert.equal(parseServerFrame(frame('suggestion.updated', { id: 's1', status: 'open' })), null);
});

test('call frames: call.updated events, relayed signals and the join answer are parsed; a malformed signal is dropped', () => {
  const call = { id: 'k', conversationId: 'c', status: 'ringing', ringingEmployeeId: 'e' };
  const updated = parseServerFrame(JSON.stringify({ type: 'event', stream: 's', seq: 9, event: { type: 'call.updated', data: { call } } }));
  assert.equal(updated?.type === 'event' ? updated.event.type : null, 'call.updated');
  assert.equal(parseServerFrame(JSON.stringify({ type: 'event', stream: 's', seq: 9, event: { type: 'call.updated', data: { call: { ...call, status: 'exploded' } } } })), null);
  const offer = parseServerFrame(JSON.stringify({ type: 'ephemeral', stream: 'call:k', data: { kind: 'call.signal', callId: 'k', from: 'customer', signal: { kind: 'offer', sdp: 'v=0' } } }));
  assert.deepEqual(offer, { type: 'ephemeral', stream: 'call:k', data: { kind: 'call.signal', callId: 'k', from: 'customer', signal: { kind: 'offer', sdp: 'v=0' } } });
  const ice = parseServerFrame(JSON.stringify({ type: 'ephemeral', stream: 'call:k', data: { kind: 'call.signal', callId: 'k', from: 'employee', signal: { kind: 'ice', candidate: null } } }));
  assert.equal(ice?.type === 'ephemeral' && ice.data.kind === 'call.signal' ? ice.data.signal.kind : null, 'ice');
  assert.equal(parseServerFrame(JSON.stringify({ type: 'ephemeral', stream: 'call:k', data: { kind: 'call.signal', callId: 'k', signal: { kind: 'offer' } } })), null);
  assert.deepEqual(parseServerFrame('{"type":"call.joined","callId":"k"}'), { type: 'call.joined', callId: 'k' });
});
