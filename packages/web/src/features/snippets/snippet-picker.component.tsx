import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { FilledSnippet, Snippet } from '../../api/api.types.ts';
import { api } from '../../api/http-client.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { matchSnippets } from './snippet-gaps.ts';
import { useSnippets } from './use-snippets.hook.ts';

type Props = { conversationId: string; onPick: (filled: FilledSnippet, snippet: Snippet) => void };

// A button that opens a searchable list (a combobox: arrows move, Enter picks, Escape closes). The
// chosen snippet is filled for this conversation's customer by the server.
export function SnippetPicker({ conversationId, onPick }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { items, error: loadError } = useSnippets(open);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const shown = useMemo(() => matchSnippets(items ?? [], query), [items, query]);
  const current = Math.min(active, Math.max(0, shown.length - 1));

  function close(refocus: boolean) {
    setOpen(false);
    setQuery('');
    setActive(0);
    setError(null);
    if (refocus) buttonRef.current?.focus();
  }

  async function choose(snippet: Snippet | undefined) {
    if (!snippet || busy) return;
    setBusy(true);
    setError(null);
    try {
      const filled = await api.post<FilledSnippet>(`/api/snippets/${snippet.id}/fill`, { conversationId });
      close(false);
      onPick(filled, snippet);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  function keys(e: KeyboardEvent<HTMLInputElement>) {
    const last = shown.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(current + 1, last), ArrowUp: Math.max(current - 1, 0), Home: 0, End: last };
    if (e.key in moves) {
      e.preventDefault();
      setActive(Math.max(0, moves[e.key] ?? 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void choose(shown[current]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    }
  }

  return (
    <div
      className="snippet-picker"
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget)) close(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button ghost"
        data-testid="snippet-button"
        aria-expanded={open}
        aria-controls={open ? `${id}-popover` : undefined}
        onClick={() => (open ? close(true) : setOpen(true))}
      >
        <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M6 3h9l4 4v14H6zM9 11h7M9 15h7" />
        </svg>
        {t('snippets.button')}
      </button>
      {open && (
        <div className="snippet-popover" id={`${id}-popover`}>
          <label className="snippet-search">
            <span className="visually-hidden">{t('snippets.search')}</span>
            <input
              autoFocus
              type="search"
              role="combobox"
              data-testid="snippet-search"
              placeholder={t('snippets.search')}
              aria-expanded={shown.length > 0}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={shown.length ? optionId(current) : undefined}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
              }}
              onKeyDown={keys}
            />
          </label>
          {items === null && !loadError && <p className="muted small">{t('app.loading')}</p>}
          {items !== null && items.length === 0 && <p className="muted small">{t('snippets.none')}</p>}
          {items !== null && items.length > 0 && shown.length === 0 && <p className="muted small">{t('snippets.empty')}</p>}
          <ul className="plain snippet-options" role="listbox" id={listId} aria-label={t('snippets.list')} hidden={shown.length === 0}>
            {shown.map((s, i) => (
              <li
                key={s.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === current}
                data-testid="snippet-item"
                className={i === current ? 'active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => void choose(s)}
              >
                <span className="snippet-option-title">
                  {s.title} <span className="locale-tag">{s.locale.toUpperCase()}</span>
                </span>
                <span className="snippet-option-body">{s.body}</span>
              </li>
            ))}
          </ul>
          {(error || loadError !== null) && (
            <p className="form-error" role="alert">
              {error ?? errorText(loadError, t)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
