import type { EmotionLabel, Locale, MessageEmotion, MoodTrend } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { lifetimeValueSql } from '../customers/customer-orders.service.ts';
import { evaluate, reasonOf, type ReasonPart } from './condition.evaluator.ts';
import { isMessageField, messageState } from './customer-state.service.ts';
import { contactTimes, contactsWithin, openAt, segmentOf, shortQuote, valueOf, waitingMinutes, type HistoryConversation, type HistoryMessage } from './customer-state.ts';
import { fieldsOf, maxContactDays, type ActionType, type PlaybookDefinition } from './playbook.schema.ts';
import { bothLanguages, formatReason } from './reason.format.ts';

const DAY = 86_400_000;
const MESSAGE_LIMIT = 20_000;
const SAMPLE = 20;
const TREND_THRESHOLD = 0.15;

export type DryRunSample = {
  messageId: string;
  conversationId: string;
  customer: { id: string; name: string | null };
  at: string;
  quote: string;
  emotion: EmotionLabel | null;
  reason: { text: string; texts: Record<Locale, string>; parts: ReasonPart[] };
};

export type DryRunResult = {
  days: number;
  from: string;
  to: string;
  messagesEvaluated: number;
  truncated: boolean;
  // Customer messages that satisfied the condition.
  matches: number;
  customers: number;
  // What employees would have seen: one live suggestion per customer (a new match refreshes it).
  suggestions: number;
  perAction: Partial<Record<ActionType, number>>;
  sample: DryRunSample[];
  tookMs: number;
};

type Inbound = { id: string; conversation_id: string; customer_id: string; text: string; emotion: MessageEmotion | null; created_at: Date };

const group = <T, K>(list: T[], key: (t: T) => K) => {
  const out = new Map<K, T[]>();
  for (const t of list) {
    const k = key(t);
    const bucket = out.get(k);
    if (bucket) bucket.push(t);
    else out.set(k, [t]);
  }
  return out;
};

