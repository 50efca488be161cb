import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { MessageEmotion } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { executeGeneric } from '../../platform/db/prepared-statements.ts';
import { trustedEmployeeSubquery } from '../bonds/bond.service.ts';
import { lifetimeValueSql } from '../customers/customer-orders.service.ts';
import { effectiveEmotion } from '../emotion/mood.model.ts';
import type { Field } from './playbook.schema.ts';
import {
  contactTimes,
  contactsWithin,
  normalizeText,
  openAt,
  segmentOf,
  valueOf,
  waitingMinutes,
  type CustomerState,
  type HistoryConversation,
  type HistoryMessage,
} from './customer-state.ts';
import { projectMoods } from './live-mood.ts';

const DAY = 86_400_000;
const HISTORY_LIMIT = 2000;
const MESSAGE_FIELDS = new Set<Field>(['emotion', 'intensity', 'alert', 'keywords']);

export const isMessageField = (f: Field) => MESSAGE_FIELDS.has(f);

// What the message itself says: enough to rule most playbooks out without touching the database.
export function messageState(emotion: MessageEmotion | null, text: string): CustomerState {
  const e = emotion ? effectiveEmotion(emotion) : undefined;
  return { emotion: e?.emotion, intensity: e?.intensity, alert: e?.alert, text: normalizeText(text) };
}

export type CustomerRow = { id: string; name: string | null; locale: string | null; attributes: Record<string, unknown> };
export type Person = { id: string; name: string };
export type ConversationContext = { assigneeId: string | null; teamId: string | null; assignee: Person | null; company: string; defaultLocale: string | undefined };

export type LiveInput = { customerId: string; conversationId: string; messageId: string; at: Date; emotion: MessageEmotion | null; text: string };
export type LiveState = { state: CustomerState; customer: CustomerRow; moodScore: number | null; context: ConversationContext; trusted: Person | null };

const date = (v: unknown) => new Date(v as string);
// Points read per customer: the last three before the batch, plus slack for points of messages
// committed out of order, which projectMoods skips.
const POINTS_READ = 8;

