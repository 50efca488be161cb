import type { MessageView } from '../api/widget-api.types.ts';
import type { OutboxItem } from './outbox.store.ts';

const byTime = (a: MessageView, b: MessageView) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.createdAt < b.createdAt ? -1 : 1);

// Adds messages to a thread; a message already there (same id) is replaced, never repeated.
export function mergeMessages(current: MessageView[], incoming: MessageView[]): MessageView[] {
  if (!incoming.length) return current;
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort(byTime);
}

export type ThreadEntry =
  | { kind: 'message'; message: MessageView }
  | { kind: 'pending'; item: OutboxItem };

const sameContent = (m: MessageView, item: OutboxItem) =>
  m.direction === 'inbound' &&
  m.text === item.text.trim() &&
  m.attachments.length === item.attachments.length &&
  m.attachments.every((a, i) => a.id === item.attachments[i]?.id);

// The thread as shown: stored messages, then what is still in the outbox. The server announces
// a sent message (event) just before acknowledging it (ack); until the ack removes the outbox
// item, an item whose twin arrived live (`live`: ids received as events) is not shown twice.
export function buildThread(messages: MessageView[], outbox: OutboxItem[], live: ReadonlySet<string> = new Set()): ThreadEntry[] {
  const entries: ThreadEntry[] = messages.map((message) => ({ kind: 'message', message }));
  const claimed = new Set<string>();
  for (const item of outbox) {
    const twin = item.failed
      ? undefined
      : messages.find((m) => live.has(m.id) && !claimed.has(m.id) && sameContent(m, item));
    if (twin) claimed.add(twin.id);
    else entries.push({ kind: 'pending', item });
  }
  return entries;
}

// Sequence numbers grow by one per stream: an older one is a repeat, a jump means something was missed.
export function classifySeq(last: number | null, seq: number): 'apply' | 'repeat' | 'gap' {
  if (last === null || seq === last + 1) return 'apply';
  return seq <= last ? 'repeat' : 'gap';
}
