import type { Conversation, Message } from '../../api/api.types.ts';
import type { ActivityItem, ActivityKind, ActivityPage, ConsentPurpose } from '../../api/customer-profile-types.ts';
import type { Language, MessageKey } from '../../i18n/i18n.types.ts';
import type { Vars } from '../../i18n/translate.ts';
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

// Messages and notes belong to a conversation the item links to.
export const conversationOf = (item: ActivityItem): string | null => (item.kind === 'message' || item.kind === 'note' ? str(item.data.conversationId) : null);

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
  }
}

export type ConsentEntry = { id: string; purpose: ConsentPurpose; granted: boolean; source: string | null; at: string; actor: ActivityItem['actor'] };

// The consent decisions among the activity loaded so far, newest first as the activity is.
export function consentEntries(items: readonly ActivityItem[]): ConsentEntry[] {
  return items
    .filter((i) => i.kind === 'consent')
    .map((i) => ({ id: i.id, purpose: i.data.purpose === 'surveys' ? 'surveys' : 'marketing', granted: i.data.granted === true, source: str(i.data.source), at: i.at, actor: i.actor }));
}
