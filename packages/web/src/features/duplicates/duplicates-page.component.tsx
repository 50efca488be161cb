import { useCallback, useEffect, useState } from 'react';
import { customerMergeApi } from '../../api/customer-merge-api.ts';
import type { Duplicate } from '../../api/customer-merge-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useMe } from '../auth/session.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { navigate } from '../shell/router.hook.ts';
import { DuplicateCard } from './duplicate-card.component.tsx';
import { MergeDialog } from './merge-dialog.component.tsx';
import { ScanButton } from './scan-button.component.tsx';
import './duplicates.css';

// The queue of open duplicate proposals. Admins and managers decide; agents can look.
export function DuplicatesPage() {
  const { t } = useI18n();
  const me = useMe();
  const canDecide = me.role !== 'agent';
  const [items, setItems] = useState<Duplicate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [merging, setMerging] = useState<Duplicate | null>(null);

  const load = useCallback(() => {
    customerMergeApi.duplicates({ status: 'open' }).then(
      (page) => {
        setItems(page.items);
        setError(null);
      },
      (err: unknown) => setError(errorText(err, t)),
    );
  }, [t]);

  useEffect(load, [load]);

  const pair = merging && merging.customers.length === 2 ? ([merging.customers[0]!, merging.customers[1]!] as const) : null;

  return (
    <main id="main" className="duplicates-page" tabIndex={-1} data-testid="duplicates-page">
      <h1>{t('duplicates.title')}</h1>
      <p className="muted">{t('duplicates.intro')}</p>
      {canDecide ? <ScanButton onScanned={load} /> : <p className="muted small">{t('duplicates.viewOnly')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {items === null ? (
        !error && <p className="muted">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted" data-testid="duplicates-empty">
          {t('duplicates.empty')}
        </p>
      ) : (
        <ul className="plain duplicates-list" data-testid="duplicates-list" aria-label={t('duplicates.listLabel', { count: items.length })}>
          {items.map((p) => (
            <DuplicateCard key={p.id} proposal={p} canDecide={canDecide} onMerge={setMerging} onDismissed={(id) => setItems((list) => list?.filter((x) => x.id !== id) ?? null)} />
          ))}
        </ul>
      )}
      {merging && pair && (
        <MergeDialog
          key={merging.id}
          pair={[pair[0], pair[1]]}
          proposalId={merging.id}
          onClose={() => setMerging(null)}
          onMerged={(result) => navigate(`/customers/${result.customer.id}`)}
        />
      )}
    </main>
  );
}
