import { useId, useState, type FormEvent } from 'react';
import type { Locale, Snippet } from '../../api/api.types.ts';
import { api, ApiError } from '../../api/http-client.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { isLanguage } from '../../i18n/translate.ts';
import { errorText } from '../shell/error-text.ts';
import { PLACEHOLDERS } from './placeholder-label.ts';

type Props = {
  // Editing this snippet; creating a new one without it.
  snippet?: Snippet;
  onSaved: (saved: Snippet) => Promise<void> | void;
  onCancel?: () => void;
};

type Field = 'title' | 'body' | 'locale';

// The server names the field it refuses (`body.body: unknown placeholder {nombre}…`): that field is
// marked invalid and described by the message.
const invalidFields = (err: unknown): ReadonlySet<Field> =>
  new Set(err instanceof ApiError ? err.issues.map((i) => i.path.split('.')[1]).filter((f): f is Field => f === 'title' || f === 'body' || f === 'locale') : []);

export function SnippetForm({ snippet, onSaved, onCancel }: Props) {
  const { t, lang } = useI18n();
  const [title, setTitle] = useState(snippet?.title ?? '');
  const [body, setBody] = useState(snippet?.body ?? '');
  const [locale, setLocale] = useState<Locale>(snippet?.locale ?? lang);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = useId();
  const errorId = `${id}-error`;
  const invalid = invalidFields(error);
  const fieldProps = (f: Field) => (invalid.has(f) ? { 'aria-invalid': true, 'aria-describedby': errorId } : {});

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const input = { title: title.trim(), body, locale };
      const saved = snippet ? await api.patch<Snippet>(`/api/snippets/${snippet.id}`, input) : await api.post<Snippet>('/api/snippets', input);
      await onSaved(saved);
      if (!snippet) {
        setTitle('');
        setBody('');
        setDone(t('snippetsAdmin.created', { title: saved.title }));
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={snippet ? 'snippet-form form-grid' : 'card snippet-form form-grid'} onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={snippet ? 'visually-hidden' : undefined}>
        {snippet ? t('snippetsAdmin.editFor', { title: snippet.title }) : t('snippetsAdmin.new')}
      </h2>
      <label>
        <span>{t('snippetsAdmin.title')}</span>
        <input data-testid="snippet-title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} {...fieldProps('title')} />
      </label>
      <label>
        <span>{t('snippetsAdmin.locale')}</span>
        <select data-testid="snippet-locale" value={locale} onChange={(e) => isLanguage(e.target.value) && setLocale(e.target.value)} {...fieldProps('locale')}>
          <option value="es">{t('lang.es')}</option>
          <option value="en">{t('lang.en')}</option>
        </select>
      </label>
      <label className="span-2">
        <span>{t('snippetsAdmin.body')}</span>
        <textarea data-testid="snippet-body" required rows={4} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} {...fieldProps('body')} />
      </label>
      <p className="span-2 muted small placeholders-help">
        {t('snippetsAdmin.placeholders')}{' '}
        {PLACEHOLDERS.map((p) => (
          <code key={p}>{`{${p}}`}</code>
        ))}
      </p>
      <div className="form-actions">
        <button type="submit" className="button primary" data-testid="snippet-save" disabled={busy}>
          {snippet ? t('admin.save') : t('snippetsAdmin.create')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        )}
      </div>
      {error !== null && (
        <p className="form-error" role="alert" id={errorId} data-testid="snippet-error">
          {errorText(error, t)}
        </p>
      )}
      {done && (
        <p className="form-ok" role="status">
          {done}
        </p>
      )}
    </form>
  );
}
