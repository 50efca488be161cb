import { sql, type RawBuilder } from 'kysely';
import { EXIT_REASONS } from '../surveys/exit.schema.ts';
import type { KpiName } from './kpi.schema.ts';

// One fact per row (an answer, a conversation, an episode, an exit…): `at` places it in a period;
// `conversation_id` and `customer_id` say what a click on its point lists; the rest are its measures.
// Every statement filters by the workspace itself (raw SQL: the tenant helpers cannot express it).
export type Filters = { teamId?: string; channel?: string; employeeId?: string };
export type Range = { since: Date; until: Date };
export type Unit = 'percent' | 'score' | 'seconds' | 'count';

export type FactsDef = {
  unit: Unit;
  facts: (workspaceId: string, f: Filters, r: Range) => RawBuilder<unknown>;
  // Aggregates over the facts (aliased `x`), one per count reported with each point.
  counts: Record<string, RawBuilder<unknown>>;
  // The measures an item of the click-through list shows.
  measures: string[];
};

// An alerting customer message: the engine raised an alert on it, or an employee corrected it to a
// negative emotion (the correction wins, as in emotion/mood.model.ts). Migration 026 indexes exactly this.
export const ALERTING = sql`(case when m.emotion -> 'corrected' is null then coalesce((m.emotion ->> 'alert')::boolean, false) else (m.emotion -> 'corrected' ->> 'emotion') in ('anger', 'disgust', 'fear', 'sadness') end)`;

// A conversation (alias c) passes the team, channel and employee filters. Team: the conversation's
// team, or its assignee's; employee: its assignee.
export function conversationFilter(w: string, f: Filters, opts: { employee?: boolean } = {}): RawBuilder<unknown> {
  const parts = [sql`true`];
  if (f.channel) parts.push(sql`c.channel = ${f.channel}`);
  if (f.teamId) parts.push(sql`(c.team_id = ${f.teamId}::uuid or c.assignee_id in (select e.id from employees e where e.workspace_id = ${w} and e.team_id = ${f.teamId}::uuid))`);
  if (f.employeeId && opts.employee !== false) parts.push(sql`c.assignee_id = ${f.employeeId}::uuid`);
  return sql.join(parts, sql` and `);
}

const within = (col: RawBuilder<unknown>, r: Range) => sql`${col} >= ${r.since} and ${col} < ${r.until}`;
const median = (col: string) => sql`round((percentile_cont(0.5) within group (order by ${sql.ref(col)}))::numeric, 1)::float8`;
const p90 = (col: string) => sql`round((percentile_cont(0.9) within group (order by ${sql.ref(col)}))::numeric, 1)::float8`;

// Conversation survey answers; employee = one of the answer's employees.
const answers = (score: 'csat' | 'nps' | 'ces') => (w: string, f: Filters, r: Range) => sql`
  select r.answered_at as at, r.conversation_id, r.customer_id, r.id as answer_id, r.csat, r.nps, r.ces
  from survey_responses r
  left join conversations c on c.workspace_id = r.workspace_id and c.id = r.conversation_id
  where r.workspace_id = ${w} and r.kind = 'conversation' and r.${sql.raw(score)} is not null and ${within(sql`r.answered_at`, r)}
    and ${f.employeeId ? sql`${f.employeeId}::uuid = any(r.employee_ids)` : sql`true`}
    and ${f.channel || f.teamId ? sql`c.id is not null and ${conversationFilter(w, f, { employee: false })}` : sql`true`}`;

const n = (expr: RawBuilder<unknown>) => sql`(${expr})::int`;

const reasonCounts = Object.fromEntries(EXIT_REASONS.map((reason) => [`reason_${reason}`, n(sql`count(*) filter (where x.reason = ${reason})`)]));

