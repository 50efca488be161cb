import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Message, MessageEmotion, Note } from '../../api/api.types.ts';
import type { CallView } from '../../api/call-types.ts';
import { addUnique, buildTimeline, withMessageEmotion } from './timeline.ts';

const m = (id: string, createdAt: string): Message => ({
  id,
  conversationId: 'c',
  direction: 'inbound',
  authorType: 'customer',
  authorId: null,
  authorName: null,
  text: id,
  attachments: [],
  createdAt,
});
const n = (id: string, createdAt: string): Note => ({ id, conversationId: 'c', authorId: null, text: id, createdAt });

test('addUnique drops duplicates and keeps time order when a realtime event races the REST load', () => {
  const live = addUnique([], [m('b', '2025-01-01T10:02:00Z')]);
  const merged = addUnique(live, [m('a', '2025-01-01T10:01:00Z'), m('b', '2025-01-01T10:02:00Z')]);
  assert.deepEqual(merged.map((x) => x.id), ['a', 'b']);
  assert.equal(addUnique(merged, [m('a', '2025-01-01T10:01:00Z')]), merged);
});

test('notes interleave with messages by time', () => {
  const t = buildTimeline([m('a', '2025-01-01T10:01:00Z'), m('c', '2025-01-01T10:03:00Z')], [n('b', '2025-01-01T10:02:00Z')]);
  assert.deepEqual(t.map((e) => `${e.kind}:${e.item.id}`), ['message:a', 'note:b', 'message:c']);
});

test('a message.emotion event replaces one message\'s label and leaves the list alone when the message is not here', () => {
  const list = [m('a', '2025-01-01T10:01:00Z'), m('b', '2025-01-01T10:02:00Z')];
  const emotion: MessageEmotion = {
    emotion: 'anger',
    polarity: 'negative',
    valence: -0.8,
    intensity: 0.7,
    alert: true,
    language: 'es',
    supported: true,
    probabilities: { anger: 0.7, disgust: 0.1, fear: 0.05, joy: 0, sadness: 0.1, surprise: 0, neutral: 0.05 },
    cues: [],
    model: 'test',
    corrected: { emotion: 'sadness', polarity: 'negative', by: 'e1', at: '2025-01-01T10:05:00Z' },
  };
  const next = withMessageEmotion(list, 'b', emotion);
  assert.equal(next[1]?.emotion?.corrected?.emotion, 'sadness');
  assert.equal(next[0], list[0]);
  assert.equal(withMessageEmotion(list, 'zz', emotion), list);
});

test('calls take their place among messages by when they started', () => {
  const call = { id: 'k', createdAt: '2025-01-01T10:01:30Z' } as CallView;
  const t = buildTimeline([m('a', '2025-01-01T10:01:00Z'), m('c', '2025-01-01T10:03:00Z')], [], [call]);
  assert.deepEqual(t.map((e) => `${e.kind}:${e.item.id}`), ['message:a', 'call:k', 'message:c']);
});
