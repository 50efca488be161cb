import type { AuthorType, ConversationStatus, EmotionLabel, MessageDirection, MoodTrend } from '../../platform/db/database.types.ts';

// The customer's state at one moment, as playbook conditions read it. Built from plain history
// rows by pure functions, so the live listener and the dry-run over past messages agree exactly.
// An undefined field is "absent" (no value attribute, no survey yet): conditions on it are false.
export type CustomerState = {
  emotion?: EmotionLabel;
  intensity?: number;
  alert?: boolean;
  moodScore?: number;
  moodTrend?: MoodTrend;
  contacts?: (days: number) => { count: number; spanDays: number };
  waitingMinutes?: number;
  openConversations?: number;
  customerValue?: number;
  segment?: string;
  lastSurveyScore?: number;
  // Set only when a survey answer is evaluated (modules/surveys): its lowest score, or null when none was low.
  surveyLow?: { metric: SurveyMetric; score: number } | null;
  // Lower-case, accents removed: what keyword conditions match against.
  text?: string;
};

export type SurveyMetric = 'csat' | 'nps' | 'ces';

export type HistoryMessage = { conversationId: string; direction: MessageDirection; authorType: AuthorType; at: Date };
export type HistoryConversation = { id: string; status: ConversationStatus; createdAt: Date; resolvedAt: Date | null };

const MINUTE = 60_000;
const DAY = 86_400_000;
// Messages closer together than this are one contact; a longer silence makes the next one a new contact.
export const CONTACT_GAP_MS = 60 * MINUTE;

export const normalizeText = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

// A contact is a burst of customer messages: the first in a conversation, or one sent more than an
// hour after the customer's previous message. `history` is sorted oldest first and ends at `at`.
export function contactTimes(history: HistoryMessage[], at: Date): Date[] {
  const seen = new Set<string>();
  const out: Date[] = [];
  let previous = -Infinity;
  for (const m of history) {
    if (m.at.getTime() > at.getTime()) break;
    if (m.direction !== 'inbound') continue;
    const t = m.at.getTime();
    if (!seen.has(m.conversationId) || t - previous > CONTACT_GAP_MS) out.push(m.at);
    seen.add(m.conversationId);
    previous = t;
  }
  return out;
}

export function contactsWithin(contacts: Date[], at: Date, days: number): { count: number; spanDays: number } {
  const since = at.getTime() - days * DAY;
  const inWindow = contacts.filter((c) => c.getTime() > since && c.getTime() <= at.getTime());
  const first = inWindow[0];
  return { count: inWindow.length, spanDays: first ? Math.max(1, Math.ceil((at.getTime() - first.getTime()) / DAY)) : 0 };
}

const isHumanReply = (m: HistoryMessage) => m.direction === 'outbound' && (m.authorType === 'employee' || m.authorType === 'integration');

// Minutes since the oldest customer message that no person has answered, over the open
// conversations. An automatic (system) message is not an answer.
export function waitingMinutes(history: HistoryMessage[], openConversationIds: Set<string>, at: Date): number {
  const oldestUnanswered = new Map<string, number>();
  for (const m of history) {
    if (m.at.getTime() > at.getTime()) break;
    if (!openConversationIds.has(m.conversationId)) continue;
    if (isHumanReply(m)) oldestUnanswered.delete(m.conversationId);
    else if (m.direction === 'inbound' && !oldestUnanswered.has(m.conversationId)) oldestUnanswered.set(m.conversationId, m.at.getTime());
  }
  let oldest = Infinity;
  for (const t of oldestUnanswered.values()) oldest = Math.min(oldest, t);
  return Number.isFinite(oldest) ? Math.max(0, Math.floor((at.getTime() - oldest) / MINUTE)) : 0;
}

// Conversations open at `at`; for a past moment this reads created/resolved times (a reopened
// and re-resolved conversation counts by its last resolution).
export function openAt(conversations: HistoryConversation[], at: Date, now: Date): Set<string> {
  const live = at.getTime() >= now.getTime() - MINUTE;
  return new Set(
    conversations
      .filter((c) => (live ? c.status !== 'resolved' : c.createdAt.getTime() <= at.getTime() && (c.resolvedAt === null || c.resolvedAt.getTime() > at.getTime())))
      .map((c) => c.id),
  );
}

// The lifetime value kept from the company's orders (modules/customers/customer-orders.service.ts)
// when the customer has one, else customers.attributes.value; .segment when present; anything else
// is absent, never an error.
export function valueOf(attributes: Record<string, unknown>, lifetime?: number | null): number | undefined {
  if (typeof lifetime === 'number' && Number.isFinite(lifetime)) return lifetime;
  const v = attributes.value;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function segmentOf(attributes: Record<string, unknown>): string | undefined {
  const s = attributes.segment;
  return typeof s === 'string' && s.trim() ? s.trim() : undefined;
}

export const firstName = (name: string | null | undefined): string | undefined => name?.trim().split(/\s+/)[0] || undefined;

// A short quote of what the customer said, cut at a word boundary.
export function shortQuote(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?¡¿-]+$/, '')}…`;
}
