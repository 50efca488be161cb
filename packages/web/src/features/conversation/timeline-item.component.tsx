import type { EmotionLabel, Message, Note } from '../../api/api.types.ts';
import { formatDateTime, formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { EmotionBadge } from '../emotion/emotion-badge.component.tsx';
import { AttachmentView } from './attachment-view.component.tsx';
import { DeliveryStatus } from './delivery-status.component.tsx';
import { MessageText } from './message-text.component.tsx';

type MessageProps = {
  message: Message;
  customerName: string;
  myId: string | null;
  onCorrectEmotion: (messageId: string, emotion: EmotionLabel) => Promise<void>;
};

export function MessageItem({ message: m, customerName, myId, onCorrectEmotion }: MessageProps) {
  const { t, lang } = useI18n();
  const author =
    m.authorType === 'customer'
      ? customerName
      : m.authorType === 'employee'
        ? m.authorId && m.authorId === myId
          ? t('conversation.you')
          : (m.authorName ?? t('conversation.you'))
        : m.authorType === 'system'
          ? t('reaction.automatic')
          : t('conversation.integration');
  // Automations write as the system, never under a person's name: labelled as automatic.
  const automatic = m.authorType === 'system';
  return (
    <li
      className={`message ${m.direction}${automatic ? ' automatic' : ''}`}
      data-testid="message"
      data-direction={m.direction}
      data-message-id={m.id}
      data-automatic={automatic ? 'true' : undefined}
    >
      <div className="bubble">
        <div className="message-meta">
          <span className={automatic ? 'author automatic-label' : 'author'} title={automatic ? t('reaction.automaticHint') : undefined}>
            {author}
          </span>
          <time dateTime={m.createdAt} title={formatDateTime(m.createdAt, lang)}>
            {formatTime(m.createdAt, lang)}
          </time>
        </div>
        {m.text && <MessageText text={m.text} />}
        {m.attachments?.length > 0 && (
          <div className="attachments">
            {m.attachments.map((a) => (
              <AttachmentView key={a.id} attachment={a} />
            ))}
          </div>
        )}
        {m.direction === 'outbound' && m.delivery && <DeliveryStatus delivery={m.delivery} />}
        {/* Only the customer's own words are read; employees' messages never carry an emotion. */}
        {m.direction === 'inbound' && m.emotion && <EmotionBadge emotion={m.emotion} onCorrect={(emotion) => onCorrectEmotion(m.id, emotion)} />}
      </div>
    </li>
  );
}

export function NoteItem({ note, authorName }: { note: Note; authorName: string | null }) {
  const { t, lang } = useI18n();
  return (
    <li className="note" data-testid="note" data-note-id={note.id}>
      <div className="note-body">
        <div className="message-meta">
          <span className="author">{authorName ? t('conversation.noteBy', { name: authorName }) : t('conversation.note')}</span>
          <time dateTime={note.createdAt} title={formatDateTime(note.createdAt, lang)}>
            {formatTime(note.createdAt, lang)}
          </time>
        </div>
        <MessageText text={note.text} />
      </div>
    </li>
  );
}
