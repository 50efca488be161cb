import { useEffect, useState } from 'react';
import { kpiApi } from '../../api/kpi-api.ts';
import type { KpiFilters, KpiItem, KpiName, KpiPoint } from '../../api/kpi-types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/i18n.types.ts';
import { errorText } from '../shell/error-text.ts';
import { Link } from '../shell/link.component.tsx';
import { formatDuration } from './kpi-format.ts';

type Props = { kpi: KpiName; point: KpiPoint; filters: KpiFilters; onClose: () => void };

// The conversations (answers, episodes, exits, customers) behind the clicked point, each linking to its conversation.
export function PointItems({ kpi, point, filters, onClose }: Props) {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<KpiItem[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = (offset: number) => {
    setLoading(true);
    kpiApi.items(kpi, filters, point.key, offset).then(
      (page) => {
        setItems((prev) => (offset === 0 ? page.items : [...prev, ...page.items]));
        setNext(page.nextOffset);
        setLoading(false);
      },
      (e: unknown) => {
        setError(errorText(e, t));
        setLoading(false);
      },
    );
  };
  // A new point or new filters start the list again.
  useEffect(() => load(0), [kpi, point.key, filters]);

  const detail = (i: KpiItem): string => {
    const v = i.values;
    if (typeof v.seconds === 'number') return formatDuration(v.seconds, t, lang);
    for (const score of ['csat', 'nps', 'ces'] as const) if (typeof v[score] === 'number') return `${score.toUpperCase()} ${v[score]}`;
    if (typeof v.reason === 'string') return t(`dashboard.reason.${v.reason}` as MessageKey);
    if (typeof v.status === 'string') return t(`dashboard.count.${v.status}` as MessageKey);
    if (typeof v.score === 'number') return String(v.score);
    if (typeof v.top_share === 'number') return `${Math.round(v.top_share * 100)} %`;
    return '';
  };

  return (
    <section className="kpi-items" aria-labelledby="kpi-items-title" data-testid="kpi-items">
      <header className="kpi-card-head">
        <h2 id="kpi-items-title">{t('dashboard.behind', { title: t(`dashboard.kpi.${kpi}` as MessageKey), point: point.label })}</h2>
        <button type="button" className="button ghost small" onClick={onClose}>
          {t('dashboard.close')}
        </button>
      </header>
      {error && <p className="form-error" role="alert">{error}</p>}
      {!loading && !error && items.length === 0 && <p className="muted">{t('dashboard.emptyItems')}</p>}
      <ul className="kpi-item-list">
        {items.map((i, n) => (
          <li key={`${i.conversationId ?? i.customer.id}-${n}`} data-testid="kpi-item">
            {i.conversationId ? (
              <Link href={`/conversations/${i.conversationId}`} aria-label={`${t('dashboard.openConversation')}: ${i.customer.name ?? ''}`}>
                {i.customer.name ?? t('inbox.unknownCustomer')}
              </Link>
            ) : (
              <Link href={`/customers/${i.customer.id}`}>{i.customer.name ?? t('inbox.unknownCustomer')}</Link>
            )}
            {i.subject && <span className="muted"> · {i.subject}</span>}
            {i.channel && <span className="muted"> · {i.channel}</span>}
            {i.at && <span className="muted"> · {formatDateTime(i.at, lang)}</span>}
            <span className="kpi-item-detail"> {detail(i)}</span>
          </li>
        ))}
      </ul>
      {loading && <p className="muted">{t('dashboard.loading')}</p>}
      {next !== null && !loading && (
        <button type="button" className="button small" onClick={() => load(next)}>
          {t('dashboard.more')}
        </button>
      )}
    </section>
  );
}
