import type { Conversation, Message, MessageDelivery, MessageEmotion, Mood, MoodPoint, Note } from './api.types.ts';
import type { CallSignalFrame, CallView, WireSignal } from './call-types.ts';
import type { Reminder, Suggestion, TimelineItem } from './reaction-types.ts';

// What a re-trigger of a live suggestion changed (suggestion.updated without actions): merged into the held suggestion.
export type SuggestionPatch = Pick<Suggestion, 'id' | 'status' | 'triggerCount' | 'lastTriggeredAt' | 'updatedAt'> & { lastMessageId?: string; reason?: Suggestion['reason'] };

export const isFullSuggestion = (s: Suggestion | SuggestionPatch): s is Suggestion => Array.isArray((s as Partial<Suggestion>).actions);

// Server → client frames of GET /api/realtime, validated just enough to trust their shape.

export type RealtimeEvent =
  | { type: 'conversation.created'; data: { conversation: Conversation } }
  | { type: 'conversation.updated'; data: { conversation: Conversation; changes: Record<string, unknown> } }
  // A customer's message carries the mood it leads to (and its timeline point).
  | { type: 'message.created'; data: { message: Message; conversation: Conversation; mood?: CustomerMood } }
  | { type: 'note.created'; data: { note: Note } }
  | { type: 'message.emotion'; data: { conversationId: string; messageId: string; emotion: MessageEmotion } }
  | { type: 'customer.mood'; data: CustomerMood }
  | { type: 'suggestion.created'; data: { suggestion: Suggestion } }
  // A re-trigger sends only what it changed (SuggestionPatch); a decision or a snooze ending sends the whole suggestion.
  | { type: 'suggestion.updated'; data: { suggestion: Suggestion | SuggestionPatch } }
  | { type: 'reminder.created' | 'reminder.due' | 'reminder.updated'; data: { reminder: Reminder } }
  | { type: 'customer.timeline'; data: { customerId: string; items: TimelineItem[] } }
  | { type: 'call.updated'; data: { call: CallView } }
  // A reply sent through a channel moved on (queued, sent, delivered, read, failed with the reason).
  | { type: 'message.delivery'; data: { messageId: string; conversationId: string; delivery: MessageDelivery } };

export type CustomerMood = { customerId: string; mood: Mood; point?: MoodPoint };

// The mood inside a message's frame, as the customer.mood event every mood consumer listens to.
export function moodEventOf(event: RealtimeEvent): RealtimeEvent | null {
  if (event.type !== 'message.created' || !event.data.mood) return null;
  const m = event.data.mood;
  return typeof m.customerId === 'string' && typeof m.mood?.score === 'number' ? { type: 'customer.mood', data: m } : null;
}

export type TypingSignal = {
  kind: 'typing';
  conversationId: string;
  typing: boolean;
  by: 'customer' | 'employee';
  employeeId: string | null;
};

// How far a customer import has got (server data type `customers.import.progress`).
export type ImportProgress = { kind: 'import.progress'; importId: string; processed: number; total: number };

