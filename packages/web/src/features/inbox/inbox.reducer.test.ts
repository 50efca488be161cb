import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Conversation, Message, MessageEmotion, Mood } from '../../api/api.types.ts';
import type { RealtimeEvent } from '../../api/realtime-frames.ts';
import { DEFAULT_FILTERS, inboxQuery, type InboxFilters } from './inbox-filters.ts';
import { inboxReducer, initialInbox, missingCustomers, moodOf, totalUnread, type InboxState, type Viewer } from './inbox.reducer.ts';

const ME = '00000000-0000-4000-8000-0000000000aa';
const OTHER = '00000000-0000-4000-8000-0000000000bb';

const conv = (id: string, over: Partial<Conversation> = {}): Conversation => ({
  id,
  customerId: `cust-${id}`,
  channel: 'web',
  status: 'open',
  assigneeId: null,
  teamId: null,
  subject: null,
  createdAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-01T10:00:00.000Z',
  lastMessageAt: null,
  resolvedAt: null,
  ...over,
});

const msg = (id: string, conversationId: string, createdAt: string, direction: Message['direction'] = 'inbound'): Message => ({
  id,
  conversationId,
  direction,
  authorType: direction === 'inbound' ? 'customer' : 'employee',
  authorId: null,
  authorName: null,
  text: `text ${id}`,
  attachments: [],
  createdAt,
});

const away: Viewer = { me: ME, activeId: null, focused: true };

function loaded(items: Conversation[], filters: InboxFilters = DEFAULT_FILTERS): InboxState {
  return inboxReducer(initialInbox(filters), { type: 'loaded', items, nextCursor: null, append: false });
}

const messageEvent = (m: Message, c: Conversation): RealtimeEvent => ({ type: 'message.created', data: { message: m, conversation: c } });
const apply = (s: InboxState, event: RealtimeEvent, viewer: Viewer = away) => inboxReducer(s, { type: 'event', event, viewer });