// The customers' states right after each message of a batch and their conversations' context, in
// ONE statement (one row per conversation), loading only what the candidate playbooks read. One
// snapshot also keeps the mood rows and their points consistent. Same order as `inputs`.
export async function loadLiveStates(scope: TenantScope, inputs: LiveInput[], need: { fields: Set<Field>; contactDays: number; trusted: boolean }): Promise<LiveState[]> {
  if (!inputs.length) return [];
  const wantsHistory = need.fields.has('contactsInDays') || need.fields.has('waitingMinutes');
  const wantsConversations = wantsHistory || need.fields.has('openConversations');
  const days = Math.min(91, Math.max(need.fields.has('waitingMinutes') ? 7 : 0, need.contactDays + 1));
  const times = inputs.map((i) => i.at.getTime());
  const since = new Date(Math.min(...times) - days * DAY);
  const newest = new Date(Math.max(...times));
  const none = sql<null>`null`;
  // Driven by the batch's conversation ids, each row found by primary key: as a plain join the
  // planner could begin with the workspace's customers when their statistics were stale (a
  // workspace that just grew) and probe every customer's conversations for the batch's few (3.7 of
  // 4.4 ms a statement at 500 customers). The LIMITs keep the lookups from being flattened back
  // into a join it may reorder; the workspace is checked on the rows found.
  const ids = [...new Set(inputs.map((i) => i.conversationId))];
  const query = scope.db
    .selectFrom(sql<{ id: string }>`(select unnest(${ids}::uuid[]) as id)`.as('b'))
    .innerJoinLateral((eb) => eb.selectFrom('conversations').selectAll().whereRef('conversations.id', '=', 'b.id').limit(1).as('conversations'), (j) => j.onTrue())
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('customers')
          .select(['customers.id', 'customers.workspace_id', 'customers.name', 'customers.locale', 'customers.attributes'])
          .whereRef('customers.id', '=', 'conversations.customer_id')
          .limit(1)
          .as('customers'),
      (j) => j.onTrue(),
    )
    .innerJoin('workspaces', 'workspaces.id', 'conversations.workspace_id')
    .leftJoin('employees as assignee', (j) => j.onRef('assignee.id', '=', 'conversations.assignee_id').onRef('assignee.workspace_id', '=', 'conversations.workspace_id'))
    .leftJoin('customer_moods', 'customer_moods.customer_id', 'conversations.customer_id')
    .select([
      'conversations.id as conversation_id',
      'conversations.assignee_id',
      'conversations.team_id',
      'assignee.name as assignee_name',
      'workspaces.name as company',
      'workspaces.settings',
      'customers.id as customer_id',
      'customers.name as customer_name',
      'customers.locale as customer_locale',
      'customers.attributes',
      'customer_moods.trend as mood_trend',
    ])
    .select(lifetimeValueSql('customers.workspace_id', 'customers.id').as('lifetime_value'))
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('customer_mood_points')
          .select(['customer_mood_points.message_id', 'customer_mood_points.at', 'customer_mood_points.score'])
          .whereRef('customer_mood_points.customer_id', '=', 'conversations.customer_id')
          .where('customer_mood_points.at', '<=', newest)
          .where(sql<boolean>`customer_mood_points.message_id <> all(${inputs.map((i) => i.messageId)}::uuid[])`)
          .orderBy('customer_mood_points.at', 'desc')
          .orderBy('customer_mood_points.id', 'desc')
          .limit(POINTS_READ),
      ).as('points'),
      wantsHistory
        ? jsonArrayFrom(
            eb
              .selectFrom('messages')
              .innerJoin('conversations as c', 'c.id', 'messages.conversation_id')
              .select(['messages.conversation_id', 'messages.direction', 'messages.author_type', 'messages.created_at'])
              .whereRef('c.workspace_id', '=', 'conversations.workspace_id')
              .whereRef('c.customer_id', '=', 'conversations.customer_id')
              .where('messages.created_at', '>', since)
              .orderBy('messages.created_at', 'desc')
              .limit(HISTORY_LIMIT),
          ).as('history')
        : none.as('history'),
      wantsConversations
        ? jsonArrayFrom(eb.selectFrom('conversations as c').select(['c.id', 'c.status', 'c.created_at', 'c.resolved_at']).whereRef('c.workspace_id', '=', 'conversations.workspace_id').whereRef('c.customer_id', '=', 'conversations.customer_id')).as('conversations')
        : none.as('conversations'),
      need.trusted
        ? eb.fn.coalesce(
            // The strongest bond with an active employee (modules/bonds); until the customer has one,
            // the employee who has written most to them.
            trustedEmployeeSubquery(scope.db, 'conversations.workspace_id', 'conversations.customer_id'),
            jsonObjectFrom(
              eb
                .selectFrom('messages')
                .innerJoin('conversations as c', 'c.id', 'messages.conversation_id')
                .innerJoin('employees', (j) => j.onRef('employees.id', '=', 'messages.author_id').onRef('employees.workspace_id', '=', 'messages.workspace_id'))
                .select(['employees.id', 'employees.name'])
                // Scoped by workspace so the customer's conversations come from their index and the
                // messages from each conversation's: without it this scanned every message per row.
                .whereRef('c.workspace_id', '=', 'conversations.workspace_id')
                .whereRef('messages.workspace_id', '=', 'conversations.workspace_id')
                .whereRef('c.customer_id', '=', 'conversations.customer_id')
                .where('messages.author_type', '=', 'employee')
                .where('employees.active', '=', true)
                .groupBy(['employees.id', 'employees.name'])
                .orderBy(sql`count(*)`, 'desc')
                .orderBy('employees.id')
                .limit(1),
            ),
          ).as('trusted')
        : none.as('trusted'),
    ])
    .where('conversations.workspace_id', '=', scope.workspaceId)
    .where('customers.workspace_id', '=', scope.workspaceId);
  // Forced generic: its subqueries' estimates grow with the customers' histories, and PostgreSQL's
  // own choice then went back to planning for the values two runs in three (1 ms each).
  const rows = await executeGeneric(scope.db, query.compile());
  const byConversation = new Map(rows.map((r) => [r.conversation_id, r]));

  // Every conversation row of a customer carries the same points; one per customer is enough.
  const byCustomer = new Map(rows.map((r) => [r.customer_id, r]));
  const messagesOf = new Map<string, LiveInput[]>();
  for (const i of [...inputs].sort((a, b) => a.at.getTime() - b.at.getTime())) messagesOf.set(i.customerId, [...(messagesOf.get(i.customerId) ?? []), i]);
  const moods = new Map(
    [...messagesOf].map(([customerId, list]) => {
      const row = byCustomer.get(customerId);
      const points = (row?.points ?? []).map((p) => ({ messageId: p.message_id, at: date(p.at), score: p.score }));
      return [customerId, projectMoods(points, row?.mood_trend ?? null, list)] as const;
    }),
  );

  return inputs.map((input) => {
    const row = byConversation.get(input.conversationId);
    if (!row) throw new Error(`Conversation ${input.conversationId} not found`);
    const history: HistoryMessage[] = (row.history ?? [])
      .map((h) => ({ conversationId: h.conversation_id, direction: h.direction, authorType: h.author_type, at: date(h.created_at) }))
      .reverse();
    const conversations: HistoryConversation[] = (row.conversations ?? []).map((c) => ({ id: c.id, status: c.status, createdAt: date(c.created_at), resolvedAt: c.resolved_at ? date(c.resolved_at) : null }));
    const mood = moods.get(input.customerId)?.get(input.messageId);
    const open = openAt(conversations, input.at, input.at);
    const contacts = contactTimes(history, input.at);
    const customer: CustomerRow = { id: row.customer_id, name: row.customer_name, locale: row.customer_locale, attributes: row.attributes };
    const state: CustomerState = {
      ...messageState(input.emotion, input.text),
      moodScore: mood?.score,
      moodTrend: mood?.trend,
      contacts: (d) => contactsWithin(contacts, input.at, d),
      waitingMinutes: wantsHistory ? waitingMinutes(history, open, input.at) : undefined,
      openConversations: wantsConversations ? open.size : undefined,
      customerValue: valueOf(customer.attributes, row.lifetime_value),
      segment: segmentOf(customer.attributes),
      lastSurveyScore: undefined,
    };
    return {
      state,
      customer,
      moodScore: mood?.score ?? null,
      context: {
        assigneeId: row.assignee_id,
        teamId: row.team_id,
        assignee: row.assignee_id && row.assignee_name ? { id: row.assignee_id, name: row.assignee_name } : null,
        company: row.company,
        defaultLocale: typeof row.settings.defaultLocale === 'string' ? row.settings.defaultLocale : undefined,
      },
      trusted: row.trusted ? { id: row.trusted.id, name: row.trusted.name } : null,
    };
  });
}

export async function customerHistory(scope: TenantScope, customerId: string, since: Date): Promise<HistoryMessage[]> {
  const rows = await scope
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select(['messages.conversation_id', 'messages.direction', 'messages.author_type', 'messages.created_at'])
    .where('conversations.customer_id', '=', customerId)
    .where('messages.created_at', '>', since)
    .orderBy('messages.created_at', 'desc')
    .limit(HISTORY_LIMIT)
    .execute();
  return rows.reverse().map((r) => ({ conversationId: r.conversation_id, direction: r.direction, authorType: r.author_type, at: r.created_at }));
}

export async function customerConversations(scope: TenantScope, customerId: string): Promise<HistoryConversation[]> {
  const rows = await scope.selectFrom('conversations').select(['id', 'status', 'created_at', 'resolved_at']).where('customer_id', '=', customerId).execute();
  return rows.map((r) => ({ id: r.id, status: r.status, createdAt: r.created_at, resolvedAt: r.resolved_at }));
}