// What a playbook would have proposed over the last `days` of customer messages, each message
// judged on the customer's state at that moment (mood from the stored mood timeline).
export async function dryRun(scope: TenantScope, playbook: PlaybookDefinition, days: number, locale: Locale, now = new Date()): Promise<DryRunResult> {
  const started = performance.now();
  const from = new Date(now.getTime() - days * DAY);
  const inbound: Inbound[] = await scope
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select(['messages.id', 'messages.conversation_id', 'conversations.customer_id', 'messages.text', 'messages.emotion', 'messages.created_at'])
    .where('messages.direction', '=', 'inbound')
    .where('messages.created_at', '>=', from)
    .orderBy('messages.created_at', 'desc')
    .limit(MESSAGE_LIMIT + 1)
    .execute();
  const truncated = inbound.length > MESSAGE_LIMIT;
  const evaluated = inbound.slice(0, MESSAGE_LIMIT).reverse();
  const candidates = evaluated.filter((m) => evaluate(playbook.condition, messageState(m.emotion, m.text), isMessageField).value !== false);

  const fields = fieldsOf(playbook.condition);
  const customerIds = [...new Set(candidates.map((m) => m.customer_id))];
  const lookback = Math.max(fields.has('waitingMinutes') ? 7 : 0, maxContactDays(playbook.condition) + 1);
  const [customers, conversations, history, points] = customerIds.length
    ? await Promise.all([
        scope.selectFrom('customers').select(['id', 'name', 'attributes']).select(lifetimeValueSql('customers.workspace_id', 'customers.id').as('lifetime_value')).where('id', 'in', customerIds).execute(),
        scope.selectFrom('conversations').select(['id', 'customer_id', 'status', 'created_at', 'resolved_at']).where('customer_id', 'in', customerIds).execute(),
        scope
          .selectFrom('messages')
          .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
          .select(['conversations.customer_id', 'messages.conversation_id', 'messages.direction', 'messages.author_type', 'messages.created_at'])
          .where('conversations.customer_id', 'in', customerIds)
          .where('messages.created_at', '>=', new Date(from.getTime() - lookback * DAY))
          .orderBy('messages.created_at')
          .execute(),
        scope.selectFrom('customer_mood_points').select(['customer_id', 'message_id', 'score']).where('customer_id', 'in', customerIds).orderBy('at').orderBy('id').execute(),
      ])
    : [[], [], [], []];

  const customerOf = new Map(customers.map((c) => [c.id, c]));
  const conversationsOf = group(
    conversations.map((c) => ({ customerId: c.customer_id, conv: { id: c.id, status: c.status, createdAt: c.created_at, resolvedAt: c.resolved_at } satisfies HistoryConversation })),
    (c) => c.customerId,
  );
  const historyOf = group(
    history.map((h) => ({ customerId: h.customer_id, msg: { conversationId: h.conversation_id, direction: h.direction, authorType: h.author_type, at: h.created_at } satisfies HistoryMessage })),
    (h) => h.customerId,
  );
  // Mood and trend after each message, as the mood model recorded them.
  const moodAfter = new Map<string, { score: number; trend: MoodTrend }>();
  for (const list of group(points, (p) => p.customer_id).values()) {
    list.forEach((p, i) => {
      const reference = i >= 3 ? list[i - 3]!.score : i > 0 ? list[0]!.score : 0;
      const delta = p.score - reference;
      moodAfter.set(p.message_id, { score: p.score, trend: delta > TREND_THRESHOLD ? 'improving' : delta < -TREND_THRESHOLD ? 'worsening' : 'stable' });
    });
  }

  const matches: Array<{ m: Inbound; parts: ReasonPart[] }> = [];
  for (const m of candidates) {
    const customer = customerOf.get(m.customer_id);
    const msgs = (historyOf.get(m.customer_id) ?? []).map((h) => h.msg);
    const convs = (conversationsOf.get(m.customer_id) ?? []).map((c) => c.conv);
    const open = openAt(convs, m.created_at, now);
    const contacts = contactTimes(msgs, m.created_at);
    const mood = moodAfter.get(m.id);
    const state = {
      ...messageState(m.emotion, m.text),
      moodScore: mood?.score,
      moodTrend: mood?.trend,
      contacts: (d: number) => contactsWithin(contacts, m.created_at, d),
      waitingMinutes: waitingMinutes(msgs, open, m.created_at),
      openConversations: open.size,
      customerValue: customer ? valueOf(customer.attributes, customer.lifetime_value) : undefined,
      segment: customer ? segmentOf(customer.attributes) : undefined,
    };
    const v = evaluate(playbook.condition, state);
    if (v.value === true) matches.push({ m, parts: reasonOf(v.parts, state) });
  }

  const distinctCustomers = new Set(matches.map((x) => x.m.customer_id)).size;
  const perAction: Partial<Record<ActionType, number>> = {};
  for (const a of playbook.actions) perAction[a.type] = (perAction[a.type] ?? 0) + distinctCustomers;
  return {
    days,
    from: from.toISOString(),
    to: now.toISOString(),
    messagesEvaluated: evaluated.length,
    truncated,
    matches: matches.length,
    customers: distinctCustomers,
    suggestions: distinctCustomers,
    perAction,
    sample: matches
      .slice(-SAMPLE)
      .reverse()
      .map(({ m, parts }) => {
        const texts = bothLanguages((l) => formatReason(parts, l));
        return {
          messageId: m.id,
          conversationId: m.conversation_id,
          customer: { id: m.customer_id, name: customerOf.get(m.customer_id)?.name ?? null },
          at: m.created_at.toISOString(),
          quote: shortQuote(m.text, 140),
          emotion: m.emotion ? (m.emotion.corrected?.emotion ?? m.emotion.emotion) : null,
          reason: { text: texts[locale], texts, parts },
        };
      }),
    tookMs: Math.round(performance.now() - started),
  };
}