export type ServerFrame =
  | { type: 'ready'; stream: string | null; seq: number | null }
  | { type: 'event'; stream: string; seq: number; event: RealtimeEvent }
  | { type: 'ephemeral'; stream: string; data: TypingSignal | ImportProgress | CallSignalFrame }
  | { type: 'call.joined'; callId: string; ref?: string }
  | { type: 'reset'; stream: string; missedAfter: number; resumesAt: number }
  | { type: 'ack'; ref: string; duplicate: boolean; message: Message }
  | { type: 'error'; ref?: string; error: { code: string; message: string } }
  | { type: 'pong' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const REACTION_EVENTS = ['suggestion.created', 'suggestion.updated', 'reminder.created', 'reminder.due', 'reminder.updated', 'customer.timeline'];
const EVENT_TYPES = new Set(['conversation.created', 'conversation.updated', 'message.created', 'note.created', 'message.emotion', 'customer.mood', 'call.updated', 'message.delivery', ...REACTION_EVENTS]);
const DELIVERY_STATUSES = new Set(['queued', 'sent', 'delivered', 'read', 'failed']);
const CALL_STATUSES = new Set(['ringing', 'active', 'ended', 'missed', 'declined', 'failed']);

function wireSignalOf(v: unknown): WireSignal | null {
  if (!isObject(v)) return null;
  if (v.kind === 'ready') return { kind: 'ready' };
  if ((v.kind === 'offer' || v.kind === 'answer') && typeof v.sdp === 'string') return { kind: v.kind, sdp: v.sdp };
  if (v.kind === 'ice' && (v.candidate === null || isObject(v.candidate))) return { kind: 'ice', candidate: v.candidate as RTCIceCandidateInit | null };
  return null;
}

function validEvent(e: unknown): e is RealtimeEvent {
  if (!isObject(e) || typeof e.type !== 'string' || !EVENT_TYPES.has(e.type) || !isObject(e.data)) return false;
  const d = e.data;
  switch (e.type) {
    case 'conversation.created':
    case 'conversation.updated':
      return isObject(d.conversation) && typeof d.conversation.id === 'string';
    case 'message.created':
      return isObject(d.message) && typeof d.message.id === 'string' && isObject(d.conversation) && typeof d.conversation.id === 'string';
    case 'note.created':
      return isObject(d.note) && typeof d.note.id === 'string';
    case 'message.emotion':
      return typeof d.conversationId === 'string' && typeof d.messageId === 'string' && isObject(d.emotion) && typeof d.emotion.emotion === 'string';
    case 'customer.mood':
      return typeof d.customerId === 'string' && isObject(d.mood) && typeof d.mood.score === 'number' && typeof d.mood.label === 'string';
    case 'suggestion.created':
      return isObject(d.suggestion) && typeof d.suggestion.id === 'string' && typeof d.suggestion.status === 'string' && Array.isArray(d.suggestion.actions);
    case 'suggestion.updated':
      return (
        isObject(d.suggestion) &&
        typeof d.suggestion.id === 'string' &&
        typeof d.suggestion.status === 'string' &&
        (Array.isArray(d.suggestion.actions) || (typeof d.suggestion.triggerCount === 'number' && typeof d.suggestion.updatedAt === 'string'))
      );
    case 'reminder.created':
    case 'reminder.due':
    case 'reminder.updated':
      return isObject(d.reminder) && typeof d.reminder.id === 'string' && typeof d.reminder.status === 'string';
    case 'customer.timeline':
      return typeof d.customerId === 'string' && Array.isArray(d.items);
    case 'call.updated':
      return isObject(d.call) && typeof d.call.id === 'string' && typeof d.call.conversationId === 'string' && CALL_STATUSES.has(String(d.call.status));
    case 'message.delivery':
      return typeof d.messageId === 'string' && typeof d.conversationId === 'string' && isObject(d.delivery) && DELIVERY_STATUSES.has(String(d.delivery.status));
    default:
      return false;
  }
}

// Returns null for anything malformed or unknown, so a newer server cannot crash an older tab.
export function parseServerFrame(text: string): ServerFrame | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(raw) || typeof raw.type !== 'string') return null;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready', stream: typeof raw.stream === 'string' ? raw.stream : null, seq: typeof raw.seq === 'number' ? raw.seq : null };
    case 'event':
      if (typeof raw.stream !== 'string' || typeof raw.seq !== 'number' || !validEvent(raw.event)) return null;
      return { type: 'event', stream: raw.stream, seq: raw.seq, event: raw.event };
    case 'ephemeral': {
      const d = raw.data;
      if (typeof raw.stream !== 'string' || !isObject(d)) return null;
      if (d.type === 'customers.import.progress') {
        if (typeof d.importId !== 'string' || typeof d.processed !== 'number' || typeof d.total !== 'number') return null;
        return { type: 'ephemeral', stream: raw.stream, data: { kind: 'import.progress', importId: d.importId, processed: d.processed, total: d.total } };
      }
      if (d.kind === 'call.signal') {
        const signal = wireSignalOf(d.signal);
        if (typeof d.callId !== 'string' || !signal) return null;
        return { type: 'ephemeral', stream: raw.stream, data: { kind: 'call.signal', callId: d.callId, from: d.from === 'employee' ? 'employee' : 'customer', signal } };
      }
      if (d.kind !== 'typing' || typeof d.conversationId !== 'string') return null;
      return {
        type: 'ephemeral',
        stream: raw.stream,
        data: {
          kind: 'typing',
          conversationId: d.conversationId,
          typing: d.typing === true,
          by: d.by === 'customer' ? 'customer' : 'employee',
          employeeId: typeof d.employeeId === 'string' ? d.employeeId : null,
        },
      };
    }
    case 'reset':
      if (typeof raw.stream !== 'string' || typeof raw.resumesAt !== 'number') return null;
      return { type: 'reset', stream: raw.stream, missedAfter: typeof raw.missedAfter === 'number' ? raw.missedAfter : 0, resumesAt: raw.resumesAt };
    case 'ack':
      if (typeof raw.ref !== 'string' || !isObject(raw.message)) return null;
      return { type: 'ack', ref: raw.ref, duplicate: raw.duplicate === true, message: raw.message as Message };
    case 'error': {
      const err = isObject(raw.error) ? raw.error : {};
      return {
        type: 'error',
        ...(typeof raw.ref === 'string' ? { ref: raw.ref } : {}),
        error: { code: typeof err.code === 'string' ? err.code : 'error', message: typeof err.message === 'string' ? err.message : '' },
      };
    }
    case 'pong':
      return { type: 'pong' };
    case 'call.joined':
      return typeof raw.callId === 'string' ? { type: 'call.joined', callId: raw.callId, ...(typeof raw.ref === 'string' ? { ref: raw.ref } : {}) } : null;
    default:
      return null;
  }
}

// Backoff for reconnects: quick at first, capped so a restarted server is found within ~3 s.
export function reconnectDelay(attempt: number, cap = 3000, random: () => number = Math.random): number {
  const base = Math.min(cap, 250 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + random() * 0.25));
}

// Builds the socket URL from the page's own location: same origin, ws:// or wss://, and ?since.
export function realtimeUrl(loc: { protocol: string; host: string }, since: number | null): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}/api/realtime${since === null ? '' : `?since=${since}`}`;
}