describe('inbox reducer', () => {
  test('an inbound message counts as unread once, even when the event is replayed after a reconnect', () => {
    const a = conv('a', { unreadCount: 2, lastMessage: { text: 'x', direction: 'inbound', authorType: 'customer', createdAt: '2025-01-01T10:00:00.000Z', attachmentCount: 0 } });
    let s = loaded([a]);
    const m = msg('m1', 'a', '2025-01-01T10:05:00.000Z');
    const event = messageEvent(m, { ...a, updatedAt: m.createdAt, lastMessageAt: m.createdAt });
    s = apply(s, event);
    s = apply(s, event);
    assert.equal(s.items[0]?.unreadCount, 3);
    assert.equal(s.items[0]?.lastMessage?.text, 'text m1');
    assert.equal(totalUnread(s.items), 3);
  });

  test('a message older than the listing already showed is not counted again (reload, then replay)', () => {
    const a = conv('a', {
      unreadCount: 1,
      updatedAt: '2025-01-01T10:05:00.000Z',
      lastMessage: { text: 'new', direction: 'inbound', authorType: 'customer', createdAt: '2025-01-01T10:05:00.000Z', attachmentCount: 0 },
    });
    const s = apply(loaded([a]), messageEvent(msg('m0', 'a', '2025-01-01T10:05:00.000Z'), a));
    assert.equal(s.items[0]?.unreadCount, 1);
  });

  test('outbound messages and messages in the focused open conversation do not add unread', () => {
    let s = loaded([conv('a', { unreadCount: 1 }), conv('b')]);
    s = apply(s, messageEvent(msg('m1', 'a', '2025-01-01T11:00:00.000Z', 'outbound'), conv('a', { updatedAt: '2025-01-01T11:00:00.000Z' })));
    assert.equal(s.items.find((c) => c.id === 'a')?.unreadCount, 1);
    s = apply(s, messageEvent(msg('m2', 'b', '2025-01-01T11:01:00.000Z'), conv('b', { updatedAt: '2025-01-01T11:01:00.000Z' })), { me: ME, activeId: 'b', focused: true });
    assert.equal(s.items.find((c) => c.id === 'b')?.unreadCount, 0);
    // Open but the window is in the background: it still counts.
    s = apply(s, messageEvent(msg('m3', 'b', '2025-01-01T11:02:00.000Z'), conv('b', { updatedAt: '2025-01-01T11:02:00.000Z' })), { me: ME, activeId: 'b', focused: false });
    assert.equal(s.items.find((c) => c.id === 'b')?.unreadCount, 1);
  });

  test('new activity moves a conversation to the top', () => {
    let s = loaded([conv('a', { updatedAt: '2025-01-01T10:02:00.000Z' }), conv('b', { updatedAt: '2025-01-01T10:01:00.000Z' })]);
    assert.deepEqual(s.items.map((c) => c.id), ['a', 'b']);
    s = apply(s, messageEvent(msg('m1', 'b', '2025-01-01T10:03:00.000Z'), conv('b', { updatedAt: '2025-01-01T10:03:00.000Z' })));
    assert.deepEqual(s.items.map((c) => c.id), ['b', 'a']);
  });

  test('created conversations appear only when they match the filters', () => {
    const mine: InboxFilters = { ...DEFAULT_FILTERS, assignee: 'mine' };
    let s = loaded([], mine);
    s = apply(s, { type: 'conversation.created', data: { conversation: conv('x', { assigneeId: OTHER }) } });
    s = apply(s, { type: 'conversation.created', data: { conversation: conv('y', { assigneeId: ME }) } });
    s = apply(s, { type: 'conversation.created', data: { conversation: conv('z', { assigneeId: ME, channel: 'email' }) } });
    assert.deepEqual(s.items.map((c) => c.id).sort(), ['y', 'z']);
  });

  test('an update that no longer matches removes the row; reassignment brings it back with its unread count kept', () => {
    const s0 = loaded([conv('a', { unreadCount: 4, customer: { id: 'cust-a', name: 'Ana', email: null } })]);
    const resolved = apply(s0, {
      type: 'conversation.updated',
      data: { conversation: conv('a', { status: 'resolved', updatedAt: '2025-01-01T12:00:00.000Z' }), changes: { status: 'resolved' } },
    });
    assert.equal(resolved.items.length, 0);
    const kept = apply(s0, {
      type: 'conversation.updated',
      data: { conversation: conv('a', { assigneeId: ME, updatedAt: '2025-01-01T12:00:00.000Z' }), changes: { assigneeId: ME } },
    });
    assert.equal(kept.items[0]?.assigneeId, ME);
    assert.equal(kept.items[0]?.unreadCount, 4);
    assert.equal(kept.items[0]?.customer?.name, 'Ana');
  });

  test('a stale snapshot does not overwrite a newer one', () => {
    const s0 = loaded([conv('a', { status: 'pending', updatedAt: '2025-01-01T12:00:00.000Z' })]);
    const s1 = apply(s0, { type: 'conversation.updated', data: { conversation: conv('a', { status: 'open', updatedAt: '2025-01-01T11:00:00.000Z' }), changes: {} } });
    assert.equal(s1.items[0]?.status, 'pending');
  });

  test('an inbound message on a conversation not yet listed inserts it with one unread', () => {
    const s = apply(loaded([]), messageEvent(msg('m1', 'n', '2025-01-01T10:00:00.000Z'), conv('n')));
    assert.equal(s.items[0]?.id, 'n');
    assert.equal(s.items[0]?.unreadCount, 1);
    assert.deepEqual(missingCustomers(s), ['cust-n']);
    const named = inboxReducer(s, { type: 'customer', customer: { id: 'cust-n', name: 'Nora', email: null } });
    assert.deepEqual(missingCustomers(named), []);
  });

  test('marking read zeroes one conversation only', () => {
    const s = inboxReducer(loaded([conv('a', { unreadCount: 2 }), conv('b', { unreadCount: 3 })]), { type: 'read', conversationId: 'a' });
    assert.deepEqual(Object.fromEntries(s.items.map((c) => [c.id, c.unreadCount])), { a: 0, b: 3 });
    assert.equal(totalUnread(s.items), 3);
  });

  test('appending a page dedupes by id; rows without unreadCount count as zero', () => {
    let s = loaded([conv('a', { updatedAt: '2025-01-02T00:00:00.000Z' })]);
    s = inboxReducer(s, { type: 'loaded', items: [conv('a', { updatedAt: '2025-01-02T00:00:00.000Z' }), conv('b')], nextCursor: null, append: true });
    assert.deepEqual(s.items.map((c) => c.id), ['a', 'b']);
    assert.equal(totalUnread(s.items), 0);
  });

  test('the query string carries the filters the server understands', () => {
    assert.equal(inboxQuery(DEFAULT_FILTERS, null), '?status=open%2Cpending&limit=50');
    assert.equal(
      inboxQuery({ assignee: 'unassigned', status: 'resolved', channel: 'email', teamId: 't1' }, 'CUR'),
      '?assignee=unassigned&status=resolved&channel=email&teamId=t1&limit=50&cursor=CUR',
    );
    assert.equal(inboxQuery({ ...DEFAULT_FILTERS, status: 'all' }, null), '?limit=50');
    assert.equal(inboxQuery({ ...DEFAULT_FILTERS, assignee: 'mine', status: 'open' }, null), '?assignee=me&status=open&limit=50');
  });
});

