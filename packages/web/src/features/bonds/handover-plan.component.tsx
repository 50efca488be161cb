import { useState } from 'react';
import type { AtRiskCustomer } from '../../api/customer-data-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { Link } from '../shell/link.component.tsx';

// Who would take over each customer, with an introduction to edit. Drafts stay on this page: a person sends them.
export function HandoverPlan({ customers }: { customers: readonly AtRiskCustomer[] }) {
  const { t } = useI18n();
  if (customers.length === 0) return null;
  return (
    <section aria-labelledby="handover-heading" data-testid="handover-plan">
      <h2 id="handover-heading">{t('handover.title')}</h2>
      <p className="notice" role="note">
        {t('handover.note')}
      </p>
      <ul className="handover-list">
        {customers.map((c) => (
          <HandoverItem key={c.customerId} customer={c} />
        ))}
      </ul>
    </section>
  );
}

function HandoverItem({ customer: c }: { customer: AtRiskCustomer }) {
  const { t } = useI18n();
  const [text, setText] = useState(c.draft?.text ?? '');
  const name = c.name ?? t('inbox.unknownCustomer');
  return (
    <li className="handover-item" data-testid="handover-item" data-customer-id={c.customerId}>
      <strong>
        <Link href={`/customers/${encodeURIComponent(c.customerId)}`}>{name}</Link>
      </strong>
      {c.successor ? (
        <span data-testid="handover-successor">
          <Link href={`/employees/${encodeURIComponent(c.successor.employeeId)}`}>{t('handover.successor', { name: c.successor.name })}</Link>{' '}
          <span className="muted small">({t(`handover.reason.${c.successor.reason}`)})</span>
        </span>
      ) : (
        <span className="muted">{t('handover.noSuccessor')}</span>
      )}
      {c.draft ? (
        <label className="field">
          <span className="small">{t('handover.draftFor', { name })}</span>
          <textarea data-testid="handover-draft" lang={c.draft.locale} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      ) : (
        <span className="muted small">{t('handover.noDraft')}</span>
      )}
    </li>
  );
}
