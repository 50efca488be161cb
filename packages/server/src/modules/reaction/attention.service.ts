import { sql } from 'kysely';
import type { Locale, MoodTrend } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { lifetimeValueSql } from '../customers/customer-orders.service.ts';
import { toMoodView } from '../emotion/mood.service.ts';
import type { ReasonPart } from './condition.evaluator.ts';
import { segmentOf, valueOf } from './customer-state.ts';
import { formatReason } from './reason.format.ts';

const CANDIDATES = 500;
const RECENT_MOOD_DAYS = 7;
const VALUABLE_SEGMENTS = new Set(['vip', 'premium', 'gold']);
const HIGH_VALUE = 1000;

export type AttentionItem = {
  customer: { id: string; name: string | null; email: string | null };
  urgency: number;
  mood: { score: number; trend: MoodTrend } | null;
  intensity: number | null;
  waitingMinutes: number;
  waitingSince: string | null;
  // The conversation waiting longest for an answer, else the one a suggestion is about.
  conversationId: string | null;
  openSuggestions: number;
  value: number | null;
  segment: string | null;
  reason: { text: string; parts: ReasonPart[] };
};

// How urgent, 0–100: a negative mood weighted by how strongly it was felt, the wait for an
// answer (saturating at two hours), open suggestions nobody acted on, and the customer's value.
export function urgencyOf(i: { moodScore: number | null; intensity: number | null; waitingMinutes: number; openSuggestions: number; valuable: boolean; value: number | null }): number {
  const negativity = Math.max(0, -(i.moodScore ?? 0)) * (0.5 + 0.5 * (i.intensity ?? 0.5));
  const waiting = Math.min(1, i.waitingMinutes / 120);
  const suggestions = Math.min(1, i.openSuggestions / 3);
  const value = i.valuable ? 1 : i.value !== null && i.value > 0 ? Math.min(1, i.value / HIGH_VALUE) * 0.5 : 0;
  if (negativity === 0 && waiting === 0 && suggestions === 0) return 0;
  return Math.round(100 * (0.45 * negativity + 0.3 * waiting + 0.15 * suggestions + 0.1 * value));
}

