import { sql } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { channelDataOf } from '../channels/channel-erasure.service.ts';
import { surveyDataOf } from '../surveys/survey-customer.service.ts';
import { getCustomer, listIdentities, toCustomerView } from './customer.service.ts';

const PAGE = 5000;

// Every live customer as CSV, with the same columns an import maps (name, email, phone, locale, company), their
// identities and each attribute key as its own column, read a page at a time.
export async function exportCustomersCsv(scope: TenantScope): Promise<string> {
  const rows: Array<{ id: string; name: string | null; email: string | null; phone: string | null; locale: string | null; company: string | null; created_at: Date; attributes: Record<string, unknown>; identities: string | null }> = [];
  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const page = await scope
      .selectFrom('customers')
      .select(['id', 'name', 'email', 'phone', 'locale', 'company', 'created_at', 'attributes'])
      .select(sql<string | null>`(select string_agg(i.channel || ':' || i.external_id, ' ' order by i.created_at) from customer_identities i where i.customer_id = customers.id)`.as('identities'))
      .where('merged_into_id', 'is', null)
      .where('erased_at', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    rows.push(...page);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.attributes)))].sort();
  return stringify(
    rows.map((r) => [r.id, r.name ?? '', r.email ?? '', r.phone ?? '', r.locale ?? '', r.company ?? '', r.created_at.toISOString(), r.identities ?? '', ...keys.map((k) => cell(r.attributes[k]))]),
    { header: true, columns: ['id', 'name', 'email', 'phone', 'locale', 'company', 'created_at', 'identities', ...keys.map((k) => `attr:${k}`)] },
  );
}

const cell = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

// Everything Vínculo holds about one person, for a data-access request: profile, identities,
// conversations with their messages, notes, calls and what each channel kept (the original e-mail or
// payload, the address, delivery outcomes), mood, suggestions, timeline, merges, orders, consent
// decisions, survey answers and exits. Audited.
export async function exportCustomerData(scope: TenantScope, actor: AuditActor, customerId: string) {
  const customer = await getCustomer(scope, customerId);
  const [identities, conversations, moodPoints, suggestions, timeline, merges, orders, consents, surveys] = await Promise.all([
    listIdentities(scope, customerId),
    scope.selectFrom('conversations').selectAll().where('customer_id', '=', customerId).orderBy('created_at').execute(),
    scope.selectFrom('customer_mood_points').select(['message_id', 'at', 'emotion', 'valence', 'score']).where('customer_id', '=', customerId).orderBy('at').execute(),
    scope.selectFrom('suggestions').select(['id', 'status', 'playbook_name', 'actions', 'reason', 'triggered_at', 'decided_at']).where('customer_id', '=', customerId).execute(),
    scope.selectFrom('customer_timeline').select(['kind', 'data', 'at']).where('customer_id', '=', customerId).orderBy('at').execute(),
    scope.selectFrom('customer_merges').select(['id', 'kind', 'survivor_id', 'absorbed_id', 'merged_at', 'unmerged_at']).where((eb) => eb.or([eb('survivor_id', '=', customerId), eb('absorbed_id', '=', customerId)])).execute(),
    scope.selectFrom('customer_orders').select(['external_id', 'kind', 'amount', 'currency', 'description', 'at']).where('customer_id', '=', customerId).orderBy('at').execute(),
    scope.selectFrom('customer_consents').select(['purpose', 'granted', 'source', 'at']).where('customer_id', '=', customerId).orderBy('at').execute(),
    surveyDataOf(scope, customerId),
  ]);
  const ids = conversations.map((c) => c.id);
  const [messages, notes, calls, channelData] = ids.length
    ? await Promise.all([
        scope.selectFrom('messages').select(['id', 'conversation_id', 'direction', 'author_type', 'text', 'attachments', 'emotion', 'created_at']).where('conversation_id', 'in', ids).orderBy('created_at').execute(),
        scope.selectFrom('notes').select(['conversation_id', 'text', 'created_at']).where('conversation_id', 'in', ids).orderBy('created_at').execute(),
        scope.selectFrom('calls').select(['id', 'conversation_id', 'media', 'direction', 'status', 'created_at', 'answered_at', 'ended_at', 'end_reason', 'quality']).where('conversation_id', 'in', ids).orderBy('created_at').execute(),
        channelDataOf(scope, ids),
      ])
    : [[], [], [], []];
  await recordAudit(scope, actor, { action: 'customer.exported', targetType: 'customer', targetId: customerId });
  return {
    exportedAt: new Date().toISOString(),
    customer: toCustomerView(customer, identities),
    conversations: conversations.map((c) => ({
      id: c.id,
      channel: c.channel,
      status: c.status,
      subject: c.subject,
      createdAt: c.created_at.toISOString(),
      messages: messages.filter((m) => m.conversation_id === c.id).map(({ conversation_id: _c, ...m }) => m),
      notes: notes.filter((n) => n.conversation_id === c.id).map(({ conversation_id: _c, ...n }) => n),
      calls: calls.filter((k) => k.conversation_id === c.id).map(({ conversation_id: _c, ...k }) => k),
      channelMessages: channelData.filter((d) => d.conversation_id === c.id).map(({ conversation_id: _c, ...d }) => d),
    })),
    mood: moodPoints,
    suggestions,
    timeline,
    merges,
    orders,
    consents,
    surveys,
  };
}
