// The KPI dashboard's server shapes (GET /api/kpis/:kpi and /api/kpis/:kpi/items).
export const KPI_NAMES = ['csat', 'nps', 'ces', 'first_response', 'resolution', 'negative_reaction', 'suggestions', 'churn', 'mood', 'bond_concentration'] as const;
export type KpiName = (typeof KPI_NAMES)[number];
export type Granularity = 'day' | 'week' | 'month';
export type KpiUnit = 'percent' | 'score' | 'seconds' | 'count';

export type KpiFilters = { from: string; to: string; granularity: Granularity; teamId: string; channel: string; employeeId: string };

export type KpiPoint = { key: string; label: string; from: string | null; to: string | null; value: number | null; counts: Record<string, number | null> };
export type KpiSeries = {
  kpi: KpiName;
  unit: KpiUnit;
  granularity: Granularity | null;
  from: string;
  to: string;
  total: { value: number | null; counts: Record<string, number | null> };
  points: KpiPoint[];
};

export type KpiItem = {
  at: string | null;
  conversationId: string | null;
  customer: { id: string; name: string | null };
  channel: string | null;
  subject: string | null;
  values: Record<string, unknown>;
};
export type KpiItems = { items: KpiItem[]; nextOffset: number | null };
