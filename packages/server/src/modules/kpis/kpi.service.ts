import { stringify } from 'csv-stringify/sync';
import { sql, type RawBuilder } from 'kysely';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { figuresOf, share, type ScoreCounts, type ScoreFigures } from '../surveys/survey-report.service.ts';
import { bondConcentration, bondFacts, keptBy } from './kpi-bonds.service.ts';
import { bucketsOf, rangeOf, type Bucket } from './kpi-period.ts';
import { reporting } from './kpi-reporting.ts';
import { conversationFilter, FACTS, type Filters, type Range, type Unit } from './kpi.facts.ts';
import type { Granularity, KpiItemsQuery, KpiName, KpiQuery } from './kpi.schema.ts';

type Counts = Record<string, number | null>;
export type KpiPoint = { key: string; label: string; from: string | null; to: string | null; value: number | null; counts: Counts };
export type KpiSeries = {
  kpi: KpiName;
  unit: Unit;
  granularity: Granularity | null;
  from: string;
  to: string;
  filters: Filters;
  total: { value: number | null; counts: Counts };
  points: KpiPoint[];
};

const ZERO: ScoreCounts = { csatAnswers: 0, csatSatisfied: 0, npsAnswers: 0, promoters: 0, passives: 0, detractors: 0, cesAnswers: 0, cesSum: 0, answers: 0, low: 0 };
const num = (v: number | null | undefined) => Number(v ?? 0);

// The figure of a point from its counts; the survey scores use the surveys module's own formulas.
function valueOf(kpi: KpiName, c: Counts): number | null {
  switch (kpi) {
    case 'csat':
      return figuresOf({ ...ZERO, csatAnswers: num(c.answers), csatSatisfied: num(c.satisfied) }).csat.percent;
    case 'nps':
      return figuresOf({ ...ZERO, npsAnswers: num(c.answers), promoters: num(c.promoters), passives: num(c.passives), detractors: num(c.detractors) }).nps.score;
    case 'ces':
      return figuresOf({ ...ZERO, cesAnswers: num(c.answers), cesSum: num(c.sum) }).ces.average;
    case 'first_response':
    case 'resolution':
    case 'negative_reaction':
      return c.median_seconds ?? null;
    case 'suggestions':
      return share(num(c.accepted), num(c.accepted) + num(c.dismissed));
    case 'churn':
      return num(c.customers) ? Math.round((num(c.exits) / num(c.customers)) * 10_000) / 100 : null;
    case 'mood':
      return c.average ?? null;
    case 'bond_concentration':
      return c.share ?? null;
  }
}

