import { sql } from 'kysely';
import type { SurveyKind } from '../../platform/db/database.types.ts';
import { stringify } from 'csv-stringify/sync';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';

const DAY = 86_400_000;

export type Period = { from?: string; to?: string };

// Whole UTC days, both ends included.
export function periodBounds(p: Period): { since: Date | null; until: Date | null } {
  return { since: p.from ? new Date(`${p.from}T00:00:00Z`) : null, until: p.to ? new Date(new Date(`${p.to}T00:00:00Z`).getTime() + DAY) : null };
}

export const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);
const round2 = (n: number) => Math.round(n * 100) / 100;

export type ScoreCounts = { csatAnswers: number; csatSatisfied: number; npsAnswers: number; promoters: number; passives: number; detractors: number; cesAnswers: number; cesSum: number; answers: number; low: number };

export type ScoreFigures = {
  answers: number;
  low: number;
  // Share of 4 and 5 among CSAT answers, in %.
  csat: { answers: number; satisfied: number; percent: number | null };
  // % promoters (9–10) minus % detractors (0–6), from −100 to 100.
  nps: { answers: number; promoters: number; passives: number; detractors: number; score: number | null };
  ces: { answers: number; average: number | null };
};

export function figuresOf(c: ScoreCounts): ScoreFigures {
  return {
    answers: c.answers,
    low: c.low,
    csat: { answers: c.csatAnswers, satisfied: c.csatSatisfied, percent: share(c.csatSatisfied, c.csatAnswers) },
    nps: {
      answers: c.npsAnswers,
      promoters: c.promoters,
      passives: c.passives,
      detractors: c.detractors,
      // From the counts, not the rounded shares, so 1/3 − 1/3 is exactly 0.
      score: c.npsAnswers ? Math.round(((c.promoters - c.detractors) / c.npsAnswers) * 1000) / 10 : null,
    },
    ces: { answers: c.cesAnswers, average: c.cesAnswers ? round2(c.cesSum / c.cesAnswers) : null },
  };
}

type Row = { month: string; answers: number; low: number; csat_answers: number; csat_satisfied: number; nps_answers: number; promoters: number; passives: number; detractors: number; ces_answers: number; ces_sum: number };

const toCounts = (r: Row): ScoreCounts => ({
  answers: Number(r.answers),
  low: Number(r.low),
  csatAnswers: Number(r.csat_answers),
  csatSatisfied: Number(r.csat_satisfied),
  npsAnswers: Number(r.nps_answers),
  promoters: Number(r.promoters),
  passives: Number(r.passives),
  detractors: Number(r.detractors),
  cesAnswers: Number(r.ces_answers),
  cesSum: Number(r.ces_sum),
});

const add = (a: ScoreCounts, b: ScoreCounts): ScoreCounts => Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof ScoreCounts] + b[k as keyof ScoreCounts]])) as ScoreCounts;
const zero: ScoreCounts = { csatAnswers: 0, csatSatisfied: 0, npsAnswers: 0, promoters: 0, passives: 0, detractors: 0, cesAnswers: 0, cesSum: 0, answers: 0, low: 0 };

// CSAT, NPS and CES of the customer surveys answered in the period, overall and by month (UTC),
// optionally for one employee's conversations or one channel.
export async function surveyResults(scope: TenantScope, f: Period & { employeeId?: string; channel?: string }): Promise<{ total: ScoreFigures; months: Array<{ month: string } & ScoreFigures> }> {
  const { since, until } = periodBounds(f);
  const { rows } = await sql<Row>`
    select to_char(date_trunc('month', r.answered_at at time zone 'UTC'), 'YYYY-MM') as month,
      count(*)::int as answers, count(*) filter (where r.low)::int as low,
      count(r.csat)::int as csat_answers, count(*) filter (where r.csat >= 4)::int as csat_satisfied,
      count(r.nps)::int as nps_answers, count(*) filter (where r.nps >= 9)::int as promoters,
      count(*) filter (where r.nps between 7 and 8)::int as passives, count(*) filter (where r.nps <= 6)::int as detractors,
      count(r.ces)::int as ces_answers, coalesce(sum(r.ces), 0)::int as ces_sum
    from survey_responses r
    left join conversations c on c.workspace_id = r.workspace_id and c.id = r.conversation_id
    where r.workspace_id = ${scope.workspaceId} and r.kind = 'conversation'
      and ${since ? sql`r.answered_at >= ${since}` : sql`true`} and ${until ? sql`r.answered_at < ${until}` : sql`true`}
      and ${f.employeeId ? sql`${f.employeeId}::uuid = any(r.employee_ids)` : sql`true`}
      and ${f.channel ? sql`c.channel = ${f.channel}` : sql`true`}
    group by 1 order by 1`.execute(scope.db);
  const counts = rows.map((r) => ({ month: r.month, counts: toCounts(r) }));
  return { total: figuresOf(counts.reduce((acc, m) => add(acc, m.counts), zero)), months: counts.map((m) => ({ month: m.month, ...figuresOf(m.counts) })) };
}

