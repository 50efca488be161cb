import type { AttachmentRef } from '../api/widget-api.types.ts';

// A message the visitor wrote that the server has not acknowledged yet. It keeps its
// idempotency key for life, so however often it is retried the server stores it once.
export type OutboxItem = {
  idempotencyKey: string;
  text: string;
  attachments: AttachmentRef[];
  createdAt: string;
  failed?: string;
};

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function newOutboxItem(text: string, attachments: AttachmentRef[], key: string, now = new Date()): OutboxItem {
  return { idempotencyKey: key, text, attachments, createdAt: now.toISOString() };
}

export const enqueue = (outbox: OutboxItem[], item: OutboxItem): OutboxItem[] =>
  outbox.some((i) => i.idempotencyKey === item.idempotencyKey) ? outbox : [...outbox, item];

export const acknowledge = (outbox: OutboxItem[], key: string): OutboxItem[] => outbox.filter((i) => i.idempotencyKey !== key);

export const markFailed = (outbox: OutboxItem[], key: string, reason: string): OutboxItem[] =>
  outbox.map((i) => (i.idempotencyKey === key ? { ...i, failed: reason } : i));

export const clearFailure = (outbox: OutboxItem[], key: string): OutboxItem[] =>
  outbox.map((i) => (i.idempotencyKey === key ? { ...i, failed: undefined } : i));

// What may go out now, oldest first. A failed item waits for the visitor to retry or remove it.
export const sendable = (outbox: OutboxItem[]): OutboxItem[] => outbox.filter((i) => !i.failed);

function isOutboxItem(v: unknown): v is OutboxItem {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.idempotencyKey === 'string' && typeof o.text === 'string' && Array.isArray(o.attachments) && typeof o.createdAt === 'string';
}

export function loadOutbox(storage: StorageLike | null, key: string): OutboxItem[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isOutboxItem) : [];
  } catch {
    return [];
  }
}

export function saveOutbox(storage: StorageLike | null, key: string, outbox: OutboxItem[]): void {
  try {
    if (outbox.length) storage?.setItem(key, JSON.stringify(outbox));
    else storage?.removeItem(key);
  } catch {
    // Storage full or blocked (private mode): the outbox still lives in memory for this page.
  }
}
