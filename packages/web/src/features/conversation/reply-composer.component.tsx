import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '../../api/http-client.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { useRealtime } from '../shell/realtime.context.tsx';
import { submitOnEnter } from './compose-keys.ts';
import { createTypingNotifier } from './typing-notifier.ts';
import { useAttachments } from './use-attachments.hook.ts';

type Props = {
  conversationId: string;
  onSend: (input: { text: string; attachmentIds: string[]; idempotencyKey: string }) => Promise<void>;
};

export function ReplyComposer({ conversationId, onSend }: Props) {
  const { t } = useI18n();
  const { client } = useRealtime();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A retry after a failure reuses the key, so the server never stores the reply twice.
  const keyRef = useRef<string | null>(null);
  const showError = useCallback((err: unknown) => setError(errorText(err, t)), [t]);
  const files = useAttachments(showError);

  const typing = useMemo(() => createTypingNotifier((on) => client.sendTyping(conversationId, on)), [client, conversationId]);
  useEffect(() => () => typing.stop(), [typing]);

  const canSend = !sending && files.uploading.length === 0 && (text.trim().length > 0 || files.ready.length > 0);

  async function send() {
    if (!canSend) return;
    setSending(true);
    setError(null);
    typing.stop();
    keyRef.current ??= newIdempotencyKey();
    try {
      await onSend({ text: text.trim(), attachmentIds: files.ready.map((a) => a.id), idempotencyKey: keyRef.current });
      keyRef.current = null;
      setText('');
      files.clear();
    } catch (err) {
      showError(err);
    } finally {
      setSending(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void send();
  }

  const inputId = `reply-${conversationId}`;
  return (
    <form className="composer reply" onSubmit={submit}>
      <label htmlFor={inputId} className="composer-label">
        {t('compose.reply')}
      </label>
      <textarea
        id={inputId}
        data-testid="reply-input"
        rows={3}
        value={text}
        placeholder={t('compose.replyPlaceholder')}
        onChange={(e) => {
          setText(e.target.value);
          keyRef.current = null;
          if (e.target.value.trim()) typing.input();
          else typing.stop();
        }}
        onKeyDown={(e) => submitOnEnter(e, () => void send())}
        onBlur={() => typing.stop()}
      />
      {(files.ready.length > 0 || files.uploading.length > 0) && (
        <ul className="chips" aria-label={t('compose.attachments')}>
          {files.ready.map((a) => (
            <li key={a.id} className="chip">
              <span>{a.fileName}</span>
              <button type="button" className="chip-remove" aria-label={t('compose.removeAttachment', { name: a.fileName })} onClick={() => files.remove(a.id)}>
                ×
              </button>
            </li>
          ))}
          {files.uploading.map((u) => (
            <li key={u.key} className="chip muted" role="status">
              {t('compose.uploading', { name: u.name })}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="composer-actions">
        <label className="button ghost attach">
          <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <path d="M21 11.5l-8.5 8.5a5 5 0 01-7-7l9-9a3.5 3.5 0 015 5l-9 9a2 2 0 01-3-3l8-8" />
          </svg>
          {t('compose.attach')}
          <input
            type="file"
            multiple
            className="visually-hidden"
            data-testid="reply-attach"
            onChange={(e) => {
              void files.add(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        <button type="submit" className="button primary" data-testid="reply-send" disabled={!canSend}>
          {sending ? t('compose.sending') : t('compose.send')}
        </button>
      </div>
    </form>
  );
}
