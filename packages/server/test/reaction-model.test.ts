import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluate, reasonOf } from '../src/modules/reaction/condition.evaluator.ts';
import { contactTimes, contactsWithin, waitingMinutes, type HistoryMessage } from '../src/modules/reaction/customer-state.ts';
import { officeStatus, type OfficeHours } from '../src/modules/reaction/office-hours.ts';
import { fillDraft } from '../src/modules/reaction/proposal.service.ts';
import { formatReason } from '../src/modules/reaction/reason.format.ts';

// Pure parts of the reaction module: no database, so no backends loop.
describe('Reaction model', () => {
  const madrid: OfficeHours = { timezone: 'Europe/Madrid', weekly: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day: day as 'mon', from: '09:00', to: '18:00' })) };

  test('office hours: open inside the ranges in the office time zone; a closed period is named by when it began', () => {
    assert.deepEqual(officeStatus(madrid, new Date('2025-01-07T10:00:00Z')), { open: true }); // Tue 11:00 in Madrid
    const evening = officeStatus(madrid, new Date('2025-01-07T20:00:00Z')); // Tue 21:00
    const morning = officeStatus(madrid, new Date('2025-01-08T07:30:00Z')); // Wed 08:30
    assert.deepEqual(evening, { open: false, periodKey: '2025-01-07T18:00@Europe/Madrid' });
    assert.deepEqual(morning, evening, 'the same night is one period');
    assert.equal(officeStatus(madrid, new Date('2025-01-08T17:30:00Z')).open, false, 'Wed 18:30');
    assert.deepEqual(officeStatus(madrid, new Date('2025-01-12T12:00:00Z')), { open: false, periodKey: '2025-01-10T18:00@Europe/Madrid' }, 'the weekend is the period after Friday');
    assert.equal(officeStatus(madrid, new Date('2025-07-07T15:30:00Z')).open, true, 'summer time: 17:30 CEST');
    assert.equal(officeStatus(madrid, new Date('2025-07-07T16:30:00Z')).open, false, 'summer time: 18:30 CEST');
  });

  test('contacts: a new conversation or a message after an hour of silence; waiting counts unanswered customer messages', () => {
    const t = (min: number) => new Date(Date.UTC(2025, 0, 10, 12, 0) + min * 60_000);
    const h: HistoryMessage[] = [
      { conversationId: 'a', direction: 'inbound', authorType: 'customer', at: t(-3 * 1440) },
      { conversationId: 'a', direction: 'inbound', authorType: 'customer', at: t(-3 * 1440 + 5) },
      { conversationId: 'a', direction: 'outbound', authorType: 'employee', at: t(-3 * 1440 + 10) },
      { conversationId: 'b', direction: 'inbound', authorType: 'customer', at: t(-120) },
      { conversationId: 'b', direction: 'outbound', authorType: 'system', at: t(-119) },
      { conversationId: 'b', direction: 'inbound', authorType: 'customer', at: t(0) },
    ];
    const contacts = contactTimes(h, t(0));
    assert.equal(contacts.length, 3);
    assert.deepEqual(contactsWithin(contacts, t(0), 7), { count: 3, spanDays: 3 });
    assert.deepEqual(contactsWithin(contacts, t(0), 1), { count: 2, spanDays: 1 });
    assert.equal(waitingMinutes(h, new Set(['a', 'b']), t(0)), 120, 'an automatic message is not an answer');
    assert.equal(waitingMinutes(h, new Set(['a']), t(0)), 0);
  });

  test('conditions: absent fields are false, never errors; three-valued before the state is loaded; reasons in words', () => {
    const cond = { all: [{ field: 'emotion' as const, op: 'eq' as const, value: 'sadness' as const }, { field: 'customerValue' as const, op: 'gte' as const, value: 1000 }] };
    const state = { emotion: 'sadness' as const, intensity: 0.82 };
    assert.equal(evaluate(cond, state).value, false, 'no value attribute: false');
    assert.equal(evaluate(cond, state, (f) => f === 'emotion').value, null, 'not loaded yet: unknown');
    assert.equal(evaluate(cond, { emotion: 'joy' }, (f) => f === 'emotion').value, false, 'ruled out from the message alone');
    const full = { ...state, customerValue: 5000, contacts: () => ({ count: 3, spanDays: 4 }) };
    const v = evaluate({ all: [...cond.all, { field: 'contactsInDays', days: 7, op: 'gte', value: 3 }] }, full);
    assert.equal(v.value, true);
    const parts = reasonOf(v.parts, full);
    assert.equal(formatReason(parts, 'es'), 'Decepcionado (0,82), valor alto, tercer contacto en 4 días');
    assert.equal(formatReason(parts, 'en'), 'Disappointed (0.82), high value, third contact in 4 days');
    assert.equal(evaluate({ field: 'lastSurveyScore', op: 'lt', value: 5 }, full).value, false, 'no surveys yet');
    assert.equal(evaluate({ field: 'keywords', op: 'any', value: ['reembolso'] }, { text: 'quiero un reembolso ya' }).value, true);
    assert.equal(evaluate({ field: 'keywords', op: 'any', value: ['baja'] }, { text: 'trabaja' }).value, false, 'word beginnings only');
  });

  test('drafts are filled from the conversation and leave no gaps when a value is missing', () => {
    assert.equal(fillDraft('Hola {firstName}, has dicho «{quote}». {agentName}', { firstName: 'Lucía', quote: 'no funciona', agentName: 'Pedro' }), 'Hola Lucía, has dicho «no funciona». Pedro');
    assert.equal(fillDraft('Hola {firstName}, lo siento. {agentName}', {}), 'Hola, lo siento.');
  });
});
