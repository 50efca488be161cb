import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { getCustomer } from '../customers/customer.service.ts';
import { EXIT_REASONS, type ExitReason } from './exit.schema.ts';
import { periodBounds, share, type Period } from './survey-report.service.ts';
import { refusedSurveys, surveyLocale, surveyUrl } from './survey-schedule.service.ts';
import { getSurveySettings } from './survey-settings.service.ts';

const DAY = 86_400_000;

export type ExitView = {
  id: string;
  customerId: string;
  at: string;
  externalId: string | null;
  note: string | null;
  // The exit survey: its link (to send through your own systems too) or why none was made.
  survey: { id: string; url: string; expiresAt: string } | { id: null; skipped: 'no_consent' | 'not_requested' | 'earlier_exit' };
};

export type ExitInput = { at?: string; externalId?: string; note?: string; survey: boolean };

// Records that the customer left and schedules the exit survey at once. It is written into the
// customer's latest conversation when they have one (the job sends it); the link is also returned.
export async function recordExit(ctx: AppContext, scope: TenantScope, actor: AuditActor, customerId: string, input: ExitInput): Promise<{ exit: ExitView; created: boolean }> {
  return scope.transaction(async (trx) => {
    await getCustomer(trx, customerId);
    if (input.externalId) {
      const existing = await trx.selectFrom('customer_exits').selectAll().where('external_id', '=', input.externalId).executeTakeFirst();
      if (existing) return { exit: await viewOf(ctx, trx, existing, 'earlier_exit'), created: false };
    }
    const at = input.at ? new Date(input.at) : new Date();
    let surveyId: string | null = null;
    const skipped = !input.survey ? 'not_requested' : (await refusedSurveys(trx, customerId)) ? 'no_consent' : null;
    if (!skipped) {
      const settings = await getSurveySettings(trx);
      const latest = await trx.selectFrom('conversations').select('id').where('customer_id', '=', customerId).orderBy('updated_at', 'desc').limit(1).executeTakeFirst();
      const now = new Date();
      const survey = await trx
        .insertInto('surveys', {
          kind: 'exit',
          customer_id: customerId,
          conversation_id: latest?.id ?? null,
          locale: await surveyLocale(trx, customerId),
          questions: '[]',
          due_at: now,
          expires_at: new Date(now.getTime() + settings.linkValidDays * DAY),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      surveyId = survey.id;
    }
    const row = await trx
      .insertInto('customer_exits', { customer_id: customerId, external_id: input.externalId ?? null, at, note: input.note ?? null, survey_id: surveyId, actor_type: actor.type, actor_id: actor.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'customer.exited', targetType: 'customer', targetId: customerId, details: { exitId: row.id, surveyId } });
    return { exit: await viewOf(ctx, trx, row, skipped ?? 'not_requested'), created: true };
  });
}

async function viewOf(
  ctx: AppContext,
  scope: TenantScope,
  row: { id: string; customer_id: string; at: Date; external_id: string | null; note: string | null; survey_id: string | null },
  skipped: 'no_consent' | 'not_requested' | 'earlier_exit',
): Promise<ExitView> {
  const survey = row.survey_id ? await scope.selectFrom('surveys').select(['id', 'expires_at']).where('id', '=', row.survey_id).executeTakeFirst() : undefined;
  return {
    id: row.id,
    customerId: row.customer_id,
    at: row.at.toISOString(),
    externalId: row.external_id,
    note: row.note,
    survey: survey
      ? { id: survey.id, url: surveyUrl(ctx, { surveyId: survey.id, expiresAt: survey.expires_at }), expiresAt: survey.expires_at.toISOString() }
      : { id: null, skipped },
  };
}

export type ReasonShare = { reason: ExitReason; count: number; share: number | null };
export type ExitPeriod = { exits: number; answers: number; reasons: ReasonShare[] };

const sharesOf = (counts: Map<string, number>, answers: number): ReasonShare[] =>
  EXIT_REASONS.map((reason) => ({ reason, count: counts.get(reason) ?? 0, share: share(counts.get(reason) ?? 0, answers) }));

// Why customers left, by month (UTC) of the answer, and how many left each month. Shares are of the
// answers (customers who said why), in %.
export async function exitReport(scope: TenantScope, p: Period): Promise<{ total: ExitPeriod; months: Array<{ month: string } & ExitPeriod> }> {
  const { since, until } = periodBounds(p);
  const within = (column: string) => sql`${since ? sql`${sql.ref(column)} >= ${since}` : sql`true`} and ${until ? sql`${sql.ref(column)} < ${until}` : sql`true`}`;
  const month = (column: string) => sql<string>`to_char(date_trunc('month', ${sql.ref(column)} at time zone 'UTC'), 'YYYY-MM')`;
  const [answers, exits] = await Promise.all([
    sql<{ month: string; reason: string; n: number }>`
      select ${month('answered_at')} as month, answers->>'reason' as reason, count(*)::int as n
      from survey_responses
      where workspace_id = ${scope.workspaceId} and kind = 'exit' and ${within('answered_at')}
      group by 1, 2`.execute(scope.db),
    sql<{ month: string; n: number }>`
      select ${month('at')} as month, count(*)::int as n
      from customer_exits
      where workspace_id = ${scope.workspaceId} and ${within('at')}
      group by 1`.execute(scope.db),
  ]);
  const months = new Map<string, { exits: number; counts: Map<string, number> }>();
  const monthOf = (m: string) => months.get(m) ?? months.set(m, { exits: 0, counts: new Map() }).get(m)!;
  for (const r of exits.rows) monthOf(r.month).exits = Number(r.n);
  for (const r of answers.rows) monthOf(r.month).counts.set(r.reason, Number(r.n));
  const totalCounts = new Map<string, number>();
  let totalExits = 0;
  const list = [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([m, v]) => {
      totalExits += v.exits;
      for (const [reason, n] of v.counts) totalCounts.set(reason, (totalCounts.get(reason) ?? 0) + n);
      const answered = [...v.counts.values()].reduce((a, b) => a + b, 0);
      return { month: m, exits: v.exits, answers: answered, reasons: sharesOf(v.counts, answered) };
    });
  const answered = [...totalCounts.values()].reduce((a, b) => a + b, 0);
  return { total: { exits: totalExits, answers: answered, reasons: sharesOf(totalCounts, answered) }, months: list };
}

export function exitReportCsv(r: { months: Array<{ month: string } & ExitPeriod> }): string {
  return stringify(
    r.months.flatMap((m) => m.reasons.map((x) => [m.month, m.exits, m.answers, x.reason, x.count, x.share])),
    { header: true, columns: ['month', 'exits', 'answers', 'reason', 'count', 'share'] },
  );
}
