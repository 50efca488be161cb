import { useMemo, useState } from 'react';
import { customerDataApi } from '../../api/customer-data-api.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { LANGUAGES } from '../../i18n/i18n.types.ts';
import { useMe } from '../auth/session.context.tsx';
import { customerLabel } from '../duplicates/customer-facts.component.tsx';
import { errorText } from '../shell/error-text.ts';
import { Link } from '../shell/link.component.tsx';
import { matchesFilters, NO_FILTERS, type CustomerFilters } from './customer-filters.ts';
import { ImportPanel } from './import-panel.component.tsx';
import { SavedViews } from './saved-views.component.tsx';
import { useCustomerList } from './use-customer-list.hook.ts';
import { useSavedViews } from './use-saved-views.hook.ts';
import './customers.css';

const AGES = [7, 30, 90, 365] as const;

// Everyone the workspace knows: search, narrow down, save the narrowing, and (admins, managers) import or export.
export function CustomersPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const canImport = me.role !== 'agent';
  const [filters, setFilters] = useState<CustomerFilters>(NO_FILTERS);
  const [importing, setImporting] = useState(false);
  const list = useCustomerList(filters.q);
  const saved = useSavedViews(me.employee?.id ?? 'token');
  const unknown = t('inbox.unknownCustomer');
  const shown = useMemo(() => list.items.filter((c) => matchesFilters(c, filters)), [list.items, filters]);
  const filtered = filters.language !== '' || filters.createdWithinDays !== null;
  const set = (patch: Partial<CustomerFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <main id="main" className="customers-page" tabIndex={-1} data-testid="customers-page">
      <div className="customers-head">
        <h1>{t('customers.title')}</h1>
        {canImport && (
          <span className="customers-actions">
            <button type="button" className="button" data-testid="import-open" aria-expanded={importing} onClick={() => setImporting((v) => !v)}>
              {t('customers.import')}
            </button>
            <a className="button ghost" href={customerDataApi.exportUrl} download data-testid="export-link">
              {t('customers.export')}
            </a>
          </span>
        )}
      </div>
      {importing && <ImportPanel onClose={() => setImporting(false)} onImported={list.reload} />}

      <div role="search" className="customers-tools">
        <label className="field customers-search">
          <span>{t('customers.search')}</span>
          <input
            type="search"
            data-testid="customer-search"
            value={filters.q}
            placeholder={t('customers.searchPlaceholder')}
            maxLength={200}
            onChange={(e) => set({ q: e.target.value })}
          />
        </label>
        <fieldset className="customers-filters">
          <legend>{t('customers.filters')}</legend>
          <label className="field">
            <span>{t('customers.language')}</span>
            <select data-testid="filter-language" value={filters.language} onChange={(e) => set({ language: e.target.value })}>
              <option value="">{t('customers.language.any')}</option>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('customers.created')}</span>
            <select
              data-testid="filter-created"
              value={filters.createdWithinDays ?? ''}
              onChange={(e) => set({ createdWithinDays: e.target.value ? Number(e.target.value) : null })}
            >
              <option value="">{t('customers.created.any')}</option>
              {AGES.map((d) => (
                <option key={d} value={d}>
                  {t('customers.created.days', { days: d })}
                </option>
              ))}
            </select>
          </label>
          {(filtered || filters.q) && (
            <button type="button" className="button ghost small" onClick={() => setFilters(NO_FILTERS)}>
              {t('customers.clear')}
            </button>
          )}
        </fieldset>
        <SavedViews views={saved.views} current={filters} onPick={(v) => setFilters({ q: v.q, language: v.language, createdWithinDays: v.createdWithinDays })} onSave={saved.save} onDelete={saved.remove} />
      </div>

      <p className="muted small" aria-live="polite" data-testid="customers-summary">
        {list.searched ? t('customers.bestMatches', { q: list.searched }) : t('customers.newest')} · {t('customers.shown', { count: shown.length })}
      </p>
      {list.error !== null && (
        <p className="form-error" role="alert" data-testid="customers-error">
          {errorText(list.error, t)}{' '}
          <button type="button" className="button small" onClick={list.reload}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {shown.length > 0 ? (
        <div className="card table-wrap">
          <table className="table" aria-label={t('customers.listLabel')} data-testid="customers-table">
            <thead>
              <tr>
                <th scope="col">{t('customer.name')}</th>
                <th scope="col">{t('customer.email')}</th>
                <th scope="col">{t('customer.phone')}</th>
                <th scope="col">{t('customer.locale')}</th>
                <th scope="col">{t('customer.since')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.id} data-testid="customer-row" data-customer-id={c.id}>
                  <th scope="row">
                    <Link href={`/customers/${encodeURIComponent(c.id)}`}>{customerLabel(c, unknown)}</Link>
                  </th>
                  <td>{c.email ?? ''}</td>
                  <td>{c.phone ?? ''}</td>
                  <td>{c.locale ?? ''}</td>
                  <td>
                    <time dateTime={c.createdAt}>{formatDate(c.createdAt, lang)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : list.loading ? (
        <p className="muted">{t('customers.loading')}</p>
      ) : (
        list.error === null && (
          <p className="muted" data-testid="customers-empty">
            {list.items.length ? t('customers.emptyFiltered') : list.searched ? t('customers.emptySearch', { q: list.searched }) : t('customers.empty')}
          </p>
        )
      )}
      {!list.searched && list.nextCursor && (
        <button type="button" className="button load-more" data-testid="customers-load-more" disabled={list.loading} onClick={list.loadMore}>
          {t('customers.loadMore')}
        </button>
      )}
    </main>
  );
}
