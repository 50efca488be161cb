import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AttentionItem } from '../../api/reaction-types.ts';
import { byUrgency } from './attention-sort.ts';
import { acceptEdits, draftOf } from './suggestion-edits.ts';
import { minutesUntilTomorrow } from './snooze-options.ts';

const item = (id: string, urgency: number, waitingMinutes: number, name: string | null): AttentionItem => ({
  customer: { id, name, email: null },
  urgency,
  mood: null,
  intensity: null,
  waitingMinutes,
  conversationId: null,
  openSuggestions: 0,
  value: null,
  segment: null,
  reason: { text: '' },
});

test('attention: most urgent first, then longest wait, then name', () => {
  const sorted = byUrgency([item('a', 40, 5, 'Zoe'), item('b', 80, 1, 'Ana'), item('c', 40, 30, 'Luis'), item('d', 40, 5, 'Berta')]);
  assert.deepEqual(
    sorted.map((i) => i.customer.id),
    ['b', 'c', 'd', 'a'],
  );
});

test('accepting sends the selected actions with only what the employee changed', () => {
  const actions = [
    { type: 'personal_call' as const, by: 'trusted' as const, employee: null },
    { type: 'offer_discount' as const, percent: 10 },
    { type: 'apology' as const, draft: { es: 'x' }, text: 'Hola Marta' },
    { type: 'follow_up' as const, hours: 24 },
  ];
  const drafts = actions.map(draftOf);
  assert.deepEqual(acceptEdits(actions, drafts), [{ index: 0 }, { index: 1 }, { index: 2 }, { index: 3 }]);
  drafts[0] = { ...drafts[0]!, selected: false };
  drafts[1] = { ...drafts[1]!, percent: '12' };
  drafts[2] = { ...drafts[2]!, text: 'Hola Marta, lo siento' };
  drafts[3] = { ...drafts[3]!, hours: '' };
  assert.deepEqual(acceptEdits(actions, drafts), [{ index: 1, percent: 12 }, { index: 2, text: 'Hola Marta, lo siento' }, { index: 3 }]);
});

test('snooze until tomorrow morning', () => {
  const now = new Date(2025, 0, 1, 22, 30);
  assert.equal(minutesUntilTomorrow(now), 10 * 60 + 30);
});
