import type { Conversation, Message } from '../../api/api.types.ts';
import type { ActivityItem, ActivityKind, ActivityPage, ConsentPurpose } from '../../api/customer-profile-types.ts';
import type { Language, MessageKey } from '../../i18n/i18n.types.ts';
import type { Vars } from '../../i18n/translate.ts';
import { formatDuration } from '../calls/call-records.ts';
import { formatMoney } from './profile-format.ts';

type T = (key: MessageKey, vars?: Vars) => string;

export const ACTIVITY_ICON: Record<ActivityKind, string> = {
  message: '💬',
  note: '📝',
  order: '🛒',
  action: '⚡',
  merge: '🔗',
  unmerge: '✂️',
  consent: '✅',
  survey: '⭐',
  exit: '🚪',
  call: '📞',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

// The next page after the ones shown; an item already there (a reload raced a page) is not repeated.
export function appendActivity(shown: readonly ActivityItem[], page: ActivityPage): ActivityItem[] {
  const seen = new Set(shown.map((i) => `${i.kind}:${i.id}`));
  return [...shown, ...page.items.filter((i) => !seen.has(`${i.kind}:${i.id}`))];
}

// A message that arrives live, shaped as the activity API lists it (texts cut at 1,000 characters as there).
export const messageActivity = (m: Message, c: Conversation): ActivityItem => ({
  kind: 'message',
  id: m.id,
  at: m.createdAt,
  actor: { type: m.authorType, id: m.authorId },
  data: { conversationId: c.id, channel: c.channel, direction: m.direction, text: m.text.slice(0, 1000) },
});

// Put on top of what is shown, once: the same message can come live and with a reload.
export function prependActivity(shown: readonly ActivityItem[], item: ActivityItem): ActivityItem[] {
  if (shown.some((i) => i.kind === item.kind && i.id === item.id)) return [...shown];
  return [item, ...shown];
}

// Messages, notes, calls and survey answers belong to a conversation the item links to.
const IN_CONVERSATION: ReadonlySet<ActivityItem['kind']> = new Set(['message', 'note', 'call', 'survey']);
export const conversationOf = (item: ActivityItem): string | null => (IN_CONVERSATION.has(item.kind) ? str(item.data.conversationId) : null);

// A merge or its undo names two customers: the other one is worth a link.
export function otherCustomerOf(item: ActivityItem, customerId: string): string | null {
  if (item.kind !== 'merge' && item.kind !== 'unmerge') return null;
  const survivor = str(item.data.survivorId);
  const absorbed = str(item.data.absorbedId);
  return survivor === customerId ? absorbed : survivor;
}

export const channelOf = (item: ActivityItem): string | null => (item.kind === 'message' || item.kind === 'note' ? str(item.data.channel) : null);

// What the customer said or the note says, or the order's own description.
export const excerptOf = (item: ActivityItem): string | null => str(item.data.text) ?? (item.kind === 'order' ? str(item.data.description) : null);

const REACTION_ACTIONS = new Set(['offer_discount', 'offer_compensation', 'personal_call', 'escalate', 'apology', 'follow_up', 'gift', 'article']);

function actionTitle(kind: string, t: T): string {
  const action = kind.startsWith('action.') ? kind.slice('action.'.length) : null;
  if (action && REACTION_ACTIONS.has(action)) return t('reaction.timeline.accepted', { action: t(`reaction.action.${action}` as MessageKey) });
  if (kind === 'follow_up.done') return t('reaction.timeline.followUpDone');
  return t('profile.activity.action', { kind });
}

function surveyTitle(d: Record<string, unknown>, t: T): string {
  const scores = typeof d.scores === 'object' && d.scores !== null ? (d.scores as Record<string, unknown>) : {};
  const figures = ['csat', 'nps', 'ces'].filter((k) => typeof scores[k] === 'number').map((k) => `${k.toUpperCase()} ${String(scores[k])}`);
  return figures.length ? t('profile.activity.surveyScores', { scores: figures.join(' · ') }) : t('profile.activity.survey');
}

// "Video call from the customer · Answered · Duration 2:05"
function callTitle(d: Record<string, unknown>, t: T): string {
  const media = t(d.media === 'video' ? 'calls.video' : 'calls.voice');
  const status = str(d.status);
  const outcome = status === 'ended' ? (d.answeredAt ? 'answered' : 'missed') : status === 'ringing' || status === 'active' || status === 'missed' || status === 'declined' || status === 'failed' ? status : null;
  const parts = [t(d.direction === 'outbound' ? 'calls.timeline.outbound' : 'calls.timeline.inbound', { media })];
  if (outcome) parts.push(t(`calls.outcome.${outcome}`));
  if (typeof d.durationSeconds === 'number') parts.push(t('calls.duration', { duration: formatDuration(d.durationSeconds) }));
  return parts.join(' · ');
}

export const consentPurposeKey = (purpose: ConsentPurpose): MessageKey => (purpose === 'marketing' ? 'profile.consent.marketing' : 'profile.consent.surveys');

// One line that says what happened, in the employee's language.
export function activityTitle(item: ActivityItem, customerId: string, t: T, lang: Language): string {
  const d = item.data;
  switch (item.kind) {
    case 'message':
      return t(d.direction === 'outbound' ? 'profile.activity.outbound' : 'profile.activity.inbound');
    case 'note':
      return t('profile.activity.note');
    case 'order': {
      const amount = formatMoney(typeof d.amount === 'number' ? d.amount : 0, str(d.currency) ?? 'EUR', lang);
      return d.kind === 'refund' ? t('profile.activity.refund', { amount }) : d.kind === 'event' ? t('profile.activity.event') : t('profile.activity.purchase', { amount });
    }
    case 'action':
      return actionTitle(str(d.kind) ?? '', t);
    case 'merge':
      return t(d.absorbedId === customerId ? 'profile.activity.mergedAway' : 'profile.activity.mergedIn');
    case 'unmerge':
      return t('profile.activity.unmerge');
    case 'consent': {
      const purpose = t(consentPurposeKey(d.purpose === 'surveys' ? 'surveys' : 'marketing')).toLocaleLowerCase(lang);
      return t(d.granted === true ? 'profile.activity.consentGranted' : 'profile.activity.consentWithdrawn', { purpose });
    }
    case 'survey':
      return surveyTitle(d, t);
    case 'exit':
      return t('profile.activity.exit');
    case 'call':
      return callTitle(d, t);
    default:
      // A kind this version does not know yet still reads as something.
      return t('profile.activity.action', { kind: item.kind });
  }
}

export type ConsentEntry = { id: string; purpose: ConsentPurpose; granted: boolean; source: string | null; at: string; actor: ActivityItem['actor'] };

// The consent decisions among the activity loaded so far, newest first as the activity is.
export function consentEntries(items: readonly ActivityItem[]): ConsentEntry[] {
  return items
    .filter((i) => i.kind === 'consent')
    .map((i) => ({ id: i.id, purpose: i.data.purpose === 'surveys' ? 'surveys' : 'marketing', granted: i.data.granted === true, source: str(i.data.source), at: i.at, actor: i.actor }));
}
