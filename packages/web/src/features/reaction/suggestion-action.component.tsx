import { useId } from 'react';
import type { ProposedAction } from '../../api/reaction-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { PersonalCallButton } from '../calls/personal-call-button.component.tsx';
import type { ActionDraft } from './suggestion-edits.ts';

type Props = {
  action: ProposedAction;
  draft: ActionDraft;
  bounds: { maxDiscountPercent: number; maxCompensation: number };
  onChange: (draft: ActionDraft) => void;
  // Where a personal call goes: the suggestion's conversation and customer.
  callTarget?: { conversationId: string; customerId: string };
};

// One proposed action: a checkbox to choose it and, where the server allows, its parameters.
export function SuggestionAction({ action: a, draft, bounds, onChange, callTarget }: Props) {
  const { t } = useI18n();
  const id = useId();
  const label = t(`reaction.action.${a.type}`);
  const set = (patch: Partial<ActionDraft>) => onChange({ ...draft, ...patch });
  return (
    <li className="suggestion-action" data-testid="suggestion-action" data-type={a.type}>
      <span className="suggestion-action-head">
        <input id={`${id}-pick`} type="checkbox" checked={draft.selected} onChange={(e) => set({ selected: e.target.checked })} aria-label={t('reaction.select', { action: label })} />
        <label htmlFor={`${id}-pick`} className="suggestion-action-name">
          {label}
        </label>
        {a.type === 'personal_call' && <span className="muted small">{a.employee ? t('reaction.callBy', { name: a.employee.name }) : t('reaction.callNobody')}</span>}
        {a.type === 'personal_call' && callTarget && <PersonalCallButton conversationId={callTarget.conversationId} customerId={callTarget.customerId} />}
      </span>
      {a.type === 'offer_discount' && (
        <span className="suggestion-param">
          <label htmlFor={`${id}-p`}>{t('reaction.percent', { max: bounds.maxDiscountPercent })}</label>
          <input id={`${id}-p`} type="number" min={1} max={bounds.maxDiscountPercent} step={1} value={draft.percent} disabled={!draft.selected} onChange={(e) => set({ percent: e.target.value })} />
        </span>
      )}
      {a.type === 'offer_compensation' && (
        <span className="suggestion-param">
          <label htmlFor={`${id}-a`}>{t('reaction.amount', { currency: a.currency, max: bounds.maxCompensation })}</label>
          <input id={`${id}-a`} type="number" min={1} max={bounds.maxCompensation} step={1} value={draft.amount} disabled={!draft.selected} onChange={(e) => set({ amount: e.target.value })} />
        </span>
      )}
      {a.type === 'follow_up' && (
        <span className="suggestion-param">
          <label htmlFor={`${id}-h`}>{t('reaction.hours')}</label>
          <input id={`${id}-h`} type="number" min={1} max={720} step={1} value={draft.hours} disabled={!draft.selected} onChange={(e) => set({ hours: e.target.value })} />
        </span>
      )}
      {(a.type === 'apology' || a.type === 'gift' || a.type === 'article') && a.text !== undefined && (
        <span className="suggestion-param wide">
          <label htmlFor={`${id}-t`}>{t('reaction.draft')}</label>
          <textarea id={`${id}-t`} rows={a.type === 'apology' ? 3 : 2} value={draft.text} disabled={!draft.selected} onChange={(e) => set({ text: e.target.value })} />
        </span>
      )}
    </li>
  );
}
