import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { WidgetApi } from '../api/widget-api.client.ts';
import type { CallController } from '../calls/call.controller.ts';
import type { CallUiState } from '../calls/call.state.ts';
import type { Strings } from '../i18n/messages.ts';
import { buildThread } from '../state/conversation.store.ts';
import type { WidgetController, WidgetState } from '../state/widget.controller.ts';
import { CallButtons, CallPanel } from './call-panel.tsx';
import { Composer } from './composer.tsx';
import { ContactForm } from './contact-form.tsx';
import { MessageBubble, PendingBubble } from './message-bubble.tsx';
import { StatusLine } from './status-line.tsx';

type Props = { state: WidgetState; controller: WidgetController; api: WidgetApi; t: Strings; call: CallUiState; calls: CallController };

export function Panel({ state, controller, api, t, call, calls }: Props) {
  const thread = useRef<HTMLDivElement>(null);
  const entries = useMemo(() => buildThread(state.messages, state.outbox, state.live), [state.messages, state.outbox, state.live]);
  const settings = state.config?.settings;
  const greeting = settings?.greeting?.[state.locale] || t.defaultGreeting;

  useEffect(() => {
    const el = thread.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries.length, state.employeeTyping]);

  return (
    <div
      id="vinculo-panel"
      class="v-panel"
      role="dialog"
      aria-labelledby="vinculo-title"
      data-testid="vinculo-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          controller.close();
        }
      }}
    >
      <div class="v-header">
        <div class="v-head-text">
          <h2 id="vinculo-title">{state.config?.name || t.title}</h2>
          <StatusLine state={state.connection} t={t} />
        </div>
        <CallButtons state={call} calls={calls} t={t} />
        <button type="button" class="v-close" aria-label={t.closeChat} onClick={() => controller.close()}>
          ×
        </button>
      </div>
      <CallPanel state={call} calls={calls} t={t} />
      <div class="v-thread" ref={thread} aria-live="polite" aria-relevant="additions">
        <div class="v-intro">
          <p>{greeting}</p>
          {settings?.officeHours && (
            <p class="v-hours">
              {t.officeHours}: {settings.officeHours}
            </p>
          )}
          <ContactForm contact={state.contact} onSave={(c) => controller.saveContact(c)} t={t} />
        </div>
        {entries.map((e) =>
          e.kind === 'message' ? (
            <MessageBubble key={e.message.id} message={e.message} api={api} t={t} locale={state.locale} />
          ) : (
            <PendingBubble key={e.item.idempotencyKey} item={e.item} api={api} t={t} onRetry={controller.retry} onRemove={controller.remove} />
          ),
        )}
        {state.employeeTyping && (
          <div class="v-typing" data-testid="vinculo-typing">
            {t.typing}
          </div>
        )}
      </div>
      {state.notice && (
        <div class="v-notice" role="alert">
          {t[state.notice]}
        </div>
      )}
      {state.uploading && <div class="v-notice">{t.uploading}</div>}
      <Composer controller={controller} t={t} />
    </div>
  );
}
