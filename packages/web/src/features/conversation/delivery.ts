import type { Message, MessageDelivery } from '../../api/api.types.ts';
import { patchMessage } from './timeline.ts';

export type DeliveryTone = 'pending' | 'ok' | 'read' | 'failed';

// How a reply sent through a channel is doing, as a short mark the employee reads at a glance.
export function deliveryMark(delivery: MessageDelivery): { key: `delivery.${MessageDelivery['status']}`; tone: DeliveryTone } {
  const tone: DeliveryTone = delivery.status === 'failed' ? 'failed' : delivery.status === 'read' ? 'read' : delivery.status === 'queued' ? 'pending' : 'ok';
  return { key: `delivery.${delivery.status}`, tone };
}

const RANK: Record<MessageDelivery['status'], number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

// A delivery event applied to the held messages. Receipts can arrive out of order (a "delivered"
// after the "read"); a later state never goes back, except a retry that queues a failed reply again.
export function withDelivery(messages: Message[], messageId: string, delivery: MessageDelivery): Message[] {
  const held = messages.find((m) => m.id === messageId)?.delivery;
  const retried = held?.status === 'failed' && delivery.status === 'queued';
  if (held && !retried && RANK[held.status] > RANK[delivery.status]) return messages;
  return patchMessage(messages, messageId, { delivery });
}
