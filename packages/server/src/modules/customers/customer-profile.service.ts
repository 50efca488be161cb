import { sql } from 'kysely';
import type { ConsentPurpose } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import type { AuditActor } from '../audit/audit.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { customerValue, moveOrders } from './customer-orders.service.ts';
import { getCustomer } from './customer.service.ts';

export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 40;
const LEARNING_DAYS = 90;

// Trimmed, inner spaces collapsed, lower-case, without duplicates, in the order given.
export const normaliseTags = (tags: string[]): string[] => [...new Set(tags.map((t) => t.trim().replace(/\s+/g, ' ').toLowerCase()).filter(Boolean))];

export async function setTags(scope: TenantScope, actor: AuditActor, customerId: string, field: 'tags' | 'interests', values: string[]): Promise<string[]> {
  return scope.transaction(async (trx) => {
    await getCustomer(trx, customerId);
    const row = await trx
      .updateTable('customers')
      .set({ [field]: values, updated_at: new Date() })
      .where('id', '=', customerId)
      .returning(field)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: `customer.${field}_set`, targetType: 'customer', targetId: customerId, details: { [field]: values } });
    return field === 'tags' ? row.tags : row.interests;
  });
}

export type ConsentState = { granted: boolean; source: string | null; at: string; by: { type: string; id: string | null } };
export type ConsentView = Partial<Record<ConsentPurpose, ConsentState>>;

// The latest decision per purpose; a purpose never asked about is absent.
export async function getConsent(scope: TenantScope, customerId: string): Promise<ConsentView> {
  const rows = await scope
    .selectFrom('customer_consents')
    .select(['purpose', 'granted', 'source', 'at', 'actor_type', 'actor_id'])
    .distinctOn('purpose')
    .where('customer_id', '=', customerId)
    .orderBy('purpose')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.purpose, { granted: r.granted, source: r.source, at: r.at.toISOString(), by: { type: r.actor_type, id: r.actor_id } }]));
}

export type ConsentChange = { marketing?: boolean; surveys?: boolean; source?: string };

// Appends one row per purpose sent (history is kept for the timeline) and audits the change.
export async function setConsent(scope: TenantScope, actor: AuditActor, customerId: string, change: ConsentChange): Promise<ConsentView> {
  return scope.transaction(async (trx) => {
    await getCustomer(trx, customerId);
    const purposes = (['marketing', 'surveys'] as const).filter((p) => change[p] !== undefined);
    await trx
      .insertInto(
        'customer_consents',
        purposes.map((purpose) => ({ customer_id: customerId, purpose, granted: change[purpose] === true, source: change.source ?? null, actor_type: actor.type, actor_id: actor.id })),
      )
      .execute();
    const consent = Object.fromEntries(purposes.map((p) => [p, change[p]]));
    await recordAudit(trx, actor, { action: 'customer.consent_changed', targetType: 'customer', targetId: customerId, details: { ...consent, source: change.source ?? null } });
    return getConsent(trx, customerId);
  });
}

export type ChannelStats = { channel: string; messages: number; share: number; medianReplySeconds: number | null };
export type PreferredChannel = { channel: string | null; source: 'learned' | 'employee'; stats: ChannelStats[] };

// For each channel of the customer's conversations, over the last 90 days: how many messages the
// customer wrote there, their share, and the median time they took to answer an employee's message
// (the customer's first message after one). One statement; the order is the preference.
export async function channelStats(scope: TenantScope, customerId: string): Promise<ChannelStats[]> {
  const since = new Date(Date.now() - LEARNING_DAYS * 86_400_000);
  const { rows } = await sql<{ channel: string; messages: number; share: number | null; median: number | null }>`
    with m as (
      select c.channel, m.direction, m.created_at,
        lag(m.author_type) over w as prev_author, lag(m.created_at) over w as prev_at
      from conversations c
      join messages m on m.workspace_id = c.workspace_id and m.conversation_id = c.id
      where c.workspace_id = ${scope.workspaceId} and c.customer_id = ${customerId} and m.created_at > ${since}
      window w as (partition by m.conversation_id order by m.created_at, m.id)
    ),
    per as (
      select channel,
        count(*) filter (where direction = 'inbound')::int as messages,
        percentile_cont(0.5) within group (order by extract(epoch from created_at - prev_at))
          filter (where direction = 'inbound' and prev_author = 'employee')::float8 as median
      from m group by channel
    )
    select channel, messages, messages::float8 / nullif(sum(messages) over (), 0) as share, median
    from per
    order by messages desc, median asc nulls last, channel
  `.execute(scope.db);
  return rows.map((r) => ({ channel: r.channel, messages: r.messages, share: Math.round((r.share ?? 0) * 1000) / 1000, medianReplySeconds: r.median === null ? null : Math.round(r.median) }));
}

export async function preferredChannel(scope: TenantScope, customerId: string, override: string | null): Promise<PreferredChannel> {
  const stats = await channelStats(scope, customerId);
  if (override) return { channel: override, source: 'employee', stats };
  const best = stats[0];
  return { channel: best && best.messages > 0 ? best.channel : null, source: 'learned', stats };
}

export async function setPreferredChannel(scope: TenantScope, actor: AuditActor, customerId: string, channel: string | null): Promise<PreferredChannel> {
  return scope.transaction(async (trx) => {
    await getCustomer(trx, customerId);
    await trx
      .updateTable('customers')
      .set({ preferred_channel: channel, preferred_channel_by: actor.type === 'employee' ? actor.id : null, preferred_channel_at: channel ? new Date() : null, updated_at: new Date() })
      .where('id', '=', customerId)
      .execute();
    await recordAudit(trx, actor, { action: 'customer.preferred_channel_set', targetType: 'customer', targetId: customerId, details: { channel } });
    return preferredChannel(trx, customerId, channel);
  });
}

// What GET /api/customers/:id adds to the customer: value, consent and preferred channel.
export async function profileDetails(scope: TenantScope, customer: { id: string; preferred_channel: string | null }) {
  const [value, consent, preferred] = await Promise.all([
    customerValue(scope, customer.id),
    getConsent(scope, customer.id),
    preferredChannel(scope, customer.id, customer.preferred_channel),
  ]);
  return { value, consent, preferredChannel: preferred };
}

export type ProfileRecords = { orders: string[]; consents: string[] };

// A merge moves the absorbed customer's orders and consent decisions to the survivor; its unmerge
// moves back exactly those (`only`).
export async function moveProfileRecords(trx: TenantScope, from: string, to: string, only?: ProfileRecords): Promise<ProfileRecords> {
  const orders = await moveOrders(trx, from, to, only?.orders);
  const consents = await trx
    .updateTable('customer_consents')
    .set({ customer_id: to })
    .where('customer_id', '=', from)
    .$if(only !== undefined, (q) => q.where(sql<boolean>`id = any(${only?.consents ?? []}::uuid[])`))
    .returning('id')
    .execute();
  return { orders, consents: consents.map((c) => c.id) };
}
