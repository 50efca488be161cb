import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActivityItem } from '../../api/customer-profile-types.ts';
import { translate } from '../../i18n/translate.ts';
import type { Conversation, Message } from '../../api/api.types.ts';
import { activityTitle, appendActivity, consentEntries, conversationOf, excerptOf, messageActivity, otherCustomerOf, prependActivity } from './activity-items.ts';

const item = (kind: ActivityItem['kind'], id: string, data: Record<string, unknown>, at = '2026-03-01T10:00:00.000Z'): ActivityItem => ({ kind, id, at, actor: null, data });
const en = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate('en', key, vars);
const es = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate('es', key, vars);
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test('a page is appended without repeating what is shown', () => {
  const shown = [item('message', '1', {}), item('order', '1', {})];
  const next = appendActivity(shown, { items: [item('order', '1', {}), item('note', '2', {})], nextCursor: null });
  assert.deepEqual(
    next.map((i) => `${i.kind}:${i.id}`),
    ['message:1', 'order:1', 'note:2'],
  );
});

test('messages and notes link to their conversation; other kinds do not', () => {
  assert.equal(conversationOf(item('message', 'm', { conversationId: 'c1', text: 'Hola' })), 'c1');
  assert.equal(conversationOf(item('note', 'n', { conversationId: 'c2' })), 'c2');
  assert.equal(conversationOf(item('order', 'o', { conversationId: 'c3' })), null);
  assert.equal(excerptOf(item('order', 'o', { description: 'Bicicleta' })), 'Bicicleta');
  assert.equal(excerptOf(item('merge', 'g', {})), null);
});

test('each kind has its line in both languages', () => {
  const me = 'cust-1';
  assert.equal(activityTitle(item('message', 'm', { direction: 'inbound' }), me, en, 'en'), 'Message from the customer');
  assert.equal(activityTitle(item('message', 'm', { direction: 'outbound' }), me, es, 'es'), 'Mensaje al cliente');
  assert.equal(activityTitle(item('order', 'o', { kind: 'purchase', amount: 120, currency: 'EUR' }), me, en, 'en'), 'Purchase of €120.00');
  assert.equal(plain(activityTitle(item('order', 'o', { kind: 'refund', amount: 20, currency: 'EUR' }), me, es, 'es')), 'Devolución de 20,00 €');
  assert.equal(activityTitle(item('order', 'o', { kind: 'event', amount: 0, currency: 'EUR' }), me, en, 'en'), 'Event from your systems');
  assert.equal(activityTitle(item('action', 'a', { kind: 'action.apology' }), me, en, 'en'), 'Accepted: Apology');
  assert.equal(activityTitle(item('action', 'a', { kind: 'something.new' }), me, en, 'en'), 'Action: something.new');
  assert.equal(activityTitle(item('merge', 'g', { survivorId: me, absorbedId: 'x' }), me, en, 'en'), 'Another customer was merged into this one');
  assert.equal(activityTitle(item('merge', 'g', { survivorId: 'x', absorbedId: me }), me, en, 'en'), 'Merged into another customer');
  assert.equal(activityTitle(item('consent', 'k', { purpose: 'marketing', granted: true }), me, es, 'es'), 'Dio su consentimiento a publicidad');
  assert.equal(activityTitle(item('consent', 'k', { purpose: 'surveys', granted: false }), me, en, 'en'), 'Consent to surveys withdrawn');
  assert.equal(activityTitle(item('survey', 's', { scores: { csat: 4, nps: null, ces: null } }), me, en, 'en'), 'Answered a survey: CSAT 4');
  assert.equal(activityTitle(item('survey', 's', { scores: {} }), me, es, 'es'), 'Respondió una encuesta');
  assert.equal(activityTitle(item('exit', 'x', { note: null }), me, es, 'es'), 'Dejó de ser cliente');
  assert.equal(
    activityTitle(item('call', 'v', { media: 'video', direction: 'inbound', status: 'ended', answeredAt: '2026-03-01T10:00:03.000Z', durationSeconds: 125 }), me, en, 'en'),
    'Video call from the customer · Answered · Duration 2:05',
  );
  assert.equal(activityTitle(item('call', 'v', { media: 'audio', direction: 'outbound', status: 'missed', durationSeconds: null }), me, es, 'es'), 'Llamada de voz al cliente · Perdida');
});

test('calls and survey answers link to their conversation', () => {
  assert.equal(conversationOf(item('call', 'v', { conversationId: 'c9' })), 'c9');
  assert.equal(conversationOf(item('survey', 's', { conversationId: 'c8' })), 'c8');
  assert.equal(conversationOf(item('exit', 'x', { conversationId: 'c7' })), null);
});

test('the consent history is the consent items of the activity', () => {
  const items = [
    item('message', 'm', {}),
    item('consent', 'k2', { purpose: 'surveys', granted: false, source: 'phone call' }, '2026-03-02T10:00:00.000Z'),
    item('consent', 'k1', { purpose: 'marketing', granted: true, source: null }),
  ];
  assert.deepEqual(
    consentEntries(items).map((e) => [e.id, e.purpose, e.granted, e.source]),
    [
      ['k2', 'surveys', false, 'phone call'],
      ['k1', 'marketing', true, null],
    ],
  );
});

test('a live message goes on top once, shaped like the API lists it', () => {
  const message = { id: 'm9', conversationId: 'c1', direction: 'inbound', authorType: 'customer', authorId: null, authorName: null, text: 'x'.repeat(1200), attachments: [], createdAt: '2026-03-05T10:00:00.000Z' } satisfies Message;
  const conversation = { id: 'c1', customerId: 'cust-1', channel: 'whatsapp', status: 'open', assigneeId: null, teamId: null, subject: null, createdAt: '', updatedAt: '', lastMessageAt: null, resolvedAt: null } satisfies Conversation;
  const live = messageActivity(message, conversation);
  assert.deepEqual({ ...live, data: { ...live.data, text: (live.data.text as string).length } }, {
    kind: 'message',
    id: 'm9',
    at: '2026-03-05T10:00:00.000Z',
    actor: { type: 'customer', id: null },
    data: { conversationId: 'c1', channel: 'whatsapp', direction: 'inbound', text: 1000 },
  });
  const shown = [item('order', 'o1', {})];
  const once = prependActivity(shown, live);
  assert.deepEqual(once.map((i) => i.id), ['m9', 'o1']);
  assert.deepEqual(prependActivity(once, live).map((i) => i.id), ['m9', 'o1']);
});

test('a merge links to the other customer it names', () => {
  assert.equal(otherCustomerOf(item('merge', 'g', { survivorId: 'me', absorbedId: 'her' }), 'me'), 'her');
  assert.equal(otherCustomerOf(item('unmerge', 'g', { survivorId: 'him', absorbedId: 'me' }), 'me'), 'him');
  assert.equal(otherCustomerOf(item('order', 'o', { survivorId: 'him' }), 'me'), null);
});
