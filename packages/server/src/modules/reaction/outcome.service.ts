import { sql } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { LocalizedText, Locale, SuggestionStatus } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { pick } from './reason.format.ts';

// How long after a customer's negative message following messages still count for recovery.
export const RECOVERY_WINDOW_DAYS = 7;
const ROW_LIMIT = 5000;

export type OutcomeRow = {
  suggestionId: string;
  playbookId: string | null;
  playbookName: LocalizedText;
  customerId: string;
  conversationId: string;
  status: SuggestionStatus;
  triggeredAt: string;
  // The first thing a person did: a reply in that conversation, or a decision on the suggestion.
  firstAction: { kind: 'reply' | 'decision'; at: string; employeeId: string | null } | null;
  reactSeconds: number | null;
  moodAtTrigger: number | null;
  moodAfter: number | null;
  followingMessages: number;
  recovery: number | null;
  // No surveys exist yet; the field is here so the KPI dashboard need not change when they do.
  nextSurveyScore: number | null;
};

type Group = { count: number; accepted: number; dismissed: number; acceptanceRate: number | null; medianReactSeconds: number | null; averageRecovery: number | null };
export type Outcomes = {
  from: string;
  to: string;
  rows: OutcomeRow[];
  truncated: boolean;
  totals: Group & { open: number; snoozed: number; reacted: number; p90ReactSeconds: number | null };
  byPlaybook: Array<Group & { playbookId: string | null; name: LocalizedText; label: string }>;
  byEmployee: Array<Group & { employeeId: string | null; name: string | null }>;
};

export function quantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const round = (n: number | null, digits = 3) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

function group(rows: OutcomeRow[]): Group {
  const accepted = rows.filter((r) => r.status === 'accepted').length;
  const dismissed = rows.filter((r) => r.status === 'dismissed').length;
  const react = rows.flatMap((r) => (r.reactSeconds === null ? [] : [r.reactSeconds])).sort((a, b) => a - b);
  const recoveries = rows.flatMap((r) => (r.recovery === null ? [] : [r.recovery]));
  return {
    count: rows.length,
    accepted,
    dismissed,
    acceptanceRate: accepted + dismissed ? round(accepted / (accepted + dismissed)) : null,
    medianReactSeconds: round(quantile(react, 0.5), 1),
    averageRecovery: recoveries.length ? round(recoveries.reduce((a, b) => a + b, 0) / recoveries.length) : null,
  };
}

