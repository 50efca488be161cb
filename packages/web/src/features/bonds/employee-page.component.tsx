import { useEffect, useState } from 'react';
import { customerDataApi } from '../../api/customer-data-api.ts';
import type { AtRiskCustomer, DepartureRisk } from '../../api/customer-data-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useMe } from '../auth/session.context.tsx';
import { useDirectory } from '../shell/directory.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { Link } from '../shell/link.component.tsx';
import { feelingOf, scoreText } from './bond-display.ts';
import { HandoverPlan } from './handover-plan.component.tsx';
import './bonds.css';

const TRENDS = ['improving', 'stable', 'worsening'] as const;

// An employee's customers (those whose strongest bond is them) and what their leaving would put at risk.
export function EmployeePage({ employeeId }: { employeeId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const { employeeName } = useDirectory();
  const allowed = me.role === 'admin' || me.role === 'manager';
  const [risk, setRisk] = useState<DepartureRisk | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!allowed) return;
    let live = true;
    customerDataApi.departureRisk(employeeId).then(
      (r) => live && setRisk(r),
      (err: unknown) => live && setError(errorText(err, t)),
    );
    return () => {
      live = false;
    };
  }, [allowed, employeeId, t]);

  const name = risk?.employee.name ?? employeeName(employeeId) ?? t('employee.title');
  return (
    <main id="main" className="employee-page" tabIndex={-1} data-testid="employee-page" data-employee-id={employeeId}>
      {me.role === 'admin' && (
        <p className="small">
          <Link href="/admin/employees">{t('employee.back')}</Link>
        </p>
      )}
      <h1 data-testid="employee-name">
        {name} {risk && !risk.employee.active && <span className="muted small">({t('employee.inactive')})</span>}
      </h1>
      {!allowed ? (
        <p className="form-error" role="alert" data-testid="employee-forbidden">
          {t('employee.forbidden')}
        </p>
      ) : error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : !risk ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <RiskSection risk={risk} />
          <HandoverPlan customers={risk.customers} />
        </>
      )}
    </main>
  );
}

function RiskSection({ risk }: { risk: DepartureRisk }) {
  const { t, lang } = useI18n();
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  return (
    <section aria-labelledby="risk-heading" data-testid="departure-risk">
      <h2 id="risk-heading">{t('risk.title')}</h2>
      <p className="muted">{t('risk.intro', { name: risk.employee.name })}</p>
      <p className="risk-total" data-testid="risk-total">
        {t('risk.total', { value: number.format(risk.totalValueAtRisk) })}
      </p>
      {risk.customers.length === 0 ? (
        <p className="muted" data-testid="risk-empty">
          {t('risk.none')}
        </p>
      ) : (
        <div className="card table-wrap">
          <table className="table" data-testid="risk-table">
            <thead>
              <tr>
                <th scope="col">{t('risk.customer')}</th>
                <th scope="col">{t('risk.bond')}</th>
                <th scope="col">{t('risk.value')}</th>
                <th scope="col">{t('risk.mood')}</th>
              </tr>
            </thead>
            <tbody>
              {risk.customers.map((c) => (
                <tr key={c.customerId} data-testid="risk-row" data-customer-id={c.customerId}>
                  <th scope="row">
                    <Link href={`/customers/${encodeURIComponent(c.customerId)}`}>{c.name ?? t('inbox.unknownCustomer')}</Link>
                  </th>
                  <td>{scoreText(c.bondScore, lang)}</td>
                  <td>{c.value === null ? <span className="muted">{t('risk.noValue')}</span> : number.format(c.value)}</td>
                  <td>
                    <MoodText mood={c.mood} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MoodText({ mood }: { mood: AtRiskCustomer['mood'] }) {
  const { t } = useI18n();
  if (!mood) return <span className="muted">{t('risk.noMood')}</span>;
  const trend = TRENDS.find((x) => x === mood.trend);
  return (
    <span>
      {t(`mood.label.${feelingOf(mood.score, 1)}`)}
      {trend && `, ${t(`mood.trend.${trend}`)}`}
      {mood.alert && <strong className="mood-alert"> · {t('risk.moodAlert')}</strong>}
    </span>
  );
}
