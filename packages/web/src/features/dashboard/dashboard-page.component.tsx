import { useMemo, useState } from 'react';
import { KPI_NAMES, type Granularity, type KpiFilters, type KpiName, type KpiPoint } from '../../api/kpi-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useDirectory } from '../shell/directory.context.tsx';
import { KpiChart } from './kpi-chart.component.tsx';
import { PointItems } from './point-items.component.tsx';
import './dashboard.css';

const CHANNELS = ['web', 'email', 'whatsapp', 'telegram', 'messenger', 'instagram', 'sms'] as const;
const GRANULARITIES: Granularity[] = ['day', 'week', 'month'];
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

// Starts from the URL (?from=…&to=…), so a dashboard can be linked; else the last 30 days by week.
function initialFilters(): KpiFilters {
  const q = new URLSearchParams(window.location.search);
  const today = new Date();
  const g = q.get('granularity');
  return {
    from: q.get('from') ?? isoDay(new Date(today.getTime() - 29 * 86_400_000)),
    to: q.get('to') ?? isoDay(today),
    granularity: g === 'day' || g === 'month' ? g : 'week',
    teamId: q.get('teamId') ?? '',
    channel: q.get('channel') ?? '',
    employeeId: q.get('employeeId') ?? '',
  };
}

// The KPI dashboard for admins and managers: every chart under one set of filters.
export function DashboardPage() {
  const { t } = useI18n();
  const { teams, employees } = useDirectory();
  const [filters, setFilters] = useState<KpiFilters>(initialFilters);
  const [selected, setSelected] = useState<{ kpi: KpiName; point: KpiPoint } | null>(null);
  const set = (patch: Partial<KpiFilters>) => {
    setSelected(null);
    setFilters((f) => ({ ...f, ...patch }));
  };
  const team = filters.teamId;
  const people = useMemo(() => employees.filter((e) => !team || e.teamId === team), [employees, team]);

  return (
    <main id="main" className="dashboard-page" tabIndex={-1} data-testid="dashboard-page">
      <h1>{t('dashboard.title')}</h1>
      <form className="dashboard-filters" aria-label={t('dashboard.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('dashboard.from')}
          <input type="date" value={filters.from} max={filters.to} required onChange={(e) => e.target.value && set({ from: e.target.value })} data-testid="filter-from" />
        </label>
        <label>
          {t('dashboard.to')}
          <input type="date" value={filters.to} min={filters.from} required onChange={(e) => e.target.value && set({ to: e.target.value })} data-testid="filter-to" />
        </label>
        <label>
          {t('dashboard.granularity')}
          <select value={filters.granularity} onChange={(e) => set({ granularity: e.target.value as Granularity })} data-testid="filter-granularity">
            {GRANULARITIES.map((g) => (
              <option key={g} value={g}>
                {t(`dashboard.granularity.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashboard.team')}
          <select value={filters.teamId} onChange={(e) => set({ teamId: e.target.value, employeeId: '' })} data-testid="filter-team">
            <option value="">{t('dashboard.any')}</option>
            {teams.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashboard.channel')}
          <select value={filters.channel} onChange={(e) => set({ channel: e.target.value })} data-testid="filter-channel">
            <option value="">{t('dashboard.any')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashboard.employee')}
          <select value={filters.employeeId} onChange={(e) => set({ employeeId: e.target.value })} data-testid="filter-employee">
            <option value="">{t('dashboard.any')}</option>
            {people.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      {selected && <PointItems kpi={selected.kpi} point={selected.point} filters={filters} onClose={() => setSelected(null)} />}
      <div className="kpi-grid">
        {KPI_NAMES.map((kpi) => (
          <KpiChart key={kpi} kpi={kpi} filters={filters} onSelect={(k, point) => setSelected({ kpi: k, point })} />
        ))}
      </div>
    </main>
  );
}
