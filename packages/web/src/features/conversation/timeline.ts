import type { Message, MessageEmotion, Note } from '../../api/api.types.ts';
import type { CallView } from '../../api/call-types.ts';

export type TimelineEntry = { kind: 'message'; item: Message } | { kind: 'note'; item: Note } | { kind: 'call'; item: CallView };

const byTime = <T extends { id: string; createdAt: string }>(a: T, b: T) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.createdAt < b.createdAt ? -1 : 1;

// Adds items to a list kept in time order, ignoring ids already present (REST and realtime overlap).
export function addUnique<T extends { id: string; createdAt: string }>(list: readonly T[], items: readonly T[]): T[] {
  const ids = new Set(list.map((i) => i.id));
  const fresh = items.filter((i) => {
    if (ids.has(i.id)) return false;
    ids.add(i.id);
    return true;
  });
  return fresh.length === 0 ? (list as T[]) : [...list, ...fresh].sort(byTime);
}

export function buildTimeline(messages: readonly Message[], notes: readonly Note[], calls: readonly CallView[] = []): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...messages.map((item) => ({ kind: 'message' as const, item })),
    ...notes.map((item) => ({ kind: 'note' as const, item })),
    ...calls.map((item) => ({ kind: 'call' as const, item })),
  ];
  return entries.sort((a, b) => byTime(a.item, b.item));
}

// One held message changed (its emotion, its delivery): the same list when it is not held.
export function patchMessage(messages: readonly Message[], messageId: string, patch: Partial<Message>): Message[] {
  const index = messages.findIndex((m) => m.id === messageId);
  if (index === -1) return messages as Message[];
  return messages.map((m, i) => (i === index ? { ...m, ...patch } : m));
}

// A message's emotion label changed (a correction, ours or a colleague's).
export const withMessageEmotion = (messages: readonly Message[], messageId: string, emotion: MessageEmotion): Message[] => patchMessage(messages, messageId, { emotion });
