import type { ActionEdit, ProposedAction } from '../../api/reaction-types.ts';

// What the employee may change on each proposed action before accepting it (as the server allows).
export type ActionDraft = { selected: boolean; text: string; percent: string; amount: string; hours: string };

export function draftOf(a: ProposedAction): ActionDraft {
  return {
    selected: true,
    text: a.text ?? '',
    percent: a.type === 'offer_discount' ? String(a.percent) : '',
    amount: a.type === 'offer_compensation' ? String(a.amount) : '',
    hours: a.type === 'follow_up' ? String(a.hours) : '',
  };
}

const num = (s: string): number | undefined => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : undefined);

// The accept body: the selected actions, each with only the parameters the employee changed.
export function acceptEdits(actions: readonly ProposedAction[], drafts: readonly ActionDraft[]): ActionEdit[] {
  return actions.flatMap((a, index) => {
    const d = drafts[index];
    if (!d?.selected) return [];
    const edit: ActionEdit = { index };
    if ((a.type === 'apology' || a.type === 'gift' || a.type === 'article') && d.text.trim() && d.text.trim() !== (a.text ?? '').trim()) edit.text = d.text.trim();
    if (a.type === 'offer_discount' && num(d.percent) !== undefined && num(d.percent) !== a.percent) edit.percent = num(d.percent);
    if (a.type === 'offer_compensation' && num(d.amount) !== undefined && num(d.amount) !== a.amount) edit.amount = num(d.amount);
    if (a.type === 'follow_up' && num(d.hours) !== undefined && num(d.hours) !== a.hours) edit.hours = num(d.hours);
    return [edit];
  });
}
