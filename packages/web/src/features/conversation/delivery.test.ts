import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Message } from '../../api/api.types.ts';
import { deliveryMark, withDelivery } from './delivery.ts';

const reply = (id: string, delivery: Message['delivery'] = null): Message => ({
  id,
  conversationId: 'c1',
  direction: 'outbound',
  authorType: 'employee',
  authorId: 'e1',
  authorName: 'Ana',
  text: 'Hola',
  attachments: [],
  createdAt: '2026-12-07T10:00:00.000Z',
  delivery,
});

test('each delivery state has its own mark; a failure reads as failed', () => {
  assert.deepEqual(deliveryMark({ status: 'queued', error: null }), { key: 'delivery.queued', tone: 'pending' });
  assert.deepEqual(deliveryMark({ status: 'delivered', error: null }), { key: 'delivery.delivered', tone: 'ok' });
  assert.deepEqual(deliveryMark({ status: 'read', error: null }), { key: 'delivery.read', tone: 'read' });
  assert.deepEqual(deliveryMark({ status: 'failed', error: 'HTTP 503' }), { key: 'delivery.failed', tone: 'failed' });
});

test('delivery events move a reply forward, never back, and only the reply they name', () => {
  const held = [reply('m1', { status: 'queued', error: null }), reply('m2')];
  const sent = withDelivery(held, 'm1', { status: 'sent', error: null });
  assert.equal(sent[0]!.delivery?.status, 'sent');
  assert.equal(sent[1]!.delivery, null);
  const read = withDelivery(sent, 'm1', { status: 'read', error: null });
  // A late "delivered" receipt does not undo "read".
  assert.equal(withDelivery(read, 'm1', { status: 'delivered', error: null }), read);
  assert.equal(withDelivery(read, 'unknown', { status: 'failed', error: 'x' }), read);
});

test('a failed reply shows its reason, and a retry queues it again', () => {
  const failed = withDelivery([reply('m1', { status: 'sent', error: null })], 'm1', { status: 'failed', error: 'Gave up after 3 attempts: HTTP 503' });
  assert.deepEqual(failed[0]!.delivery, { status: 'failed', error: 'Gave up after 3 attempts: HTTP 503' });
  assert.equal(withDelivery(failed, 'm1', { status: 'queued', error: null })[0]!.delivery?.status, 'queued');
});
