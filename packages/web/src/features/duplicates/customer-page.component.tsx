import { useState } from 'react';
import type { UnmergeResult } from '../../api/customer-merge-types.ts';
import { formatRelative } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useMe } from '../auth/session.context.tsx';
import { CustomerBondsSection } from '../bonds/customer-bonds.component.tsx';
import { Customer360 } from '../customer-profile/customer-360.component.tsx';
import { errorText } from '../shell/error-text.ts';
import { Link } from '../shell/link.component.tsx';
import { CustomerFacts, customerLabel } from './customer-facts.component.tsx';
import { MergeHistory } from './merge-history.component.tsx';
import { useCustomerMerges } from './use-customer-merges.hook.ts';
import './duplicates.css';

// A customer's page: the 360 (value, tags, consent, channel, mood, activity), bonds, conversations, and each merge with its undo.
export function CustomerPage({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const { customer, conversations, merges, people, error, loaded, reload } = useCustomerMerges(customerId);
  const [undone, setUndone] = useState<UnmergeResult | null>(null);
  const unknown = t('inbox.unknownCustomer');
  // Where a merged-away customer went: the merge that absorbed it and was not undone.
  const into = customer ? null : merges.find((m) => m.absorbedId === customerId && !m.unmergedAt);
  const mergesKey = merges.map((m) => `${m.id}:${m.unmergedAt ?? ''}`).join(',');

  function onUndone(result: UnmergeResult) {
    setUndone(result);
    reload();
  }

  return (
    <main id="main" className="customer-page duplicates-page" tabIndex={-1} data-testid="customer-page" data-customer-id={customerId}>
      <p className="small">
        <Link href="/customers">{t('customers.back')}</Link> · <Link href="/duplicates">{t('merges.backToDuplicates')}</Link>
      </p>
      {undone && (
        <p className="form-ok" role="status" data-testid="unmerge-done">
          {t('merges.undoneBoth', { survivor: customerLabel(undone.survivor, unknown), restored: customerLabel(undone.restored, unknown) })}{' '}
          <Link href={`/customers/${undone.restored.id}`} data-testid="unmerge-restored-link">
            {t('merges.openRestored', { name: customerLabel(undone.restored, unknown) })}
          </Link>
        </p>
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          {errorText(error, t)}
        </p>
      )}
      {!loaded ? (
        <p className="muted">{t('app.loading')}</p>
      ) : customer ? (
        <>
          <h1 data-testid="customer-name">{customerLabel(customer, unknown)}</h1>
          <CustomerFacts customer={customer} attributes={false} />
          {/* Remounted when a merge is made or undone, so the 360 is read again. */}
          <Customer360 key={mergesKey} customerId={customerId} />
        </>
      ) : (
        into && (
          <>
          <h1>{t('merges.customerTitle')}</h1>
          <p data-testid="customer-merged-away">
            {t('merges.mergedAway')}{' '}
            <Link href={`/customers/${into.survivorId}`}>{people.get(into.survivorId) ? customerLabel(people.get(into.survivorId)!, unknown) : into.survivorId}</Link>
          </p>
          </>
        )
      )}
      {customer && <CustomerBondsSection customerId={customerId} />}
      {customer && (
        <section aria-labelledby="customer-conversations-heading">
          <h2 id="customer-conversations-heading">{t('merges.conversations')}</h2>
          {conversations.length === 0 ? (
            <p className="muted">{t('merges.noConversations')}</p>
          ) : (
            <ul className="plain history" data-testid="customer-conversations">
              {conversations.map((c) => (
                <li key={c.id} data-testid="customer-conversation" data-conversation-id={c.id}>
                  <Link href={`/conversations/${c.id}`} className="history-item">
                    <span className={`status-pill status-${c.status}`}>{t(`status.${c.status}`)}</span>
                    <span className="history-subject">{c.subject || c.channel}</span>
                    <time dateTime={c.updatedAt} className="muted">
                      {formatRelative(c.updatedAt, lang)}
                    </time>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {loaded && (
        <section aria-labelledby="customer-merges-heading">
          <h2 id="customer-merges-heading">{t('merges.title')}</h2>
          <MergeHistory customerId={customerId} merges={merges} people={people} canUndo={me.role !== 'agent'} onUndone={onUndone} />
        </section>
      )}
    </main>
  );
}