export type ResponseView = {
  id: string;
  surveyId: string;
  kind: SurveyKind;
  customer: { id: string; name: string | null };
  conversationId: string | null;
  channel: string | null;
  employeeIds: string[];
  scores: { csat: number | null; nps: number | null; ces: number | null };
  answers: Record<string, unknown>;
  low: boolean;
  answeredAt: string;
};

export async function listResponses(
  scope: TenantScope,
  f: Period & { customerId?: string; conversationId?: string; employeeId?: string; kind?: SurveyKind; channel?: string; low?: boolean; reason?: string; limit: number; before?: string },
): Promise<{ items: ResponseView[]; nextBefore: string | null }> {
  let q = scope
    .selectFrom('survey_responses')
    .innerJoin('customers', (j) => j.onRef('customers.id', '=', 'survey_responses.customer_id').onRef('customers.workspace_id', '=', 'survey_responses.workspace_id'))
    .leftJoin('conversations', (j) => j.onRef('conversations.id', '=', 'survey_responses.conversation_id').onRef('conversations.workspace_id', '=', 'survey_responses.workspace_id'))
    .selectAll('survey_responses')
    .select(['customers.name as customer_name', 'conversations.channel'])
    .orderBy('survey_responses.answered_at', 'desc')
    .orderBy('survey_responses.id', 'desc')
    .limit(f.limit);
  if (f.customerId) q = q.where('survey_responses.customer_id', '=', f.customerId);
  if (f.conversationId) q = q.where('survey_responses.conversation_id', '=', f.conversationId);
  if (f.kind) q = q.where('survey_responses.kind', '=', f.kind);
  if (f.employeeId) q = q.where(sql<boolean>`${f.employeeId}::uuid = any(survey_responses.employee_ids)`);
  if (f.before) q = q.where('survey_responses.answered_at', '<', new Date(f.before));
  const { since, until } = periodBounds(f);
  if (since) q = q.where('survey_responses.answered_at', '>=', since);
  if (until) q = q.where('survey_responses.answered_at', '<', until);
  if (f.channel) q = q.where('conversations.channel', '=', f.channel);
  if (f.low !== undefined) q = q.where('survey_responses.low', '=', f.low);
  if (f.reason) q = q.where(sql<boolean>`survey_responses.answers->>'reason' = ${f.reason}`);
  const rows = await q.execute();
  const items = rows.map((r) => ({
    id: r.id,
    surveyId: r.survey_id,
    kind: r.kind,
    customer: { id: r.customer_id, name: r.customer_name },
    conversationId: r.conversation_id,
    channel: r.channel,
    employeeIds: r.employee_ids,
    scores: { csat: r.csat, nps: r.nps, ces: r.ces },
    answers: r.answers,
    low: r.low,
    answeredAt: r.answered_at.toISOString(),
  }));
  return { items, nextBefore: rows.length === f.limit ? items[items.length - 1]!.answeredAt : null };
}

export function resultsCsv(r: { months: Array<{ month: string } & ScoreFigures> }): string {
  return stringify(
    r.months.map((m) => [m.month, m.answers, m.low, m.csat.answers, m.csat.satisfied, m.csat.percent, m.nps.answers, m.nps.promoters, m.nps.passives, m.nps.detractors, m.nps.score, m.ces.answers, m.ces.average]),
    { header: true, columns: ['month', 'answers', 'low', 'csat_answers', 'csat_satisfied', 'csat_percent', 'nps_answers', 'promoters', 'passives', 'detractors', 'nps', 'ces_answers', 'ces_average'] },
  );
}
