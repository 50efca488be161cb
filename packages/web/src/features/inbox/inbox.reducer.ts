import type { Conversation, CustomerSummary, Message, Mood } from '../../api/api.types.ts';
import type { RealtimeEvent } from '../../api/realtime-frames.ts';
import { rowEmotion } from '../emotion/emotion-labels.ts';
import { DEFAULT_FILTERS, matchesFilters, type InboxFilters } from './inbox-filters.ts';

export type InboxState = {
  filters: InboxFilters;
  items: Conversation[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  // Names for conversations whose listing row (or realtime event) did not carry the customer.
  customers: Record<string, CustomerSummary>;
  // Each customer's mood by customer id: from the listing, then from customer.mood events.
  moods: Record<string, Mood | null>;
  // Message ids already applied, so a replayed event never counts twice as unread.
  seenMessageIds: string[];
};

// Who is looking at what when an event arrives: an inbound message in the conversation the
// employee has open in a focused window is read at once, not counted.
export type Viewer = { me: string | null; activeId: string | null; focused: boolean };

export type InboxAction =
  | { type: 'filters'; filters: InboxFilters }
  | { type: 'loading' }
  | { type: 'loaded'; items: Conversation[]; nextCursor: string | null; append: boolean }
  | { type: 'failed'; error: string }
  | { type: 'event'; event: RealtimeEvent; viewer: Viewer }
  | { type: 'read'; conversationId: string }
  | { type: 'customer'; customer: CustomerSummary };

const SEEN_LIMIT = 2000;

export const initialInbox = (filters: InboxFilters = DEFAULT_FILTERS): InboxState => ({
  filters,
  items: [],
  nextCursor: null,
  loading: true,
  error: null,
  customers: {},
  moods: {},
  seenMessageIds: [],
});

// Newest activity first, ties by id: the order the server pages in.
export function compareConversations(a: Conversation, b: Conversation): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

// Realtime payloads omit the per-employee fields: keep what we knew, and never let an older
// snapshot (a replay after a reload) overwrite a newer one.
export function mergeConversation(existing: Conversation | undefined, incoming: Conversation): Conversation {
  if (!existing) return incoming;
  const base = existing.updatedAt > incoming.updatedAt ? { ...incoming, ...existing } : { ...existing, ...incoming };
  return {
    ...base,
    customer: incoming.customer ?? existing.customer ?? null,
    lastMessage: newerLastMessage(existing.lastMessage, incoming.lastMessage),
    unreadCount: incoming.unreadCount ?? existing.unreadCount ?? 0,
  };
}

function newerLastMessage(a: Conversation['lastMessage'], b: Conversation['lastMessage']): Conversation['lastMessage'] {
  if (!a) return b ?? null;
  if (!b) return a;
  return b.createdAt >= a.createdAt ? b : a;
}

const lastMessageOf = (m: Message): NonNullable<Conversation['lastMessage']> => ({
  text: m.text,
  direction: m.direction,
  authorType: m.authorType,
  createdAt: m.createdAt,
  attachmentCount: m.attachments?.length ?? 0,
  emotion: rowEmotion(m.emotion),
  messageId: m.id,
});

// A listing answered after a live update must not bring an older mood back.
function moodsFrom(current: InboxState['moods'], items: readonly Conversation[]): InboxState['moods'] {
  const next = { ...current };
  for (const c of items) {
    if (c.customer?.mood === undefined) continue;
    const known = next[c.customerId];
    if (!known || !c.customer.mood || c.customer.mood.updatedAt >= known.updatedAt) next[c.customerId] = c.customer.mood;
  }
  return next;
}

function upsert(state: InboxState, incoming: Conversation, me: string | null): Conversation[] {
  const index = state.items.findIndex((c) => c.id === incoming.id);
  const merged = mergeConversation(state.items[index], incoming);
  const rest = index === -1 ? state.items : state.items.filter((_, i) => i !== index);
  if (!matchesFilters(merged, state.filters, me)) return rest;
  return [...rest, merged].sort(compareConversations);
}

function applyMessage(state: InboxState, message: Message, conversation: Conversation, viewer: Viewer): InboxState {
  const seen = state.seenMessageIds.includes(message.id);
  const existing = state.items.find((c) => c.id === conversation.id);
  // A message no newer than what the listing already showed is already in its unread count.
  const known = seen || (existing?.lastMessage ? message.createdAt <= existing.lastMessage.createdAt : false);
  const readNow = viewer.activeId === conversation.id && viewer.focused;
  const counts = message.direction === 'inbound' && !known && !readNow;
  const previous = existing?.unreadCount ?? 0;
  const unreadCount = readNow ? 0 : counts ? previous + 1 : previous;
  const incoming: Conversation = { ...conversation, lastMessage: lastMessageOf(message), unreadCount };
  const items = upsert(state, incoming, viewer.me);
  const seenMessageIds = seen ? state.seenMessageIds : [...state.seenMessageIds, message.id].slice(-SEEN_LIMIT);
  return { ...state, items, seenMessageIds };
}

export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'filters':
      return { ...state, filters: action.filters, items: [], nextCursor: null, loading: true, error: null };
    case 'loading':
      return { ...state, loading: true, error: null };
    case 'loaded': {
      const byId = new Map<string, Conversation>();
      for (const c of action.append ? state.items : []) byId.set(c.id, c);
      for (const c of action.items) byId.set(c.id, { ...c, unreadCount: c.unreadCount ?? 0 });
      return {
        ...state,
        items: [...byId.values()].sort(compareConversations),
        moods: moodsFrom(state.moods, action.items),
        nextCursor: action.nextCursor,
        loading: false,
        error: null,
      };
    }
    case 'failed':
      return { ...state, loading: false, error: action.error };
    case 'read':
      return { ...state, items: state.items.map((c) => (c.id === action.conversationId && c.unreadCount !== 0 ? { ...c, unreadCount: 0 } : c)) };
    case 'customer':
      return { ...state, customers: { ...state.customers, [action.customer.id]: action.customer } };
    case 'event': {
      const { event, viewer } = action;
      switch (event.type) {
        case 'conversation.created':
        case 'conversation.updated':
          return { ...state, items: upsert(state, event.data.conversation, viewer.me) };
        case 'message.created':
          return applyMessage(state, event.data.message, event.data.conversation, viewer);
        case 'note.created':
          return state;
        case 'customer.mood':
          return { ...state, moods: { ...state.moods, [event.data.customerId]: event.data.mood } };
        case 'message.emotion': {
          const { conversationId, messageId, emotion } = event.data;
          const items = state.items.map((c) =>
            c.id === conversationId && c.lastMessage?.messageId === messageId ? { ...c, lastMessage: { ...c.lastMessage, emotion: rowEmotion(emotion) } } : c,
          );
          return { ...state, items };
        }
        default:
          return state;
      }
    }
  }
}

export const totalUnread = (items: readonly Conversation[]): number => items.reduce((n, c) => n + (c.unreadCount ?? 0), 0);

export function customerOf(state: InboxState, c: Conversation): CustomerSummary | null {
  return c.customer ?? state.customers[c.customerId] ?? null;
}

export const moodOf = (state: InboxState, c: Conversation): Mood | null => state.moods[c.customerId] ?? null;

// Customers some row needs a name for and nobody has fetched yet.
export function missingCustomers(state: InboxState): string[] {
  const ids = new Set<string>();
  for (const c of state.items) if (!c.customer && !state.customers[c.customerId]) ids.add(c.customerId);
  return [...ids];
}
