import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { getCustomer } from './customer.service.ts';

export const ACTIVITY_KINDS = ['message', 'note', 'order', 'action', 'merge', 'unmerge', 'consent', 'survey', 'exit', 'call'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export type ActivityItem = { kind: ActivityKind; id: string; at: string; actor: { type: string; id: string | null } | null; data: Record<string, unknown> };
export type ActivityCursor = { at: string; kind: string; id: string };

const TEXT_EXCERPT = 1000;

export const encodeActivityCursor = (c: ActivityCursor) => Buffer.from(`${c.at}|${c.kind}|${c.id}`).toString('base64url');

// Opaque keyset cursor over (at, kind, id); `at` keeps the database's microseconds so no item is
// skipped or repeated between pages.
export const activityCursorSchema = z
  .string()
  .max(300)
  .transform((s, ctx) => {
    const [at, kind, id] = Buffer.from(s, 'base64url').toString('utf8').split('|');
    if (!at || !kind || !id || Number.isNaN(Date.parse(at))) {
      ctx.addIssue({ code: 'custom', message: 'is not a cursor returned by this API' });
      return z.NEVER;
    }
    return { at, kind, id };
  });

type Row = { kind: ActivityKind; id: string; at: Date; at_key: string; actor_type: string | null; actor_id: string | null; data: Record<string, unknown> };

// Everything that happened with one customer, newest first, in one statement: messages (both
// directions, with their channel), notes, orders, actions taken on suggestions and follow-ups
// (the reaction module's customer_timeline, whose merge rows customer_merges tells in full), merges
// and unmerges, consent changes, survey answers (modules/surveys, with the conversation and the
// employees it was about), exits, and calls (who, how it ended, how long, the measured quality).
// Each branch takes at most `limit` rows after the cursor, so a page reads no more than it needs;
// `kinds` keeps only those (the others' branches are false at plan time and read nothing).
export async function customerActivity(
  scope: TenantScope,
  customerId: string,
  limit: number,
  before?: ActivityCursor,
  kinds?: readonly ActivityKind[],
): Promise<{ items: ActivityItem[]; nextCursor: string | null }> {
  await getCustomer(scope, customerId);
  const ws = scope.workspaceId;
  const after = (at: RawBuilder<unknown>, kind: ActivityKind, id: RawBuilder<unknown>) =>
    before ? sql`(${at}, ${sql.lit(kind)}::text, ${id}) < (${before.at}::timestamptz, ${before.kind}::text, ${before.id}::text)` : sql`true`;
  const branch = (kind: ActivityKind, at: string, id: string) => ({ cond: kinds && !kinds.includes(kind) ? sql`false` : after(sql.raw(at), kind, sql.raw(id)), order: sql.raw(`order by ${at} desc, ${id} desc limit ${limit}`) });

  const msg = branch('message', 'm.created_at', 'm.id::text');
  const note = branch('note', 'n.created_at', 'n.id::text');
  const order = branch('order', 'o.at', 'o.id::text');
  const action = branch('action', 't.at', 't.id::text');
  const merge = branch('merge', 'g.merged_at', 'g.id::text');
  const unmerge = branch('unmerge', 'u.unmerged_at', 'u.id::text');
  const consent = branch('consent', 'k.at', 'k.id::text');
  const survey = branch('survey', 'r.answered_at', 'r.id::text');
  const exit = branch('exit', 'x.at', 'x.id::text');
  const callItem = branch('call', 'v.created_at', 'v.id::text');

  const { rows } = await sql<Row>`
    with items as (
      (select 'message'::text as kind, m.id::text as id, m.created_at as at, m.author_type as actor_type, m.author_id as actor_id,
         jsonb_build_object('conversationId', c.id, 'channel', c.channel, 'direction', m.direction, 'text', left(m.text, ${TEXT_EXCERPT})) as data
       from conversations c join messages m on m.workspace_id = c.workspace_id and m.conversation_id = c.id
       where c.workspace_id = ${ws} and c.customer_id = ${customerId} and ${msg.cond} ${msg.order})
      union all
      (select 'note', n.id::text, n.created_at, 'employee', n.author_id,
         jsonb_build_object('conversationId', c.id, 'channel', c.channel, 'text', left(n.text, ${TEXT_EXCERPT}))
       from conversations c join notes n on n.workspace_id = c.workspace_id and n.conversation_id = c.id
       where c.workspace_id = ${ws} and c.customer_id = ${customerId} and ${note.cond} ${note.order})
      union all
      (select 'order', o.id::text, o.at, o.actor_type, o.actor_id,
         jsonb_build_object('externalId', o.external_id, 'kind', o.kind, 'amount', o.amount::float8, 'currency', o.currency, 'description', o.description)
       from customer_orders o
       where o.workspace_id = ${ws} and o.customer_id = ${customerId} and ${order.cond} ${order.order})
      union all
      (select 'action', t.id::text, t.at, t.actor_type, t.actor_id, jsonb_build_object('kind', t.kind, 'data', t.data)
       from customer_timeline t
       where t.workspace_id = ${ws} and t.customer_id = ${customerId} and t.kind not in ('customer.merged', 'customer.unmerged') and ${action.cond} ${action.order})
      union all
      (select 'merge', g.id::text, g.merged_at, g.actor_type, g.actor_id,
         jsonb_build_object('survivorId', g.survivor_id, 'absorbedId', g.absorbed_id, 'kind', g.kind)
       from customer_merges g
       where g.workspace_id = ${ws} and (g.survivor_id = ${customerId} or g.absorbed_id = ${customerId}) and ${merge.cond} ${merge.order})
      union all
      (select 'unmerge', u.id::text, u.unmerged_at, u.unmerged_by_type, u.unmerged_by,
         jsonb_build_object('survivorId', u.survivor_id, 'absorbedId', u.absorbed_id)
       from customer_merges u
       where u.workspace_id = ${ws} and (u.survivor_id = ${customerId} or u.absorbed_id = ${customerId}) and u.unmerged_at is not null and ${unmerge.cond} ${unmerge.order})
      union all
      (select 'consent', k.id::text, k.at, k.actor_type, k.actor_id,
         jsonb_build_object('purpose', k.purpose, 'granted', k.granted, 'source', k.source)
       from customer_consents k
       where k.workspace_id = ${ws} and k.customer_id = ${customerId} and ${consent.cond} ${consent.order})
      union all
      (select 'survey', r.id::text, r.answered_at, 'customer', r.customer_id,
         jsonb_build_object('surveyId', r.survey_id, 'surveyKind', r.kind, 'conversationId', r.conversation_id, 'employeeIds', to_jsonb(r.employee_ids),
           'scores', jsonb_build_object('csat', r.csat, 'nps', r.nps, 'ces', r.ces), 'answers', r.answers, 'low', r.low)
       from survey_responses r
       where r.workspace_id = ${ws} and r.customer_id = ${customerId} and ${survey.cond} ${survey.order})
      union all
      (select 'exit', x.id::text, x.at, x.actor_type, x.actor_id, jsonb_build_object('externalId', x.external_id, 'note', x.note, 'surveyId', x.survey_id)
       from customer_exits x
       where x.workspace_id = ${ws} and x.customer_id = ${customerId} and ${exit.cond} ${exit.order})
      union all
      (select 'call', v.id::text, v.created_at, case when v.direction = 'outbound' then 'employee' else 'customer' end,
         case when v.direction = 'outbound' then v.caller_employee_id else v.customer_id end,
         jsonb_build_object('conversationId', v.conversation_id, 'media', v.media, 'direction', v.direction, 'status', v.status,
           'answeredBy', v.answered_by, 'answeredAt', v.answered_at, 'endedAt', v.ended_at, 'endedBy', v.ended_by, 'endReason', v.end_reason,
           'durationSeconds', case when v.answered_at is not null and v.ended_at is not null then round(extract(epoch from v.ended_at - v.answered_at))::int end,
           'quality', v.quality)
       from calls v
       where v.workspace_id = ${ws} and v.customer_id = ${customerId} and ${callItem.cond} ${callItem.order})
    )
    select kind, id, at, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key, actor_type, actor_id, data
    from items
    order by at desc, kind desc, id desc
    limit ${limit}
  `.execute(scope.db);

  const items = rows.map((r): ActivityItem => ({
    kind: r.kind,
    id: r.id,
    at: new Date(r.at).toISOString(),
    actor: r.actor_type ? { type: r.actor_type, id: r.actor_id } : null,
    data: r.data,
  }));
  const last = rows[rows.length - 1];
  return { items, nextCursor: rows.length === limit && last ? encodeActivityCursor({ at: last.at_key, kind: last.kind, id: last.id }) : null };
}
