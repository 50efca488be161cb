import { sql } from 'kysely';
import type { AuthorType, EmotionLabel, MessageDirection } from '../../platform/db/database.types.ts';
import { effectiveEmotion } from '../emotion/mood.model.ts';
import { toMoodView, type MoodView } from '../emotion/mood.service.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { getConversation, listConversations, toConversationView, type ConversationFilters, type ConversationView } from './conversation.service.ts';

export type InboxItem = ConversationView & {
  customer: { id: string; name: string | null; email: string | null; mood: MoodView | null };
  lastMessage: {
    text: string;
    direction: MessageDirection;
    authorType: AuthorType;
    createdAt: string;
    attachmentCount: number;
    emotion: { emotion: EmotionLabel; alert: boolean } | null;
  } | null;
  unreadCount: number;
};

// The inbox row needs the customer, the last message and what this employee has not read yet:
// three batched queries over the page's ids instead of one per conversation.
export async function listInbox(scope: TenantScope, employeeId: string | null, filters: ConversationFilters): Promise<InboxItem[]> {
  const rows = await listConversations(scope, employeeId, filters);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const customerIds = [...new Set(rows.map((r) => r.customer_id))];
  const [customers, moods, lastMessages, unread] = await Promise.all([
    scope
      .selectFrom('customers')
      .select(['id', 'name', 'email'])
      .where('id', 'in', customerIds)
      .execute(),
    scope.selectFrom('customer_moods').selectAll().where('customer_id', 'in', customerIds).execute(),
    scope
      .selectFrom('messages')
      .distinctOn('conversation_id')
      .select(['conversation_id', 'text', 'direction', 'author_type', 'created_at', 'emotion', sql<number>`jsonb_array_length(attachments)`.as('attachment_count')])
      .where('conversation_id', 'in', ids)
      .orderBy('conversation_id')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    employeeId
      ? scope
          .selectFrom('messages')
          .leftJoin('conversation_reads', (j) =>
            j.onRef('conversation_reads.conversation_id', '=', 'messages.conversation_id').on('conversation_reads.employee_id', '=', employeeId),
          )
          .select(['messages.conversation_id', sql<string>`count(*)`.as('unread')])
          .where('messages.conversation_id', 'in', ids)
          .where('messages.direction', '=', 'inbound')
          .where(sql<boolean>`messages.created_at > coalesce(conversation_reads.last_read_at, '-infinity'::timestamptz)`)
          .groupBy('messages.conversation_id')
          .execute()
      : Promise.resolve([]),
  ]);
  const customerById = new Map(customers.map((c) => [c.id, c]));
  const moodByCustomer = new Map(moods.filter((m) => m.updated_at.getTime() > 0).map((m) => [m.customer_id, toMoodView(m)]));
  const lastByConversation = new Map(lastMessages.map((m) => [m.conversation_id, m]));
  const unreadByConversation = new Map(unread.map((u) => [u.conversation_id, Number(u.unread)]));
  return rows.map((row) => {
    const customer = customerById.get(row.customer_id);
    const last = lastByConversation.get(row.id);
    return {
      ...toConversationView(row),
      customer: { id: row.customer_id, name: customer?.name ?? null, email: customer?.email ?? null, mood: moodByCustomer.get(row.customer_id) ?? null },
      lastMessage: last
        ? {
            text: last.text,
            direction: last.direction,
            authorType: last.author_type,
            createdAt: last.created_at.toISOString(),
            attachmentCount: Number(last.attachment_count),
            emotion: last.emotion ? pick(effectiveEmotion(last.emotion)) : null,
          }
        : null,
      unreadCount: unreadByConversation.get(row.id) ?? 0,
    };
  });
}

const pick = (e: { emotion: EmotionLabel; alert: boolean }) => ({ emotion: e.emotion, alert: e.alert });

// Marks read up to the newest message that exists now, not up to the clock: a message still
// committing with an earlier timestamp must not count as seen. One statement, so the timestamp
// keeps PostgreSQL's microseconds (a JavaScript Date would round it down and leave it unread).
export async function markConversationRead(scope: TenantScope, employeeId: string, conversationId: string): Promise<{ unreadCount: number; lastReadAt: string | null }> {
  await getConversation(scope, conversationId);
  const newest = scope
    .selectFrom('messages')
    .select([sql<string>`${scope.workspaceId}::uuid`.as('workspace_id'), 'conversation_id', sql<string>`${employeeId}::uuid`.as('employee_id'), sql<Date>`max(created_at)`.as('last_read_at')])
    .where('conversation_id', '=', conversationId)
    .groupBy('conversation_id');
  const row = await scope.db
    .insertInto('conversation_reads')
    .columns(['workspace_id', 'conversation_id', 'employee_id', 'last_read_at'])
    .expression(newest)
    .onConflict((oc) =>
      oc.columns(['conversation_id', 'employee_id']).doUpdateSet({ last_read_at: sql<Date>`greatest(conversation_reads.last_read_at, excluded.last_read_at)` }),
    )
    .returning('last_read_at')
    .executeTakeFirst();
  return { unreadCount: 0, lastReadAt: row?.last_read_at.toISOString() ?? null };
}
