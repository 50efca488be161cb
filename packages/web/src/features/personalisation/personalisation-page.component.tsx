import { useEffect, useState } from 'react';
import type { PersonalisationCounts, PersonalisationStats } from '../../api/api.types.ts';
import { api } from '../../api/http-client.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { ratePercent, rateLevel } from './personalisation-rate.ts';

function RateCell({ rate }: { rate: number | null }) {
  const { t, lang } = useI18n();
  const percent = ratePercent(rate);
  if (percent === null) return <span className="muted">{t('stats.noRate')}</span>;
  return (
    <span className="rate">
      <span className="rate-value">{new Intl.NumberFormat(lang, { style: 'percent' }).format(percent / 100)}</span>
      <span className="rate-bar" aria-hidden="true">
        <span className={`rate-fill ${rateLevel(percent)}`} style={{ width: `${percent}%` }} />
      </span>
    </span>
  );
}

function Counts({ c }: { c: PersonalisationCounts }) {
  return (
    <>
      <td>{c.replies}</td>
      <td>{c.canned}</td>
      <td>{c.snippetUses}</td>
      <td>{c.unchangedSnippetUses}</td>
      <td>
        <RateCell rate={c.personalisationRate} />
      </td>
    </>
  );
}

// How personal each employee's replies were over the last 30 days (agents see their own row only).
export function PersonalisationPage() {
  const { t, lang } = useI18n();
  const [stats, setStats] = useState<PersonalisationStats | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    api.get<PersonalisationStats>('/api/replies/stats').then(
      (s) => live && setStats(s),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <main id="main" className="admin" tabIndex={-1}>
      <section aria-labelledby="stats-heading" data-testid="personalisation-stats">
        <h1 id="stats-heading">{t('stats.title')}</h1>
        <p className="muted">{t('stats.intro')}</p>
        {error !== null && (
          <p className="form-error" role="alert">
            {errorText(error, t)}
          </p>
        )}
        {!stats && error === null && <p className="muted">{t('app.loading')}</p>}
        {stats && (
          <div className="card table-wrap">
            <table className="table stats-table">
              <caption className="stats-caption">{t('stats.period', { from: formatDate(stats.from, lang), to: formatDate(stats.to, lang) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stats.employee')}</th>
                  <th scope="col">{t('stats.replies')}</th>
                  <th scope="col">{t('stats.canned')}</th>
                  <th scope="col">{t('stats.snippetUses')}</th>
                  <th scope="col">{t('stats.unchanged')}</th>
                  <th scope="col">{t('stats.rate')}</th>
                </tr>
              </thead>
              <tbody>
                {stats.employees.length === 0 && (
                  <tr>
                    <td colSpan={6} className="muted">
                      {t('stats.empty')}
                    </td>
                  </tr>
                )}
                {stats.employees.map((e) => (
                  <tr key={e.employeeId} data-testid="personalisation-row" data-employee-id={e.employeeId} data-rate={e.personalisationRate ?? ''}>
                    <th scope="row">{e.name ?? t('stats.unknown')}</th>
                    <Counts c={e} />
                  </tr>
                ))}
              </tbody>
              {stats.employees.length > 1 && (
                <tfoot>
                  <tr>
                    <th scope="row">{t('stats.total')}</th>
                    <Counts c={stats.totals} />
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
