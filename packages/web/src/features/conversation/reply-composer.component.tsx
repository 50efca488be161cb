import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { FilledSnippet, Snippet, SnippetGap } from '../../api/api.types.ts';
import { newIdempotencyKey } from '../../api/http-client.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { CannedWarning } from '../replies/canned-warning.component.tsx';
import { withFirstName } from '../replies/first-name-insert.ts';
import { useDraftInbox, withDraft } from '../reaction/draft-inbox.ts';
import { useReplyGuard } from '../replies/use-reply-guard.hook.ts';
import { errorText } from '../shell/error-text.ts';
import { useRealtime } from '../shell/realtime.context.tsx';
import { SnippetGaps } from '../snippets/snippet-gaps.component.tsx';
import { gapsIn, insertAt } from '../snippets/snippet-gaps.ts';
import { SnippetPicker } from '../snippets/snippet-picker.component.tsx';
import { submitOnEnter } from './compose-keys.ts';
import { createTypingNotifier } from './typing-notifier.ts';
import { useAttachments } from './use-attachments.hook.ts';
import type { ReplyInput } from './use-conversation.hook.ts';

type Props = {
  conversationId: string;
  onSend: (input: ReplyInput) => Promise<void>;
};

export function ReplyComposer({ conversationId, onSend }: Props) {
  const { t, lang } = useI18n();
  const { client } = useRealtime();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The snippet this reply started from; the server counts whether it went out unchanged.
  const [snippet, setSnippet] = useState<{ id: string; title: string } | null>(null);
  // Set by a Send while the reply is canned: the notice stands out and asks for an explicit "Send anyway".
  const [emphasised, setEmphasised] = useState(false);
  // Where the caret goes after the text was changed for the employee (a filled snippet, a name).
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  // A retry after a failure reuses the key, so the server never stores the reply twice.
  const keyRef = useRef<string | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const showError = useCallback((err: unknown) => setError(errorText(err, t)), [t]);
  const files = useAttachments(showError);
  const guard = useReplyGuard(conversationId, text);
  const gaps = useMemo(() => gapsIn(text), [text]);
  const canned = guard.check?.canned ? guard.check : null;
  const noticeId = useId();

  const typing = useMemo(() => createTypingNotifier((on) => client.sendTyping(conversationId, on)), [client, conversationId]);
  useEffect(() => () => typing.stop(), [typing]);

  useLayoutEffect(() => {
    if (!selection) return;
    inputRef.current?.focus();
    inputRef.current?.setSelectionRange(selection.start, selection.end);
    setSelection(null);
  }, [selection]);

  const canSend = !sending && files.uploading.length === 0 && gaps.length === 0 && (text.trim().length > 0 || files.ready.length > 0);

  function edit(next: string, select?: { start: number; end: number }) {
    setText(next);
    keyRef.current = null;
    setEmphasised(false);
    if (!next.trim()) setSnippet(null);
    if (next.trim()) typing.input();
    else typing.stop();
    if (select) setSelection(select);
  }

  // An accepted apology (or gift, article) from a suggestion arrives as a draft to edit and send.
  useDraftInbox(conversationId, (draft) => edit(withDraft(text, draft)));

  const goToGap = (gap: SnippetGap) => setSelection({ start: gap.start, end: gap.end });

  function pick(filled: FilledSnippet, chosen: Snippet) {
    const el = inputRef.current;
    const at = insertAt(text, filled.text, el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length);
    const firstGap = gapsIn(at.text).find((g) => g.start >= at.from);
    const end = at.from + filled.text.length;
    edit(at.text, firstGap ? { start: firstGap.start, end: firstGap.end } : { start: end, end });
    setSnippet({ id: filled.snippetId, title: chosen.title });
  }

  function insertName(name: string) {
    const next = withFirstName(text, name, lang);
    edit(next.text, { start: next.caret, end: next.caret });
  }

  async function send(confirmed = false) {
    if (!canSend) {
      if (gaps[0]) goToGap(gaps[0]);
      return;
    }
    setSending(true);
    setError(null);
    try {
      // Always judged right before sending, so a quick Enter cannot slip past the debounce.
      if (!confirmed && text.trim() && (await guard.checkNow())?.canned) {
        setEmphasised(true);
        return;
      }
      typing.stop();
      keyRef.current ??= newIdempotencyKey();
      await onSend({
        text: text.trim(),
        attachmentIds: files.ready.map((a) => a.id),
        idempotencyKey: keyRef.current,
        ...(snippet ? { snippetId: snippet.id } : {}),
      });
      keyRef.current = null;
      setText('');
      setSnippet(null);
      setEmphasised(false);
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
        ref={inputRef}
        data-testid="reply-input"
        rows={3}
        value={text}
        placeholder={t('compose.replyPlaceholder')}
        aria-describedby={canned || gaps.length ? noticeId : undefined}
        onChange={(e) => edit(e.target.value)}
        onKeyDown={(e) => submitOnEnter(e, () => void send())}
        onBlur={() => typing.stop()}
      />
      {snippet && (
        <p className="snippet-in-use muted small" data-testid="snippet-in-use">
          {t('snippets.inUse', { title: snippet.title })}
        </p>
      )}
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
      {/* Always in the page, so screen readers announce the notices as they appear. */}
      <div className="composer-notices" role="status" id={noticeId}>
        {gaps.length > 0 && <SnippetGaps text={text} gaps={gaps} onGo={goToGap} />}
        {canned && <CannedWarning check={canned} emphasised={emphasised} sending={sending} onUseName={insertName} onSendAnyway={() => void send(true)} />}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="composer-actions">
        <span className="composer-tools">
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
          <SnippetPicker conversationId={conversationId} onPick={pick} />
        </span>
        <button type="submit" className="button primary" data-testid="reply-send" disabled={!canSend} aria-describedby={canned || gaps.length ? noticeId : undefined}>
          {sending ? t('compose.sending') : t('compose.send')}
        </button>
      </div>
    </form>
  );
}
