import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { MessageEmotion, MoodTrend } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { effectiveEmotion, nextMood } from '../emotion/mood.model.ts';
import { toMoodView } from '../emotion/mood.service.ts';
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

// The customer's state right after this message and the conversation's context, in ONE statement
// (this runs for every unhappy message, so round trips matter), loading only what the candidate
// playbooks read. One snapshot also keeps the mood row and its points consistent.
export async function loadLiveState(scope: TenantScope, input: LiveInput, need: { fields: Set<Field>; contactDays: number; trusted: boolean }): Promise<LiveState> {
  const wantsHistory = need.fields.has('contactsInDays') || need.fields.has('waitingMinutes');
  const wantsConversations = wantsHistory || need.fields.has('openConversations');
  const days = Math.min(91, Math.max(need.fields.has('waitingMinutes') ? 7 : 0, need.contactDays + 1));
  const since = new Date(input.at.getTime() - days * DAY);
  const none = sql<null>`null`;
  const row = await scope
    .selectFrom('conversations')
    .innerJoin('customers', (j) => j.onRef('customers.id', '=', 'conversations.customer_id').onRef('customers.workspace_id', '=', 'conversations.workspace_id'))
    .innerJoin('workspaces', 'workspaces.id', 'conversations.workspace_id')
    .leftJoin('employees as assignee', (j) => j.onRef('assignee.id', '=', 'conversations.assignee_id').onRef('assignee.workspace_id', '=', 'conversations.workspace_id'))
    .leftJoin('customer_moods', 'customer_moods.customer_id', 'conversations.customer_id')
    .select([
      'conversations.assignee_id',
      'conversations.team_id',
      'assignee.name as assignee_name',
      'workspaces.name as company',
      'workspaces.settings',
      'customers.id as customer_id',
      'customers.name as customer_name',
      'customers.locale as customer_locale',
      'customers.attributes',
      'customer_moods.score as mood_score',
      'customer_moods.trend as mood_trend',
      'customer_moods.updated_at as mood_updated_at',
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('customer_mood_points')
          .select(['customer_mood_points.message_id', 'customer_mood_points.score'])
          .whereRef('customer_mood_points.customer_id', '=', 'conversations.customer_id')
          .orderBy('customer_mood_points.at', 'desc')
          .orderBy('customer_mood_points.id', 'desc')
          .limit(4),
      ).as('points'),
      wantsHistory
        ? jsonArrayFrom(
            eb
              .selectFrom('messages')
              .innerJoin('conversations as c', 'c.id', 'messages.conversation_id')
              .select(['messages.conversation_id', 'messages.direction', 'messages.author_type', 'messages.created_at'])
              .whereRef('c.customer_id', '=', 'conversations.customer_id')
              .where('messages.created_at', '>', since)
              .orderBy('messages.created_at', 'desc')
              .limit(HISTORY_LIMIT),
          ).as('history')
        : none.as('history'),
      wantsConversations
        ? jsonArrayFrom(eb.selectFrom('conversations as c').select(['c.id', 'c.status', 'c.created_at', 'c.resolved_at']).whereRef('c.customer_id', '=', 'conversations.customer_id')).as('conversations')
        : none.as('conversations'),
      need.trusted
        ? jsonObjectFrom(
            eb
              .selectFrom('messages')
              .innerJoin('conversations as c', 'c.id', 'messages.conversation_id')
              .innerJoin('employees', (j) => j.onRef('employees.id', '=', 'messages.author_id').onRef('employees.workspace_id', '=', 'messages.workspace_id'))
              .select(['employees.id', 'employees.name'])
              .whereRef('c.customer_id', '=', 'conversations.customer_id')
              .where('messages.author_type', '=', 'employee')
              .where('employees.active', '=', true)
              .groupBy(['employees.id', 'employees.name'])
              // The employee who has written most to this customer: the one they know, until bonds exist.
              .orderBy(sql`count(*)`, 'desc')
              .orderBy('employees.id')
              .limit(1),
          ).as('trusted')
        : none.as('trusted'),
    ])
    .where('conversations.id', '=', input.conversationId)
    .executeTakeFirstOrThrow();

  const history: HistoryMessage[] = (row.history ?? [])
    .map((h) => ({ conversationId: h.conversation_id, direction: h.direction, authorType: h.author_type, at: date(h.created_at) }))
    .reverse();
  const conversations: HistoryConversation[] = (row.conversations ?? []).map((c) => ({ id: c.id, status: c.status, createdAt: date(c.created_at), resolvedAt: c.resolved_at ? date(c.resolved_at) : null }));
  const moodRow = row.mood_score !== null && row.mood_trend !== null && row.mood_updated_at ? { score: row.mood_score, trend: row.mood_trend, updated_at: row.mood_updated_at } : null;
  const mood = projectMood(moodRow, row.points, input);
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
    customerValue: valueOf(customer.attributes),
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
}

// The mood listener runs beside this one and may not have applied this message yet: when its
// point is missing, the same model applies it here, so both always agree.
function projectMood(row: { score: number; trend: MoodTrend; updated_at: Date } | null, points: Array<{ message_id: string; score: number }>, input: LiveInput) {
  if (row && points[0]?.message_id === input.messageId) return { score: row.score, trend: row.trend };
  const known = row && row.updated_at.getTime() > 0 ? row : null;
  if (!input.emotion) return known ? { score: toMoodView({ ...known, alert: false }, input.at).score, trend: known.trend } : undefined;
  const prior = known ? { score: known.score, updatedAt: known.updated_at } : null;
  const earlier = points.filter((p) => p.message_id !== input.messageId).slice(0, 3).map((p) => p.score).reverse();
  const step = nextMood(prior, { at: input.at, ...effectiveEmotion(input.emotion) }, earlier);
  return { score: step.score, trend: step.trend };
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
