import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { ApiError } from '../../api/http-client.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useMe } from '../auth/session.context.tsx';
import { useCustomer } from '../customer/use-customer.hook.ts';
import { CallItem } from '../calls/call-timeline-item.component.tsx';
import { ConversationSuggestions } from '../reaction/conversation-suggestions.component.tsx';
import { useDirectory } from '../shell/directory.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { ConversationHeader } from './conversation-header.component.tsx';
import { NoteComposer } from './note-composer.component.tsx';
import { ReplyComposer } from './reply-composer.component.tsx';
import { buildTimeline } from './timeline.ts';
import { useChannelState } from './use-channel-state.hook.ts';
import './channel-reply.css';
import { ChannelBlock } from './whatsapp-template.component.tsx';
import { MessageItem, NoteItem } from './timeline-item.component.tsx';
import type { ConversationData } from './use-conversation.hook.ts';

type Props = { conversationId: string; data: ConversationData; customerTyping: boolean };

export function ConversationView({ conversationId, data, customerTyping }: Props) {
  const { t } = useI18n();
  const me = useMe();
  const { employeeName } = useDirectory();
  const { customer } = useCustomer(data.conversation?.customerId ?? null);
  const customerName = customer?.name || customer?.email || t('conversation.customer');
  const timeline = useMemo(() => buildTimeline(data.messages, data.notes, data.calls), [data.messages, data.notes, data.calls]);
  const lastInbound = useMemo(() => data.messages.reduce<string | null>((at, m) => (m.direction === 'inbound' && (!at || m.createdAt > at) ? m.createdAt : at), null), [data.messages]);
  const channel = useChannelState(conversationId, data.conversation?.channel, lastInbound);
  // A reply the channel refuses (WhatsApp's window closed meanwhile) shows why, and the block updates.
  const { sendReply } = data;
  const send = useCallback<typeof sendReply>(
    async (input) => {
      try {
        await sendReply(input);
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) void channel.refresh();
        throw err;
      }
    },
    [sendReply, channel.refresh],
  );
  const logRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);

  // Follow new messages unless the employee has scrolled up to read older ones.
  useLayoutEffect(() => {
    const el = logRef.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [timeline.length, customerTyping]);

  useLayoutEffect(() => {
    stickToBottom.current = true;
  }, [conversationId]);

  if (data.error && !data.conversation) {
    return (
      <div className="conversation-empty" role="alert">
        <p>{t('conversation.notFound')}</p>
        <p className="muted">{errorText(data.error, t)}</p>
      </div>
    );
  }
  if (!data.conversation) return <p className="conversation-empty muted">{t('app.loading')}</p>;

  return (
    <div className="conversation">
      <ConversationHeader conversation={data.conversation} customerName={customerName} onUpdate={data.update} />
      <ConversationSuggestions conversationId={conversationId} />
      <div
        className="timeline"
        ref={logRef}
        tabIndex={0}
        aria-label={t('conversation.history')}
        onScroll={(e) => {
          const el = e.currentTarget;
          stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        }}
      >
        {timeline.length === 0 && !data.loading && <p className="muted pad">{t('conversation.empty')}</p>}
        {/* The live region wraps the list: role="log" on the <ol> itself would take away its list semantics. */}
        <div role="log" aria-live="polite">
          <ol className="timeline-list">
            {timeline.map((entry) =>
              entry.kind === 'message' ? (
                <MessageItem
                  key={entry.item.id}
                  message={entry.item}
                  customerName={customerName}
                  myId={me.employee?.id ?? null}
                  onCorrectEmotion={data.correctEmotion}
                />
              ) : entry.kind === 'call' ? (
                <CallItem key={entry.item.id} call={entry.item} />
              ) : (
                <NoteItem key={entry.item.id} note={entry.item} authorName={employeeName(entry.item.authorId)} />
              ),
            )}
          </ol>
        </div>
        {customerTyping && (
          <p className="typing-indicator" data-testid="typing-indicator" role="status">
            <span className="dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            {customer?.name ? t('conversation.customerTyping', { name: customer.name }) : t('conversation.customerTypingGeneric')}
          </p>
        )}
      </div>
      <div className="composers">
        {channel.state && !channel.state.canReply && <ChannelBlock conversationId={conversationId} state={channel.state} onSent={() => void channel.refresh()} />}
        <ReplyComposer conversationId={conversationId} onSend={send} />
        <NoteComposer conversationId={conversationId} onAdd={data.addNote} />
      </div>
    </div>
  );
}