// "Customers who need attention now", most urgent first, each with the reason in words.
export async function needingAttention(scope: TenantScope, locale: Locale, limit: number, now = new Date()): Promise<{ items: AttentionItem[]; generatedAt: string }> {
  const [waiting, suggestions, negative] = await Promise.all([
    // Per customer: the oldest message no person has answered yet, over open conversations.
    scope
      .selectFrom('conversations')
      .innerJoin('messages', 'messages.conversation_id', 'conversations.id')
      .select([
        'conversations.customer_id',
        (eb) => eb.fn.min('messages.created_at').as('since'),
        sql<string>`(array_agg(conversations.id order by messages.created_at))[1]`.as('conversation_id'),
      ])
      .where('conversations.status', '!=', 'resolved')
      .where('messages.direction', '=', 'inbound')
      .where((eb) =>
        eb(
          'messages.created_at',
          '>',
          eb.fn.coalesce(
            eb
              .selectFrom('messages as answer')
              .select((e) => e.fn.max('answer.created_at').as('t'))
              .whereRef('answer.conversation_id', '=', 'conversations.id')
              .where('answer.direction', '=', 'outbound')
              .where('answer.author_type', 'in', ['employee', 'integration']),
            sql<Date>`'-infinity'::timestamptz`,
          ),
        ),
      )
      .groupBy('conversations.customer_id')
      .orderBy('since')
      .limit(CANDIDATES)
      .execute(),
    scope
      .selectFrom('suggestions')
      .select(['customer_id', (eb) => eb.fn.countAll<number>().as('n'), sql<string>`(array_agg(conversation_id order by updated_at desc))[1]`.as('conversation_id')])
      .where('status', '=', 'open')
      .groupBy('customer_id')
      .limit(CANDIDATES)
      .execute(),
    scope
      .selectFrom('customer_moods')
      .select('customer_id')
      .where('score', '<=', -0.2)
      .where('updated_at', '>', new Date(now.getTime() - RECENT_MOOD_DAYS * 86_400_000))
      .orderBy('score')
      .limit(CANDIDATES)
      .execute(),
  ]);
  const ids = [...new Set([...waiting.map((w) => w.customer_id), ...suggestions.map((s) => s.customer_id), ...negative.map((n) => n.customer_id)])];
  if (!ids.length) return { items: [], generatedAt: now.toISOString() };
  const [customers, moods, latest] = await Promise.all([
    scope.selectFrom('customers').select(['id', 'name', 'email', 'attributes']).select(lifetimeValueSql('customers.workspace_id', 'customers.id').as('lifetime_value')).where('id', 'in', ids).execute(),
    scope.selectFrom('customer_moods').select(['customer_id', 'score', 'trend', 'alert', 'updated_at']).where('customer_id', 'in', ids).execute(),
    scope.selectFrom('customer_mood_points').distinctOn('customer_id').select(['customer_id', 'intensity']).where('customer_id', 'in', ids).orderBy('customer_id').orderBy('at', 'desc').execute(),
  ]);
  const waitingOf = new Map(waiting.map((w) => [w.customer_id, w]));
  const suggestionsOf = new Map(suggestions.map((s) => [s.customer_id, s]));
  const moodOf = new Map(moods.filter((m) => m.updated_at.getTime() > 0).map((m) => [m.customer_id, m]));
  const intensityOf = new Map(latest.map((l) => [l.customer_id, l.intensity]));

  const items = customers.map((c): AttentionItem => {
    const w = waitingOf.get(c.id);
    const s = suggestionsOf.get(c.id);
    const m = moodOf.get(c.id);
    const mood = m ? { score: toMoodView(m, now).score, trend: m.trend } : null;
    const waitingSince = w ? new Date(w.since as unknown as string) : null;
    const waitingMinutes = waitingSince ? Math.max(0, Math.floor((now.getTime() - waitingSince.getTime()) / 60_000)) : 0;
    const value = valueOf(c.attributes, c.lifetime_value) ?? null;
    const segment = segmentOf(c.attributes) ?? null;
    const valuable = (value !== null && value >= HIGH_VALUE) || (segment !== null && VALUABLE_SEGMENTS.has(segment.toLowerCase()));
    const openSuggestions = Number(s?.n ?? 0);
    const intensity = intensityOf.get(c.id) ?? null;
    const parts: ReasonPart[] = [];
    if (mood && mood.score <= -0.2) parts.push({ kind: 'mood', score: mood.score });
    if (mood && mood.trend === 'worsening') parts.push({ kind: 'trend', trend: mood.trend });
    if (waitingMinutes > 0) parts.push({ kind: 'waiting', minutes: waitingMinutes });
    if (valuable) parts.push({ kind: 'value', value: value ?? HIGH_VALUE, level: 'high' });
    const suggestionText = openSuggestions ? (locale === 'es' ? `${openSuggestions} ${openSuggestions === 1 ? 'sugerencia abierta' : 'sugerencias abiertas'}` : `${openSuggestions} open ${openSuggestions === 1 ? 'suggestion' : 'suggestions'}`) : '';
    const text = [formatReason(parts, locale), suggestionText].filter(Boolean).join(', ');
    return {
      customer: { id: c.id, name: c.name, email: c.email },
      urgency: urgencyOf({ moodScore: mood?.score ?? null, intensity, waitingMinutes, openSuggestions, valuable, value }),
      mood,
      intensity,
      waitingMinutes,
      waitingSince: waitingSince?.toISOString() ?? null,
      conversationId: w?.conversation_id ?? s?.conversation_id ?? null,
      openSuggestions,
      value,
      segment,
      reason: { text: text.charAt(0).toUpperCase() + text.slice(1), parts },
    };
  });
  return {
    items: items
      .filter((i) => i.urgency > 0)
      .sort((a, b) => b.urgency - a.urgency || b.waitingMinutes - a.waitingMinutes)
      .slice(0, limit),
    generatedAt: now.toISOString(),
  };
}