// A team or employee that is not in the workspace is a client mistake, not an empty chart.
export async function checkFilters(scope: TenantScope, f: Filters): Promise<void> {
  const issues: Array<{ path: string; message: string }> = [];
  if (f.teamId && !(await scope.selectFrom('teams').select('id').where('id', '=', f.teamId).executeTakeFirst())) issues.push({ path: 'querystring.teamId', message: 'no such team in this workspace' });
  if (f.employeeId && !(await scope.selectFrom('employees').select('id').where('id', '=', f.employeeId).executeTakeFirst())) issues.push({ path: 'querystring.employeeId', message: 'no such employee in this workspace' });
  if (issues.length) throw new AppError('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

const filtersOf = (q: Filters): Filters => ({ ...(q.teamId ? { teamId: q.teamId } : {}), ...(q.channel ? { channel: q.channel } : {}), ...(q.employeeId ? { employeeId: q.employeeId } : {}) });

// Rows are grouped by the truncated timestamp; only the few groups are formatted (to_char per row costs).
const truncExpr = (g: Granularity, col: RawBuilder<unknown>) => sql`date_trunc(${sql.lit(g)}, ${col} at time zone 'UTC')`;
const bucketExpr = (g: Granularity, col: RawBuilder<unknown>) => sql<string>`to_char(${truncExpr(g, col)}, 'YYYY-MM-DD')`;

// Counts per period and over the whole range in one statement (grouping sets).
async function aggregate(scope: TenantScope, kpi: Exclude<KpiName, 'bond_concentration'>, f: Filters, range: Range, g: Granularity): Promise<Map<string | null, Counts>> {
  const def = FACTS[kpi];
  const counts = sql.join(Object.entries(def.counts).map(([name, expr]) => sql`${expr} as ${sql.ref(name)}`));
  const { rows } = await reporting(scope, (db) =>
    sql<Record<string, number | string | null>>`
      select ${bucketExpr(g, sql`x.at`)} as bucket, ${counts}
      from (${def.facts(scope.workspaceId, f, range)}) x
      group by grouping sets ((${truncExpr(g, sql`x.at`)}), ())`.execute(db),
  );
  const map = new Map<string | null, Counts>();
  for (const r of rows) {
    const c: Counts = {};
    for (const name of Object.keys(def.counts)) c[name] = r[name] === null ? null : Number(r[name]);
    map.set((r.bucket as string | null) ?? null, c);
  }
  return map;
}

// Customers there were at the start of each period: created before it, minus those who left before it.
// One statement; with a filter, the customers it keeps are found once.
async function customersAtStart(scope: TenantScope, f: Filters, range: Range, buckets: Bucket[], g: Granularity, exitsByBucket: Map<string | null, Counts>): Promise<number[]> {
  const w = scope.workspaceId;
  const filtered = !!(f.teamId || f.channel || f.employeeId);
  const kept = (column: string) => (filtered ? sql`${sql.ref(column)} in (select k.customer_id from kept k)` : sql`true`);
  const { rows } = await reporting(scope, (db) => sql<{ kind: 'customers' | 'exits' | 'created'; bucket: string | null; n: number }>`
    with kept as materialized (${filtered ? sql`select distinct c.customer_id from conversations c where c.workspace_id = ${w} and ${conversationFilter(w, f)}` : sql`select null::uuid as customer_id where false`})
    select 'customers' as kind, null as bucket, count(*)::int as n from customers x where x.workspace_id = ${w} and x.created_at < ${range.since} and ${kept('x.id')}
    union all
    select 'exits', null, count(*)::int from customer_exits x where x.workspace_id = ${w} and x.at < ${range.since} and ${kept('x.customer_id')}
    union all
    select 'created', ${bucketExpr(g, sql`x.created_at`)}, count(*)::int from customers x
    where x.workspace_id = ${w} and x.created_at >= ${range.since} and x.created_at < ${range.until} and ${kept('x.id')}
    group by ${truncExpr(g, sql`x.created_at`)}`.execute(db));
  const createdBy = new Map(rows.filter((r) => r.kind === 'created').map((r) => [r.bucket, Number(r.n)]));
  let base = num(rows.find((r) => r.kind === 'customers')?.n) - num(rows.find((r) => r.kind === 'exits')?.n);
  return buckets.map((b) => {
    const start = base;
    base += (createdBy.get(b.key) ?? 0) - num(exitsByBucket.get(b.key)?.exits);
    return start;
  });
}

export async function kpiSeries(scope: TenantScope, kpi: KpiName, q: Omit<KpiQuery, 'format'>): Promise<KpiSeries> {
  const f = filtersOf(q);
  await checkFilters(scope, f);
  const range = rangeOf(q);
  if (kpi === 'bond_concentration') return bondSeries(scope, f, range);
  const buckets = bucketsOf(range, q.granularity);
  const byBucket = await aggregate(scope, kpi, f, range, q.granularity);
  const empty = Object.fromEntries(Object.keys(FACTS[kpi].counts).map((k) => [k, k.includes('seconds') || k === 'average' ? null : 0]));
  const countsOf = (key: string | null): Counts => ({ ...empty, ...byBucket.get(key) });
  const points: KpiPoint[] = buckets.map((b) => ({ key: b.key, label: b.key, from: b.from.toISOString(), to: b.to.toISOString(), value: null, counts: countsOf(b.key) }));
  const total = { value: null as number | null, counts: countsOf(null) };
  if (kpi === 'churn') {
    const bases = await customersAtStart(scope, f, range, buckets, q.granularity, byBucket);
    points.forEach((p, i) => (p.counts = { customers: bases[i]!, ...p.counts }));
    total.counts = { customers: bases[0] ?? 0, ...total.counts };
  }
  for (const p of points) p.value = valueOf(kpi, p.counts);
  total.value = valueOf(kpi, total.counts);
  return { kpi, unit: FACTS[kpi].unit, granularity: q.granularity, from: range.from, to: range.to, filters: f, total, points };
}

async function bondSeries(scope: TenantScope, f: Filters, range: { from: string; to: string }): Promise<KpiSeries> {
  if (f.channel) throw new AppError('validation_failed', 'querystring.channel: bonds are not per channel', [{ path: 'querystring.channel', message: 'bonds are not per channel' }]);
  const { bonded, rows } = await bondConcentration(scope);
  const points = rows.filter(keptBy(f)).map((r) => {
    const counts = { customers: r.customers, bonded, share: share(r.customers, bonded), average_top_share: Math.round((r.topShareSum / r.customers) * 1000) / 1000 };
    return { key: r.employeeId, label: r.name, from: null, to: null, value: counts.share, counts };
  });
  // How many people the customers depend on: the Herfindahl index of the employees' shares of the
  // bonded customers (1 = one person holds them all), and the average strongest-bond share.
  const hhi = bonded ? rows.reduce((acc, r) => acc + (r.customers / bonded) ** 2, 0) : null;
  const topShare = bonded ? rows.reduce((acc, r) => acc + r.topShareSum, 0) / bonded : null;
  const round3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
  return {
    kpi: 'bond_concentration',
    unit: 'percent',
    granularity: null,
    from: range.from,
    to: range.to,
    filters: f,
    total: { value: round3(hhi), counts: { bonded, employees: rows.length, hhi: round3(hhi), average_top_share: round3(topShare) } },
    points,
  };
}

export type KpiItem = { at: string | null; conversationId: string | null; customer: { id: string; name: string | null }; channel: string | null; subject: string | null; values: Record<string, unknown> };

// What lies behind one point: the answers, conversations, episodes, exits or customers it counts.
export async function kpiItems(scope: TenantScope, kpi: KpiName, q: KpiItemsQuery): Promise<{ items: KpiItem[]; nextOffset: number | null }> {
  const f = filtersOf(q);
  await checkFilters(scope, f);
  const w = scope.workspaceId;
  let facts: RawBuilder<unknown>;
  let measures: string[];
  if (kpi === 'bond_concentration') {
    if (!/^[0-9a-f-]{36}$/i.test(q.point)) throw pointError('must be an employee id');
    facts = bondFacts(w, q.point);
    measures = ['bond_score', 'top_share'];
  } else {
    const bucket = bucketsOf(rangeOf(q), q.granularity).find((b) => b.key === q.point);
    if (!bucket) throw pointError('is not a period of this chart (the key of one of its points)');
    facts = FACTS[kpi].facts(w, f, { since: bucket.from, until: bucket.to });
    measures = FACTS[kpi].measures;
  }
  const order = kpi === 'bond_concentration' ? sql`x.top_share desc, x.customer_id` : sql`x.at desc, x.customer_id`;
  const { rows } = await sql<Record<string, unknown> & { at: Date | null; conversation_id: string | null; customer_id: string; customer_name: string | null; channel: string | null; subject: string | null }>`
    select x.*, cu.name as customer_name, c.channel, c.subject
    from (${facts}) x
    join customers cu on cu.workspace_id = ${w} and cu.id = x.customer_id
    left join conversations c on c.workspace_id = ${w} and c.id = x.conversation_id
    order by ${order} limit ${q.limit + 1} offset ${q.offset}`.execute(scope.db);
  const items = rows.slice(0, q.limit).map((r) => ({
    at: kpi === 'bond_concentration' || !r.at ? null : new Date(r.at).toISOString(),
    conversationId: r.conversation_id,
    customer: { id: r.customer_id, name: r.customer_name },
    channel: r.channel,
    subject: r.subject,
    values: Object.fromEntries(measures.map((m) => [m, r[m] ?? null])),
  }));
  return { items, nextOffset: rows.length > q.limit ? q.offset + q.limit : null };
}

const pointError = (message: string) => new AppError('validation_failed', `querystring.point: ${message}`, [{ path: 'querystring.point', message }]);

// One row per point: its key, label, period, value and every count behind it.
export function kpiCsv(s: KpiSeries): string {
  const names = Object.keys(s.points[0]?.counts ?? s.total.counts);
  return stringify(
    s.points.map((p) => [p.key, p.label, p.from ?? '', p.to ?? '', p.value ?? '', ...names.map((n) => p.counts[n] ?? '')]),
    { header: true, columns: ['point', 'label', 'from', 'to', s.kpi, ...names] },
  );
}

// CSAT, NPS and CES over a period for a team (or employee, channel): what other modules (the team
// score) read instead of recomputing survey figures. Same formulas as the dashboard and /surveys/results.
export async function surveyScores(scope: TenantScope, q: { from?: string; to?: string } & Filters): Promise<Pick<ScoreFigures, 'csat' | 'nps' | 'ces'>> {
  const f = filtersOf(q);
  const range = rangeOf(q);
  const [csat, nps, ces] = await Promise.all((['csat', 'nps', 'ces'] as const).map((k) => aggregate(scope, k, f, range, 'month').then((m) => m.get(null) ?? {})));
  const figures = figuresOf({
    ...ZERO,
    csatAnswers: num(csat!.answers),
    csatSatisfied: num(csat!.satisfied),
    npsAnswers: num(nps!.answers),
    promoters: num(nps!.promoters),
    passives: num(nps!.passives),
    detractors: num(nps!.detractors),
    cesAnswers: num(ces!.answers),
    cesSum: num(ces!.sum),
  });
  return { csat: figures.csat, nps: figures.nps, ces: figures.ces };
}
