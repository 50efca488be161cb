import type { Conversation, CustomerSummary, Mood } from '../../api/api.types.ts';
import { formatRelative } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { MoodIndicator } from '../emotion/mood-indicator.component.tsx';
import { channelLabel } from '../channels/channel-kinds.ts';
import { Link } from '../shell/link.component.tsx';

type Props = {
  conversation: Conversation;
  customer: CustomerSummary | null;
  mood: Mood | null;
  active: boolean;
  typing: boolean;
  now: number;
};

export function InboxItem({ conversation: c, customer, mood, active, typing, now }: Props) {
  const { t, lang } = useI18n();
  const unread = c.unreadCount ?? 0;
  const name = customer?.name || customer?.email || t('inbox.unknownCustomer');
  const last = c.lastMessage;
  const preview = typing
    ? t('inbox.typing')
    : last
      ? `${last.authorType === 'system' ? `${t('reaction.automatic')}: ` : last.direction === 'outbound' ? t('inbox.you') : ''}${last.text || (last.attachmentCount > 0 ? t('inbox.attachment') : '')}`
      : (c.subject ?? t('inbox.noMessages'));
  const when = last?.createdAt ?? c.lastMessageAt ?? c.updatedAt;

  return (
    <li>
      <Link
        href={`/conversations/${c.id}`}
        className={`inbox-item${active ? ' active' : ''}${unread > 0 ? ' unread' : ''}`}
        data-testid="conversation-item"
        data-conversation-id={c.id}
        data-unread={String(unread)}
        aria-current={active ? 'page' : undefined}
      >
        <span className="inbox-item-top">
          <span className="inbox-item-who">
            <span className="inbox-item-name">{name}</span>
            <MoodIndicator mood={mood} emotion={last?.emotion ?? null} />
          </span>
          <time dateTime={when} className="inbox-item-time">
            {formatRelative(when, lang, now)}
          </time>
        </span>
        <span className="inbox-item-bottom">
          <span className={`inbox-item-preview${typing ? ' typing' : ''}`}>{preview}</span>
          {unread > 0 && (
            <span className="badge" aria-label={t('inbox.unreadItem', { count: unread })}>
              {unread}
            </span>
          )}
        </span>
        <span className="inbox-item-meta">
          <span className={`status-pill status-${c.status}`}>{t(`status.${c.status}`)}</span>
          <span className="channel" data-channel={c.channel}>
            {channelLabel(c.channel, t)}
          </span>
        </span>
      </Link>
    </li>
  );
}
