import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MessageView } from '../api/widget-api.types.ts';
import { buildThread, classifySeq, mergeMessages } from './conversation.store.ts';
import { markFailed, newOutboxItem } from './outbox.store.ts';

const msg = (id: string, createdAt: string, text = id, direction: MessageView['direction'] = 'inbound'): MessageView => ({
  id,
  conversationId: 'c1',
  direction,
  authorType: direction === 'inbound' ? 'customer' : 'employee',
  authorId: null,
  authorName: null,
  text,
  attachments: [],
  createdAt,
});

test('merging never repeats a message and keeps server time order', () => {
  const a = msg('a', '2026-01-01T10:00:00.000Z');
  const b = msg('b', '2026-01-01T10:00:01.000Z');
  const c = msg('c', '2026-01-01T10:00:02.000Z');
  const merged = mergeMessages([a, c], [b, c, a, { ...b, text: 'edited' }]);
  assert.deepEqual(merged.map((m) => m.id), ['a', 'b', 'c']);
  assert.equal(merged[1]!.text, 'edited');
});

test('a pending item shows after the stored messages until it is acknowledged', () => {
  const item = newOutboxItem('hola', [], 'key-11111111');
  const thread = buildThread([msg('a', '2026-01-01T10:00:00.000Z', 'antes')], [item]);
  assert.deepEqual(thread.map((e) => e.kind), ['message', 'pending']);
});

test('the event for an item that arrives before its ack does not show the message twice', () => {
  const item = newOutboxItem('hola', [], 'key-11111111');
  const echoed = msg('m1', '2026-01-01T10:00:00.000Z', 'hola');
  assert.deepEqual(buildThread([echoed], [item], new Set(['m1'])).map((e) => e.kind), ['message']);
  // The same text already in the history (not a live echo) is a different, older message.
  assert.deepEqual(buildThread([echoed], [item]).map((e) => e.kind), ['message', 'pending']);
});

test('one live echo hides one pending item, not every item with the same text', () => {
  const items = [newOutboxItem('ok', [], 'key-11111111'), newOutboxItem('ok', [], 'key-22222222')];
  const thread = buildThread([msg('m1', '2026-01-01T10:00:00.000Z', 'ok')], items, new Set(['m1']));
  assert.deepEqual(thread.map((e) => e.kind), ['message', 'pending']);
});

test('a failed item is always shown, and an employee reply never stands in for a pending item', () => {
  const item = newOutboxItem('hola', [], 'key-11111111');
  const reply = msg('r1', '2026-01-01T10:00:00.000Z', 'hola', 'outbound');
  assert.equal(buildThread([reply], [item], new Set(['r1'])).length, 2);
  const failed = markFailed([item], 'key-11111111', 'nope');
  assert.equal(buildThread([msg('m1', '2026-01-01T10:00:00.000Z', 'hola')], failed, new Set(['m1'])).length, 2);
});

test('sequence numbers: next applies, older repeats, a jump is a gap', () => {
  assert.equal(classifySeq(null, 7), 'apply');
  assert.equal(classifySeq(4, 5), 'apply');
  assert.equal(classifySeq(5, 5), 'repeat');
  assert.equal(classifySeq(5, 3), 'repeat');
  assert.equal(classifySeq(5, 7), 'gap');
});