export const FACTS: Record<Exclude<KpiName, 'bond_concentration'>, FactsDef> = {
  // % of CSAT answers that are 4 or 5.
  csat: {
    unit: 'percent',
    facts: answers('csat'),
    counts: { answers: n(sql`count(*)`), satisfied: n(sql`count(*) filter (where x.csat >= 4)`) },
    measures: ['answer_id', 'csat'],
  },
  // % promoters (9–10) − % detractors (0–6).
  nps: {
    unit: 'score',
    facts: answers('nps'),
    counts: {
      answers: n(sql`count(*)`),
      promoters: n(sql`count(*) filter (where x.nps >= 9)`),
      passives: n(sql`count(*) filter (where x.nps between 7 and 8)`),
      detractors: n(sql`count(*) filter (where x.nps <= 6)`),
    },
    measures: ['answer_id', 'nps'],
  },
  // Average effort, 1–7, lower is easier.
  ces: {
    unit: 'score',
    facts: answers('ces'),
    counts: { answers: n(sql`count(*)`), sum: n(sql`coalesce(sum(x.ces), 0)`) },
    measures: ['answer_id', 'ces'],
  },
  // Conversations opened in the period: from the first customer message to the first employee
  // message after it (both kept on the conversation by migration 026). Unanswered ones count in
  // `conversations`, not in the times.
  first_response: {
    unit: 'seconds',
    facts: (w, f, r) => sql`
      select c.created_at as at, c.id as conversation_id, c.customer_id, extract(epoch from c.first_response_at - c.first_customer_message_at)::float8 as seconds
      from conversations c
      where c.workspace_id = ${w} and c.first_customer_message_at is not null and ${within(sql`c.created_at`, r)} and ${conversationFilter(w, f)}`,
    counts: { conversations: n(sql`count(*)`), answered: n(sql`count(x.seconds)`), median_seconds: median('x.seconds'), p90_seconds: p90('x.seconds') },
    measures: ['seconds'],
  },
  // Conversations resolved in the period (and not reopened since): from opening to resolution.
  resolution: {
    unit: 'seconds',
    facts: (w, f, r) => sql`
      select c.resolved_at as at, c.id as conversation_id, c.customer_id, extract(epoch from c.resolved_at - c.created_at)::float8 as seconds
      from conversations c
      where c.workspace_id = ${w} and c.resolved_at is not null and ${within(sql`c.resolved_at`, r)} and ${conversationFilter(w, f)}`,
    counts: { resolved: n(sql`count(*)`), median_seconds: median('x.seconds'), p90_seconds: p90('x.seconds') },
    measures: ['seconds'],
  },
  // Negative-emotion episodes (docs/kpis.md): from the alerting customer message that opens one to
  // the first employee message in the conversation (its replied_at) or accepted suggestion on it, whichever is first.
  // A later alert before that reaction belongs to the same episode. Alerts up to 7 days before the
  // period are read only to know whether an alert in the period opens an episode.
  negative_reaction: {
    unit: 'seconds',
    facts: (w, f, r) => {
      const lookback = new Date(r.since.getTime() - 7 * 86_400_000);
      return sql`
      select e.at, e.conversation_id, e.customer_id, e.message_id, extract(epoch from e.reacted_at - e.at)::float8 as seconds
      from (
        select a.*, lag(a.at) over w as prev_at, lag(a.reacted_at) over w as prev_reacted_at
        from (
          select m.id as message_id, m.conversation_id, m.created_at as at, c.customer_id, least(m.replied_at, min(s.decided_at)) as reacted_at
          from messages m
          join conversations c on c.workspace_id = m.workspace_id and c.id = m.conversation_id
          left join suggestions s on s.workspace_id = ${w} and s.conversation_id = m.conversation_id and s.status = 'accepted' and s.decided_at > m.created_at and s.decided_at >= ${lookback}
          where m.workspace_id = ${w} and m.author_type = 'customer' and ${ALERTING}
            and m.created_at >= ${lookback} and m.created_at < ${r.until} and ${conversationFilter(w, f)}
          group by m.id, m.conversation_id, m.created_at, m.replied_at, c.customer_id
        ) a
        window w as (partition by a.conversation_id order by a.at, a.message_id)
      ) e
      where e.at >= ${r.since} and (e.prev_at is null or e.prev_reacted_at <= e.at)`;
    },
    counts: { episodes: n(sql`count(*)`), reacted: n(sql`count(x.seconds)`), median_seconds: median('x.seconds'), p90_seconds: p90('x.seconds') },
    measures: ['message_id', 'seconds'],
  },
  // Suggestions decided in the period; employee = who decided. Value: % accepted of decided.
  suggestions: {
    unit: 'percent',
    facts: (w, f, r) => sql`
      select s.decided_at as at, s.conversation_id, s.customer_id, s.id as suggestion_id, s.status
      from suggestions s
      join conversations c on c.workspace_id = s.workspace_id and c.id = s.conversation_id
      where s.workspace_id = ${w} and s.status in ('accepted', 'dismissed') and s.decided_at is not null and ${within(sql`s.decided_at`, r)}
        and ${f.employeeId ? sql`s.decided_by = ${f.employeeId}::uuid` : sql`true`} and ${conversationFilter(w, f, { employee: false })}`,
    counts: { accepted: n(sql`count(*) filter (where x.status = 'accepted')`), dismissed: n(sql`count(*) filter (where x.status = 'dismissed')`) },
    measures: ['suggestion_id', 'status'],
  },
  // Customers who left in the period, with the reason they gave (exit survey). The rate divides by
  // the customers there were at the start of each period (kpi.service.ts).
  churn: {
    unit: 'percent',
    facts: (w, f, r) => sql`
      select x.at, (select c2.id from conversations c2 where c2.workspace_id = x.workspace_id and c2.customer_id = x.customer_id order by c2.updated_at desc limit 1) as conversation_id,
        x.customer_id, x.id as exit_id, a.answers ->> 'reason' as reason
      from customer_exits x
      left join survey_responses a on a.workspace_id = x.workspace_id and a.survey_id = x.survey_id
      where x.workspace_id = ${w} and ${within(sql`x.at`, r)} and ${customerFilter(w, f, 'x.customer_id')}`,
    counts: { exits: n(sql`count(*)`), answered: n(sql`count(x.reason)`), ...reasonCounts },
    measures: ['exit_id', 'reason'],
  },
  // The customer's mood after each message they wrote (customer_mood_points, -1…1); the point's
  // conversation is kept on it (migration 027).
  mood: {
    unit: 'score',
    facts: (w, f, r) =>
      f.teamId || f.channel || f.employeeId
        ? sql`
      select p.at, p.conversation_id, p.customer_id, p.message_id, p.score, p.emotion
      from customer_mood_points p
      join conversations c on c.workspace_id = p.workspace_id and c.id = p.conversation_id
      where p.workspace_id = ${w} and ${within(sql`p.at`, r)} and ${conversationFilter(w, f)}`
        : sql`
      select p.at, p.conversation_id, p.customer_id, p.message_id, p.score, p.emotion
      from customer_mood_points p
      where p.workspace_id = ${w} and ${within(sql`p.at`, r)}`,
    counts: {
      points: n(sql`count(*)`),
      average: sql`round(avg(x.score)::numeric, 3)::float8`,
      negative: n(sql`count(*) filter (where x.score <= -0.2)`),
      positive: n(sql`count(*) filter (where x.score >= 0.2)`),
    },
    measures: ['message_id', 'score', 'emotion'],
  },
};

// Churn is about customers: they pass the filters when they had a conversation that does.
export function customerFilter(w: string, f: Filters, column: string): RawBuilder<unknown> {
  if (!f.teamId && !f.channel && !f.employeeId) return sql`true`;
  return sql`${sql.ref(column)} in (select c.customer_id from conversations c where c.workspace_id = ${w} and ${conversationFilter(w, f)})`;
}
