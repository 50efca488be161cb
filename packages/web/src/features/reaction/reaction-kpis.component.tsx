import { useEffect, useState } from 'react';
import { reactionApi } from '../../api/reaction-api.ts';
import type { Outcomes } from '../../api/reaction-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { OutcomeBars } from './outcome-bars.component.tsx';

// Outcome figures from /api/reaction/outcomes: time to react, acceptance, mood recovery, by playbook.
export function ReactionKpis() {
  const { t, lang } = useI18n();
  const [data, setData] = useState<Outcomes | null>(null);
  useEffect(() => {
    reactionApi.outcomes().then(setData, () => undefined);
  }, []);
  if (!data) return null;
  const pct = (n: number | null) => (n === null ? t('reaction.kpis.none') : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(n));
  const num = (n: number | null) => (n === null ? t('reaction.kpis.none') : new Intl.NumberFormat(lang, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(n));
  const time = (s: number | null) =>
    s === null ? t('reaction.kpis.none') : s < 120 ? t('reaction.kpis.seconds', { value: Math.round(s) }) : t('reaction.kpis.minutes', { value: Math.round(s / 60) });
  const tot = data.totals;
  return (
    <section className="reaction-kpis" data-testid="reaction-kpis" aria-labelledby="kpis-heading">
      <h2 id="kpis-heading">{t('reaction.kpis.title')}</h2>
      <dl className="kpi-tiles">
        <div>
          <dt>{t('reaction.kpis.suggestions')}</dt>
          <dd>{tot.count}</dd>
        </div>
        <div>
          <dt>{t('reaction.kpis.median')}</dt>
          <dd data-kpi="median">{time(tot.medianReactSeconds)}</dd>
        </div>
        <div>
          <dt>{t('reaction.kpis.p90')}</dt>
          <dd>{time(tot.p90ReactSeconds)}</dd>
        </div>
        <div>
          <dt>{t('reaction.kpis.acceptance')}</dt>
          <dd data-kpi="acceptance">{pct(tot.acceptanceRate)}</dd>
        </div>
        <div>
          <dt>{t('reaction.kpis.recovery')}</dt>
          <dd>{num(tot.averageRecovery)}</dd>
        </div>
      </dl>
      {data.byPlaybook.length > 0 && (
        <>
          <h3>{t('reaction.kpis.byPlaybook')}</h3>
          <OutcomeBars bars={data.byPlaybook.map((p) => ({ label: p.label || t('reaction.kpis.deleted'), value: p.count, accepted: p.accepted }))} />
          <table className="kpi-table">
            <thead>
              <tr>
                <th scope="col">{t('reaction.kpis.playbook')}</th>
                <th scope="col">{t('reaction.kpis.suggestions')}</th>
                <th scope="col">{t('reaction.kpis.accepted')}</th>
                <th scope="col">{t('reaction.kpis.dismissed')}</th>
                <th scope="col">{t('reaction.kpis.acceptance')}</th>
                <th scope="col">{t('reaction.kpis.median')}</th>
                <th scope="col">{t('reaction.kpis.recovery')}</th>
              </tr>
            </thead>
            <tbody>
              {data.byPlaybook.map((p, i) => (
                <tr key={p.playbookId ?? i}>
                  <th scope="row">{p.label || t('reaction.kpis.deleted')}</th>
                  <td>{p.count}</td>
                  <td>{p.accepted}</td>
                  <td>{p.dismissed}</td>
                  <td>{pct(p.acceptanceRate)}</td>
                  <td>{time(p.medianReactSeconds)}</td>
                  <td>{num(p.averageRecovery)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
