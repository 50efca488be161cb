import { sql } from 'kysely';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import type { AuditActor } from '../audit/audit.service.ts';
import { getCustomer } from '../customers/customer.service.ts';

export type TimelineItem = {
  id: string;
  kind: string;
  at: string;
  actor: { type: string; id: string | null; name: string | null } | null;
  data: Record<string, unknown>;
};

export type NewTimelineEntry = { customerId: string; kind: string; data: Record<string, unknown> };

// Append-only: the record of what people did for a customer. Written in the caller's transaction.
export async function appendTimeline(scope: TenantScope, actor: AuditActor, entries: NewTimelineEntry[]): Promise<TimelineItem[]> {
  if (!entries.length) return [];
  const rows = await scope
    .insertInto(
      'customer_timeline',
      entries.map((e) => ({ customer_id: e.customerId, kind: e.kind, data: JSON.stringify(e.data), actor_type: actor.type, actor_id: actor.id })),
    )
    .returningAll()
    .execute();
  return rows.map((r) => ({ id: `t:${r.id}`, kind: r.kind, at: r.at.toISOString(), actor: { type: r.actor_type, id: r.actor_id, name: null }, data: r.data }));
}

// The customer's story, newest first: what people did (accepted actions, follow-ups) merged with
// their conversations opening and being resolved, each with how many messages it holds.
export async function getTimeline(scope: TenantScope, customerId: string, limit: number): Promise<{ customerId: string; items: TimelineItem[] }> {
  await getCustomer(scope, customerId);
  const [entries, conversations] = await Promise.all([
    scope
      .selectFrom('customer_timeline')
      .leftJoin('employees', (j) =>
        j.onRef('employees.id', '=', 'customer_timeline.actor_id').onRef('employees.workspace_id', '=', 'customer_timeline.workspace_id').on('customer_timeline.actor_type', '=', 'employee'),
      )
      .selectAll('customer_timeline')
      .select('employees.name as actor_name')
      .where('customer_timeline.customer_id', '=', customerId)
      .orderBy('customer_timeline.at', 'desc')
      .orderBy('customer_timeline.id', 'desc')
      .limit(limit)
      .execute(),
    scope
      .selectFrom('conversations')
      .select(['id', 'channel', 'subject', 'status', 'created_at', 'resolved_at', 'assignee_id'])
      .select((eb) => [
        eb.selectFrom('messages').select(sql<number>`count(*)::int`.as('n')).whereRef('messages.conversation_id', '=', 'conversations.id').where('messages.direction', '=', 'inbound').as('inbound'),
        eb.selectFrom('messages').select(sql<number>`count(*)::int`.as('n')).whereRef('messages.conversation_id', '=', 'conversations.id').where('messages.direction', '=', 'outbound').as('outbound'),
      ])
      .where('customer_id', '=', customerId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute(),
  ]);
  const items: TimelineItem[] = entries.map((r) => ({
    id: `t:${r.id}`,
    kind: r.kind,
    at: r.at.toISOString(),
    actor: { type: r.actor_type, id: r.actor_id, name: r.actor_name },
    data: r.data,
  }));
  for (const c of conversations) {
    const messages = { inbound: Number(c.inbound ?? 0), outbound: Number(c.outbound ?? 0) };
    items.push({ id: `c:${c.id}:opened`, kind: 'conversation.opened', at: c.created_at.toISOString(), actor: null, data: { conversationId: c.id, channel: c.channel, subject: c.subject, status: c.status, messages } });
    if (c.resolved_at) {
      items.push({ id: `c:${c.id}:resolved`, kind: 'conversation.resolved', at: c.resolved_at.toISOString(), actor: null, data: { conversationId: c.id, assigneeId: c.assignee_id } });
    }
  }
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { customerId, items: items.slice(0, limit) };
}