describe('inbox reducer: emotion and mood', () => {
  const mood = (score: number, updatedAt: string, over: Partial<Mood> = {}): Mood => ({
    score,
    label: score <= -0.2 ? 'negative' : score >= 0.2 ? 'positive' : 'neutral',
    trend: 'stable',
    alert: score <= -0.5,
    updatedAt,
    ...over,
  });
  const emotion = (over: Partial<MessageEmotion> = {}): MessageEmotion => ({
    emotion: 'anger',
    polarity: 'negative',
    valence: -0.9,
    intensity: 0.9,
    alert: true,
    language: 'es',
    supported: true,
    probabilities: { anger: 0.9, disgust: 0.02, fear: 0.02, joy: 0.01, sadness: 0.03, surprise: 0.01, neutral: 0.01 },
    cues: [],
    model: 'test',
    ...over,
  });

  test('the listing gives each row its customer mood; a customer.mood event updates every row of that customer', () => {
    const a = conv('a', { customer: { id: 'cust-x', name: 'Ana', email: null, mood: mood(-0.6, '2025-01-01T10:00:00.000Z') }, customerId: 'cust-x' });
    const b = conv('b', { customerId: 'cust-x', updatedAt: '2025-01-01T09:00:00.000Z' });
    let s = loaded([a, b]);
    assert.equal(moodOf(s, s.items[0]!)?.label, 'negative');
    assert.equal(moodOf(s, s.items[1]!)?.label, 'negative');
    s = apply(s, { type: 'customer.mood', data: { customerId: 'cust-x', mood: mood(0.4, '2025-01-01T10:05:00.000Z', { trend: 'improving' }) } });
    assert.deepEqual(s.items.map((c) => moodOf(s, c)?.trend), ['improving', 'improving']);
    // A listing that left before the event and answers after it keeps the newer mood.
    s = inboxReducer(s, { type: 'loaded', items: [a], nextCursor: null, append: false });
    assert.equal(moodOf(s, s.items[0]!)?.label, 'positive');
    assert.equal(moodOf(s, conv('z')), null);
  });

  test('an angry customer message marks the row; a correction of that message clears the alert live', () => {
    let s = loaded([conv('a')]);
    const m = { ...msg('m1', 'a', '2025-01-01T10:05:00.000Z'), emotion: emotion() };
    s = apply(s, messageEvent(m, conv('a', { updatedAt: m.createdAt })));
    assert.deepEqual(s.items[0]?.lastMessage?.emotion, { emotion: 'anger', alert: true });
    const corrected = emotion({ corrected: { emotion: 'surprise', polarity: 'neutral', by: ME, at: '2025-01-01T10:06:00.000Z' } });
    s = apply(s, { type: 'message.emotion', data: { conversationId: 'a', messageId: 'm0', emotion: corrected } });
    assert.equal(s.items[0]?.lastMessage?.emotion?.alert, true, 'a correction of an older message leaves the row alone');
    s = apply(s, { type: 'message.emotion', data: { conversationId: 'a', messageId: 'm1', emotion: corrected } });
    assert.deepEqual(s.items[0]?.lastMessage?.emotion, { emotion: 'surprise', alert: false });
    s = apply(s, messageEvent(msg('m2', 'a', '2025-01-01T10:07:00.000Z', 'outbound'), conv('a', { updatedAt: '2025-01-01T10:07:00.000Z' })));
    assert.equal(s.items[0]?.lastMessage?.emotion, null, "an employee's reply carries no emotion");
  });
});
