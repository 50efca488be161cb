import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { kpiApi } from '../../api/kpi-api.ts';
import type { KpiFilters, KpiName, KpiPoint, KpiSeries } from '../../api/kpi-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/i18n.types.ts';
import { errorText } from '../shell/error-text.ts';
import { formatDuration, formatKpi } from './kpi-format.ts';

// The counts worth a word under a chart's figure (medians and averages are the figure itself).
const SHOWN_COUNTS = ['answers', 'satisfied', 'promoters', 'detractors', 'conversations', 'answered', 'resolved', 'episodes', 'reacted', 'accepted', 'dismissed', 'customers', 'exits', 'points', 'negative', 'bonded', 'employees'] as const;
// Fixed scales where the KPI has one, so a bar's height reads the same from chart to chart; 0 always shows.
const DOMAINS: Partial<Record<KpiName, [number, number]>> = { mood: [-1, 1], nps: [-100, 100], ces: [0, 7], csat: [0, 100], suggestions: [0, 100] };
const REASONS = ['moved_away', 'price', 'product_or_service', 'staff_treatment', 'competitor', 'followed_employee', 'other'] as const;

type Props = { kpi: KpiName; filters: KpiFilters; onSelect: (kpi: KpiName, point: KpiPoint) => void };

// One KPI: its figure over the period, a bar per point (click → what is behind it), the data as a table and CSV.
export function KpiChart({ kpi, filters, onSelect }: Props) {
  const { t, lang } = useI18n();
  const [series, setSeries] = useState<KpiSeries | null>(null);
  const [error, setError] = useState<string | null>(null);
  const title = t(`dashboard.kpi.${kpi}` as MessageKey);

  useEffect(() => {
    let live = true;
    setError(null);
    kpiApi.series(kpi, filters).then(
      (s) => live && setSeries(s),
      (e: unknown) => live && setError(errorText(e, t)),
    );
    return () => {
      live = false;
    };
  }, [kpi, filters, t]);

  const fmt = (v: number | null) => (series ? formatKpi(v, series.unit, lang, t, { kpi }) : '');
  const counts = series ? SHOWN_COUNTS.filter((c) => series.total.counts[c] !== undefined) : [];
  const data = series?.points.map((p) => ({ label: p.label, value: p.value })) ?? [];

  return (
    <section className="kpi-card" data-testid={`kpi-${kpi}`} aria-labelledby={`kpi-${kpi}-title`}>
      <header className="kpi-card-head">
        <h2 id={`kpi-${kpi}-title`}>{title}</h2>
        <a className="button ghost small" href={kpiApi.csvUrl(kpi, filters)} download aria-label={t('dashboard.csvLabel', { title })} data-testid="kpi-csv">
          {t('dashboard.csv')}
        </a>
      </header>
      <p className="muted kpi-help">{t(`dashboard.kpi.${kpi}.help` as MessageKey)}</p>
      {error && <p className="form-error" role="alert">{error}</p>}
      {!series && !error && <p className="muted">{t('dashboard.loading')}</p>}
      {series && (
        <>
          <p className="kpi-total">
            <strong data-testid="kpi-total">{fmt(series.total.value)}</strong>
            <span className="muted">
              {' '}
              {counts.map((c) => `${series.total.counts[c]} ${t(`dashboard.count.${c}` as MessageKey)}`).join(' · ')}
            </span>
          </p>
          {kpi === 'churn' && (series.total.counts.answered ?? 0) > 0 && (
            <p className="muted kpi-reasons" data-testid="kpi-reasons">
              {t('dashboard.reasons')}:{' '}
              {REASONS.filter((r) => (series.total.counts[`reason_${r}`] ?? 0) > 0)
                .map((r) => `${t(`dashboard.reason.${r}` as MessageKey)} ${series.total.counts[`reason_${r}`]}`)
                .join(' · ')}
            </p>
          )}
          {kpi === 'bond_concentration' && <p className="muted">{t('dashboard.bondsNote')}</p>}
          {series.points.every((p) => p.value === null) ? (
            <p className="muted">{t('dashboard.noData')}</p>
          ) : (
            <div className="kpi-plot" title={t('dashboard.clickHint')}>
              <ResponsiveContainer width="100%" height={180}>
                <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 11 }} />
                  <YAxis tick={{ fontSize: 11 }} width={56} domain={DOMAINS[kpi] ?? [0, 'auto']} tickFormatter={(v: number) => (series.unit === 'seconds' ? formatDuration(v, t, lang, 0) : String(v))} />
                  <Tooltip formatter={(v) => fmt(typeof v === 'number' ? v : null)} />
                  <Bar dataKey="value" name={title} fill="var(--primary)" cursor="pointer" isAnimationActive={false} minPointSize={3} onClick={(_d, index) => onSelect(kpi, series.points[index]!)} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
          <details className="kpi-table">
            <summary>{t('dashboard.table')}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.point')}</th>
                  <th scope="col">{t('dashboard.value')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('dashboard.show')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {series.points.map((p) => (
                  <tr key={p.key}>
                    <th scope="row">{p.label}</th>
                    <td>{fmt(p.value)}</td>
                    <td>
                      <button type="button" className="button ghost small" onClick={() => onSelect(kpi, p)} data-testid="kpi-point-show">
                        {t('dashboard.show')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
