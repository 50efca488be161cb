import type { WidgetApi } from '../api/widget-api.client.ts';
import type { Locale, MessageView } from '../api/widget-api.types.ts';
import type { Strings } from '../i18n/messages.ts';
import type { OutboxItem } from '../state/outbox.store.ts';
import { AttachmentView } from './attachment-view.tsx';

const time = (iso: string, locale: Locale) => new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });

// Message text is always a text node: nothing a customer or an employee writes becomes markup.
export function MessageBubble({ message, api, t, locale }: { message: MessageView; api: WidgetApi; t: Strings; locale: Locale }) {
  const inbound = message.direction === 'inbound';
  return (
    <div class="v-msg" data-testid="vinculo-message" data-direction={message.direction} data-pending="false" data-message-id={message.id}>
      {!inbound && <span class="v-author">{message.authorName || t.agent}</span>}
      {message.attachments.map((a) => (
        <AttachmentView key={a.id} attachment={a} api={api} t={t} />
      ))}
      {message.text}
      <span class="v-meta">{time(message.createdAt, locale)}</span>
    </div>
  );
}

type PendingProps = { item: OutboxItem; api: WidgetApi; t: Strings; onRetry: (key: string) => void; onRemove: (key: string) => void };

export function PendingBubble({ item, api, t, onRetry, onRemove }: PendingProps) {
  return (
    <div class="v-msg" data-testid="vinculo-message" data-direction="inbound" data-pending="true" data-idempotency-key={item.idempotencyKey}>
      {item.attachments.map((a) => (
        <AttachmentView key={a.id} attachment={a} api={api} t={t} />
      ))}
      {item.text}
      {item.failed ? (
        <span class="v-meta">
          <span class="v-failed" title={item.failed}>
            {t.failed}
          </span>
          <button type="button" class="v-link" onClick={() => onRetry(item.idempotencyKey)}>
            {t.retry}
          </button>
          <button type="button" class="v-link" onClick={() => onRemove(item.idempotencyKey)}>
            {t.remove}
          </button>
        </span>
      ) : (
        <span class="v-meta">{t.pending}</span>
      )}
    </div>
  );
}