// For every suggestion triggered in [from, to): time to react and mood recovery, with totals and
// breakdowns by playbook and by the employee who acted first. Read by the KPI dashboard.
export async function getOutcomes(scope: TenantScope, range: { from: Date; to: Date }, locale: Locale): Promise<Outcomes> {
  const rows = await scope
    .selectFrom('suggestions')
    .select([
      'suggestions.id',
      'suggestions.playbook_id',
      'suggestions.playbook_name',
      'suggestions.customer_id',
      'suggestions.conversation_id',
      'suggestions.status',
      'suggestions.triggered_at',
      'suggestions.first_action_at',
      'suggestions.first_action_by',
      'suggestions.mood_at_trigger',
    ])
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom('messages')
          .select(['messages.created_at', 'messages.author_id'])
          .whereRef('messages.conversation_id', '=', 'suggestions.conversation_id')
          .where('messages.direction', '=', 'outbound')
          .where('messages.author_type', '=', 'employee')
          .whereRef('messages.created_at', '>', 'suggestions.triggered_at')
          .orderBy('messages.created_at')
          .limit(1),
      ).as('first_reply'),
      eb
        .selectFrom('customer_mood_points')
        .select('customer_mood_points.score')
        .whereRef('customer_mood_points.message_id', '=', 'suggestions.trigger_message_id')
        .limit(1)
        .as('mood_point_at_trigger'),
      jsonObjectFrom(
        eb
          .selectFrom('customer_mood_points')
          .select(['customer_mood_points.score', sql<number>`count(*) over ()`.as('n')])
          .whereRef('customer_mood_points.customer_id', '=', 'suggestions.customer_id')
          .whereRef('customer_mood_points.at', '>', 'suggestions.triggered_at')
          .where(sql<boolean>`customer_mood_points.at <= suggestions.triggered_at + make_interval(days => ${RECOVERY_WINDOW_DAYS})`)
          .orderBy('customer_mood_points.at', 'desc')
          .orderBy('customer_mood_points.id', 'desc')
          .limit(1),
      ).as('mood_after'),
    ])
    .where('suggestions.triggered_at', '>=', range.from)
    .where('suggestions.triggered_at', '<', range.to)
    .orderBy('suggestions.triggered_at', 'desc')
    .limit(ROW_LIMIT + 1)
    .execute();
  const truncated = rows.length > ROW_LIMIT;
  const out: OutcomeRow[] = rows.slice(0, ROW_LIMIT).map((r) => {
    const reply = r.first_reply ? { at: new Date(r.first_reply.created_at as unknown as string), employeeId: r.first_reply.author_id } : null;
    const decision = r.first_action_at ? { at: r.first_action_at, employeeId: r.first_action_by } : null;
    const first = reply && (!decision || reply.at <= decision.at) ? { kind: 'reply' as const, ...reply } : decision ? { kind: 'decision' as const, ...decision } : null;
    const moodAt = r.mood_point_at_trigger ?? r.mood_at_trigger;
    const moodAfter = r.mood_after ? Number(r.mood_after.score) : null;
    return {
      suggestionId: r.id,
      playbookId: r.playbook_id,
      playbookName: r.playbook_name,
      customerId: r.customer_id,
      conversationId: r.conversation_id,
      status: r.status,
      triggeredAt: r.triggered_at.toISOString(),
      firstAction: first ? { kind: first.kind, at: first.at.toISOString(), employeeId: first.employeeId } : null,
      reactSeconds: first ? round((first.at.getTime() - r.triggered_at.getTime()) / 1000, 1) : null,
      moodAtTrigger: moodAt === null ? null : round(moodAt),
      moodAfter: round(moodAfter),
      followingMessages: r.mood_after ? Number(r.mood_after.n) : 0,
      recovery: moodAt !== null && moodAfter !== null ? round(moodAfter - moodAt) : null,
      nextSurveyScore: null,
    };
  });

  const react = out.flatMap((r) => (r.reactSeconds === null ? [] : [r.reactSeconds])).sort((a, b) => a - b);
  const byPlaybook = new Map<string, OutcomeRow[]>();
  const byEmployee = new Map<string, OutcomeRow[]>();
  for (const r of out) {
    const pk = r.playbookId ?? `deleted:${JSON.stringify(r.playbookName)}`;
    byPlaybook.set(pk, [...(byPlaybook.get(pk) ?? []), r]);
    if (r.firstAction) {
      const ek = r.firstAction.employeeId ?? '';
      byEmployee.set(ek, [...(byEmployee.get(ek) ?? []), r]);
    }
  }
  const employeeIds = [...byEmployee.keys()].filter(Boolean);
  const names = new Map(
    (employeeIds.length ? await scope.selectFrom('employees').select(['id', 'name']).where('id', 'in', employeeIds).execute() : []).map((e) => [e.id, e.name]),
  );
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    rows: out,
    truncated,
    totals: {
      ...group(out),
      open: out.filter((r) => r.status === 'open').length,
      snoozed: out.filter((r) => r.status === 'snoozed').length,
      reacted: react.length,
      p90ReactSeconds: round(quantile(react, 0.9), 1),
    },
    byPlaybook: [...byPlaybook.values()]
      .map((list) => ({ playbookId: list[0]!.playbookId, name: list[0]!.playbookName, label: pick(list[0]!.playbookName, locale), ...group(list) }))
      .sort((a, b) => b.count - a.count),
    byEmployee: [...byEmployee.entries()]
      .map(([id, list]) => ({ employeeId: id || null, name: id ? (names.get(id) ?? null) : null, ...group(list) }))
      .sort((a, b) => b.count - a.count),
  };
}
