import { api, query } from './http-client.ts';
import type { KpiFilters, KpiItems, KpiName, KpiSeries } from './kpi-types.ts';

const params = (kpi: KpiName, f: KpiFilters) => ({
  from: f.from,
  to: f.to,
  // Bonds are a snapshot per employee: no periods, no channel.
  granularity: kpi === 'bond_concentration' ? undefined : f.granularity,
  channel: kpi === 'bond_concentration' ? undefined : f.channel,
  teamId: f.teamId,
  employeeId: f.employeeId,
});

export const kpiApi = {
  series: (kpi: KpiName, f: KpiFilters) => api.get<KpiSeries>(`/api/kpis/${kpi}${query(params(kpi, f))}`),
  items: (kpi: KpiName, f: KpiFilters, point: string, offset = 0) => api.get<KpiItems>(`/api/kpis/${kpi}/items${query({ ...params(kpi, f), point, offset, limit: 20 })}`),
  // A plain link: the browser downloads it with the session cookie.
  csvUrl: (kpi: KpiName, f: KpiFilters) => `/api/kpis/${kpi}${query({ ...params(kpi, f), format: 'csv' })}`,
};
