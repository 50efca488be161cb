import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { submitOnEnter } from './compose-keys.ts';

// Internal notes: visually distinct from replies and never sent to the customer.
export function NoteComposer({ conversationId, onAdd }: { conversationId: string; onAdd: (text: string) => Promise<void> }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function add() {
    if (busy || !text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await onAdd(text.trim());
      setText('');
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void add();
  }

  const inputId = `note-${conversationId}`;
  return (
    <form className="composer note-composer" onSubmit={submit}>
      <label htmlFor={inputId} className="composer-label">
        {t('compose.note')}
      </label>
      <div className="note-row">
        <textarea
          id={inputId}
          data-testid="note-input"
          rows={1}
          value={text}
          placeholder={t('compose.notePlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => submitOnEnter(e, () => void add())}
        />
        <button type="submit" className="button note-button" data-testid="note-send" disabled={busy || !text.trim()}>
          {t('compose.addNote')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
