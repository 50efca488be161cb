import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Suggestion } from '../../api/reaction-types.ts';
import type { SuggestionPatch } from '../../api/realtime-frames.ts';
import { forConversation, initialSuggestions, isMine, suggestionsReducer } from './suggestions.reducer.ts';

const base: Suggestion = {
  id: 's1',
  status: 'open',
  playbook: { id: 'p1', name: { es: 'Decepcionado' } },
  customer: { id: 'c1', name: 'Marta' },
  conversationId: 'conv1',
  locale: 'es',
  reason: { text: 'Decepcionado (0,82)', texts: { es: 'Decepcionado (0,82)', en: 'Disappointed (0.82)' } },
  actions: [{ type: 'personal_call', by: 'trusted', employee: null }],
  target: { assigneeId: null, teamId: null, employeeIds: [], escalated: false },
  triggeredAt: '2025-01-01T10:00:00.000Z',
  lastTriggeredAt: '2025-01-01T10:00:00.000Z',
  triggerCount: 1,
  snoozedUntil: null,
  decision: null,
  updatedAt: '2025-01-01T10:00:00.000Z',
};
const ev = (type: 'suggestion.created' | 'suggestion.updated', suggestion: Suggestion) => ({ type: 'event' as const, event: { type, data: { suggestion } } });

test('created and updated events add, refresh and remove suggestions', () => {
  let s = suggestionsReducer(initialSuggestions, ev('suggestion.created', base));
  assert.deepEqual(s.items.map((i) => i.id), ['s1']);
  const second = { ...base, id: 's2', conversationId: 'conv2', lastTriggeredAt: '2025-01-01T11:00:00.000Z', updatedAt: '2025-01-01T11:00:00.000Z' };
  s = suggestionsReducer(s, ev('suggestion.created', second));
  assert.deepEqual(s.items.map((i) => i.id), ['s2', 's1'], 'newest activity first');
  s = suggestionsReducer(s, ev('suggestion.updated', { ...base, triggerCount: 2, updatedAt: '2025-01-01T12:00:00.000Z' }));
  assert.equal(s.items.find((i) => i.id === 's1')?.triggerCount, 2);
  // A late, older copy does not overwrite the newer one.
  s = suggestionsReducer(s, ev('suggestion.updated', { ...base, triggerCount: 1 }));
  assert.equal(s.items.find((i) => i.id === 's1')?.triggerCount, 2);
  s = suggestionsReducer(s, ev('suggestion.updated', { ...base, status: 'accepted', updatedAt: '2025-01-01T13:00:00.000Z' }));
  assert.deepEqual(s.items.map((i) => i.id), ['s2']);
  s = suggestionsReducer(s, { type: 'decided', suggestion: second });
  assert.deepEqual(s.items, []);
  // A snoozed one comes back open when its reminder is due.
  s = suggestionsReducer(s, ev('suggestion.updated', { ...second, status: 'open', updatedAt: '2025-01-01T14:00:00.000Z' }));
  assert.deepEqual(s.items.map((i) => i.id), ['s2']);
});

test('a compact re-trigger update is merged into the held suggestion; older, unknown or closing ones behave as full ones', () => {
  const patch = (p: SuggestionPatch) => ({ type: 'event' as const, event: { type: 'suggestion.updated' as const, data: { suggestion: p } } });
  let s = suggestionsReducer(initialSuggestions, ev('suggestion.created', base));
  const reason = { text: 'Muy decepcionado (0,95)', texts: { es: 'Muy decepcionado (0,95)', en: 'Very disappointed (0.95)' } };
  s = suggestionsReducer(s, patch({ id: 's1', status: 'open', triggerCount: 2, lastMessageId: 'm2', lastTriggeredAt: '2025-01-01T12:00:00.000Z', reason, updatedAt: '2025-01-01T12:00:00.000Z' }));
  const merged = s.items[0]!;
  assert.equal(merged.triggerCount, 2);
  assert.equal(merged.lastTriggeredAt, '2025-01-01T12:00:00.000Z');
  assert.deepEqual(merged.reason, reason);
  assert.deepEqual(merged.actions, base.actions, 'what the update does not carry is kept');
  assert.deepEqual(merged.target, base.target);
  // An older update does not overwrite a newer state.
  s = suggestionsReducer(s, patch({ id: 's1', status: 'open', triggerCount: 1, lastTriggeredAt: '2025-01-01T11:00:00.000Z', updatedAt: '2025-01-01T11:00:00.000Z' }));
  assert.equal(s.items[0]!.triggerCount, 2);
  // Nothing to merge into: left alone (the listing brings it in full).
  const same = suggestionsReducer(s, patch({ id: 'zz', status: 'open', triggerCount: 3, lastTriggeredAt: '2025-01-01T12:30:00.000Z', updatedAt: '2025-01-01T12:30:00.000Z' }));
  assert.equal(same.items, s.items);
  // A re-trigger of a snoozed one says snoozed: not open, so it leaves the list.
  s = suggestionsReducer(s, patch({ id: 's1', status: 'snoozed', triggerCount: 3, lastTriggeredAt: '2025-01-01T13:00:00.000Z', updatedAt: '2025-01-01T13:00:00.000Z' }));
  assert.deepEqual(s.items, []);
});

test('other events leave the state alone; a load keeps newer live events', () => {
  const s0 = suggestionsReducer(initialSuggestions, ev('suggestion.created', base));
  const same = suggestionsReducer(s0, { type: 'event', event: { type: 'customer.timeline', data: { customerId: 'c1', items: [] } } });
  assert.equal(same, s0);
  const loaded = suggestionsReducer(s0, { type: 'loaded', items: [{ ...base, id: 's3' }] });
  assert.deepEqual(loaded.items.map((i) => i.id).sort(), ['s1', 's3']);
  assert.equal(loaded.loaded, true);
  assert.deepEqual(forConversation(loaded.items, 'conv1').length, 2);
});

test('mine: assignee, named employee, team or nobody, escalations for managers', () => {
  const me = { id: 'e1', role: 'agent' as const, teamId: 't1' };
  assert.equal(isMine(base, me), true, 'unassigned, no team');
  assert.equal(isMine({ ...base, target: { ...base.target, assigneeId: 'e2' } }, me), false);
  assert.equal(isMine({ ...base, target: { ...base.target, assigneeId: 'e2', employeeIds: ['e1'] } }, me), true);
  assert.equal(isMine({ ...base, target: { ...base.target, teamId: 't2' } }, me), false);
  assert.equal(isMine({ ...base, target: { ...base.target, teamId: 't1' } }, me), true);
  const escalated = { ...base, target: { ...base.target, assigneeId: 'e2', escalated: true } };
  assert.equal(isMine(escalated, me), false);
  assert.equal(isMine(escalated, { ...me, role: 'manager' }), true);
});
