import { useState } from 'react';
import { customerMergeApi } from '../../api/customer-merge-api.ts';
import type { Duplicate } from '../../api/customer-merge-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { Link } from '../shell/link.component.tsx';
import { CustomerFacts, customerLabel } from './customer-facts.component.tsx';

type Props = { proposal: Duplicate; canDecide: boolean; onMerge: (p: Duplicate) => void; onDismissed: (id: string) => void };

// One proposal: both customers side by side, why they look like one person, and what to do about it.
export function DuplicateCard({ proposal, canDecide, onMerge, onDismissed }: Props) {
  const { t, lang } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const names = proposal.customers.map((c) => customerLabel(c, t('inbox.unknownCustomer')));
  const percent = new Intl.NumberFormat(lang, { style: 'percent' }).format(proposal.score);

  async function dismiss() {
    setBusy(true);
    setError(null);
    try {
      await customerMergeApi.dismiss(proposal.id);
      onDismissed(proposal.id);
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <li className="duplicate-card" data-testid="duplicate-card" data-proposal-id={proposal.id}>
      <h2 className="duplicate-title">
        {t('duplicates.pair', { a: names[0] ?? '', b: names[1] ?? '' })}
      </h2>
      <p className="duplicate-score muted small">{t('duplicates.score', { percent })}</p>
      <ul className="duplicate-reasons" data-testid="duplicate-reasons" aria-label={t('duplicates.reasons')}>
        {proposal.reasons.map((r) => (
          <li key={`${r.kind}:${r.text.en}`} data-kind={r.kind}>
            {r.text[lang]}
          </li>
        ))}
      </ul>
      <div className="duplicate-pair">
        {proposal.customers.map((c) => (
          <section key={c.id} className="duplicate-customer" data-testid="duplicate-customer" data-customer-id={c.id} aria-label={customerLabel(c, t('inbox.unknownCustomer'))}>
            <Link href={`/customers/${c.id}`} className="duplicate-customer-name">
              {customerLabel(c, t('inbox.unknownCustomer'))}
            </Link>
            <CustomerFacts customer={c} />
          </section>
        ))}
      </div>
      {canDecide && (
        <div className="row-actions">
          {confirming ? (
            <>
              <span className="muted small">{t('duplicates.dismissConfirmText')}</span>
              {/* The button pressed has just gone: focus moves to the one that confirms, not to the page. */}
              <button type="button" className="button small danger" data-testid="duplicate-dismiss-confirm" disabled={busy} autoFocus onClick={() => void dismiss()}>
                {t('duplicates.dismissConfirm')}
              </button>
              <button type="button" className="button small ghost" onClick={() => setConfirming(false)}>
                {t('duplicates.cancel')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button small primary" data-testid="duplicate-merge" onClick={() => onMerge(proposal)}>
                {t('duplicates.merge')}
              </button>
              <button type="button" className="button small" data-testid="duplicate-dismiss" onClick={() => setConfirming(true)}>
                {t('duplicates.dismiss')}
              </button>
            </>
          )}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="duplicate-error">
          {error}
        </p>
      )}
    </li>
  );
}
