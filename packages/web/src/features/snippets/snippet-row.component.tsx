import { useState } from 'react';
import type { Snippet } from '../../api/api.types.ts';
import { api } from '../../api/http-client.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { SnippetForm } from './snippet-form.component.tsx';

type Props = { snippet: Snippet; onChanged: () => Promise<void> };

// One snippet: read, edit in place, or delete after an inline confirmation (no browser dialog).
export function SnippetRow({ snippet, onChanged }: Props) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setError(null);
    try {
      await api.delete(`/api/snippets/${snippet.id}`);
      await onChanged();
    } catch (err) {
      setError(errorText(err, t));
      setMode('view');
    }
  }

  return (
    <li className="snippet-row" data-testid="snippet-row" data-snippet-id={snippet.id}>
      {mode === 'edit' ? (
        <SnippetForm
          snippet={snippet}
          onCancel={() => setMode('view')}
          onSaved={async () => {
            await onChanged();
            setMode('view');
          }}
        />
      ) : (
        <>
          <div className="snippet-row-head">
            <h3 className="snippet-row-title">
              {snippet.title} <span className="locale-tag">{snippet.locale.toUpperCase()}</span>
            </h3>
            {mode === 'view' ? (
              <span className="snippet-row-actions">
                <button type="button" className="button small" aria-label={t('snippetsAdmin.editFor', { title: snippet.title })} onClick={() => setMode('edit')}>
                  {t('snippetsAdmin.edit')}
                </button>
                <button type="button" className="button small danger" aria-label={t('snippetsAdmin.deleteFor', { title: snippet.title })} onClick={() => setMode('confirm')}>
                  {t('snippetsAdmin.delete')}
                </button>
              </span>
            ) : (
              <span className="snippet-row-actions" role="group" aria-label={t('snippetsAdmin.confirmDelete', { title: snippet.title })}>
                <span className="small">{t('snippetsAdmin.confirmDelete', { title: snippet.title })}</span>
                <button type="button" className="button small danger" data-testid="snippet-delete-confirm" onClick={() => void remove()}>
                  {t('snippetsAdmin.confirmYes')}
                </button>
                <button type="button" className="button small" autoFocus onClick={() => setMode('view')}>
                  {t('admin.cancel')}
                </button>
              </span>
            )}
          </div>
          <p className="snippet-row-body">{snippet.body}</p>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </li>
  );
}
