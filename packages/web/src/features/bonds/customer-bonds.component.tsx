import { useEffect, useState } from 'react';
import { customerDataApi } from '../../api/customer-data-api.ts';
import type { Bond, CustomerBonds } from '../../api/customer-data-types.ts';
import { formatRelative } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { Link } from '../shell/link.component.tsx';
import { barPercent, feelingOf, scoreText } from './bond-display.ts';
import './bonds.css';

// Who this customer is closest to in the team, and why: the counts the score is made of.
export function CustomerBondsSection({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const [bonds, setBonds] = useState<CustomerBonds | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    customerDataApi.bonds(customerId).then(
      (b) => live && setBonds(b),
      (err: unknown) => live && setError(errorText(err, t)),
    );
    return () => {
      live = false;
    };
  }, [customerId, t]);

  const strongest = bonds?.items.reduce((m, b) => Math.max(m, b.score), 0) ?? 0;
  return (
    <section aria-labelledby="customer-bonds-heading" data-testid="customer-bonds">
      <h2 id="customer-bonds-heading">{t('bonds.title')}</h2>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : !bonds ? (
        <p className="muted">{t('app.loading')}</p>
      ) : bonds.items.length === 0 ? (
        <p className="muted" data-testid="bonds-empty">
          {t('bonds.none')}
        </p>
      ) : (
        <>
          <p data-testid="bonds-trusted">
            <strong>{t('bonds.trusted')}:</strong>{' '}
            {bonds.trustedEmployee ? (
              <Link href={`/employees/${encodeURIComponent(bonds.trustedEmployee.employeeId)}`}>{bonds.trustedEmployee.employeeName}</Link>
            ) : (
              <span className="muted">{t('bonds.trustedNone')}</span>
            )}
          </p>
          <ul className="bond-list" aria-label={t('bonds.listLabel')}>
            {bonds.items.map((b) => (
              <BondItem key={b.employeeId} bond={b} strongest={strongest} trusted={b.employeeId === bonds.trustedEmployee?.employeeId} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function BondItem({ bond: b, strongest, trusted }: { bond: Bond; strongest: number; trusted: boolean }) {
  const { t, lang } = useI18n();
  const c = b.components;
  const feeling = feelingOf(c.feeling, c.feltMessages);
  return (
    <li className={`bond-item${trusted ? ' trusted' : ''}`} data-testid="bond-item" data-employee-id={b.employeeId}>
      <span className="bond-head">
        <Link href={`/employees/${encodeURIComponent(b.employeeId)}`}>{b.employeeName}</Link>
        {trusted && <span className="bond-trusted-tag">{t('bonds.trusted')}</span>}
        {!b.active && <span className="muted small">({t('bonds.inactive')})</span>}
        <span className="rate-bar" aria-hidden="true">
          <span className="rate-fill" style={{ width: `${barPercent(b.score, strongest)}%` }} />
        </span>
        <span className="small">{t('bonds.score', { score: scoreText(b.score, lang) })}</span>
      </span>
      <span className="muted small" data-testid="bond-why">
        {t('bonds.why', { replies: c.replies, conversations: c.conversations, praise: c.praise, when: formatRelative(c.lastInteractionAt, lang) })} ·{' '}
        {t(`bonds.feeling.${feeling}`)}
      </span>
    </li>
  );
}
