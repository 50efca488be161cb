import { useEffect, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useDirectory } from '../shell/directory.context.tsx';
import { InboxFiltersBar } from './inbox-filters.component.tsx';
import { InboxItem } from './inbox-item.component.tsx';
import { customerOf, moodOf, totalUnread } from './inbox.reducer.ts';
import type { Inbox } from './use-inbox.hook.ts';

// Arrow keys move between rows (Home/End to the ends); Tab still walks them one by one.
function moveFocus(e: KeyboardEvent<HTMLUListElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(e.key)) return;
  const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-testid="conversation-item"]')];
  if (links.length === 0) return;
  const index = links.findIndex((a) => a === document.activeElement);
  const next =
    e.key === 'Home' ? 0 : e.key === 'End' ? links.length - 1 : e.key === 'ArrowDown' ? Math.min(links.length - 1, index + 1) : Math.max(0, index - 1);
  e.preventDefault();
  links[next]?.focus();
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function InboxPanel({ inbox, activeId, typing }: { inbox: Inbox; activeId: string | null; typing: ReadonlySet<string> }) {
  const { t } = useI18n();
  const { teams } = useDirectory();
  const { state } = inbox;
  const now = useNow(30_000);
  const unread = totalUnread(state.items);

  return (
    <nav className="inbox" aria-labelledby="inbox-heading">
      <div className="inbox-head">
        <h2 id="inbox-heading">{t('inbox.title')}</h2>
        <span className="inbox-total" data-testid="unread-total" data-unread={String(unread)} aria-live="polite">
          {unread > 0 ? t('inbox.unreadTotal', { count: unread }) : ''}
        </span>
      </div>
      <InboxFiltersBar filters={state.filters} teams={teams} onChange={inbox.setFilters} />
      {state.error && (
        <div className="form-error" role="alert">
          {state.error}{' '}
          <button type="button" className="button small" onClick={inbox.reload}>
            {t('app.retry')}
          </button>
        </div>
      )}
      <ul className="inbox-list" aria-label={t('inbox.listLabel')} onKeyDown={moveFocus} aria-busy={state.loading}>
        {state.items.map((c) => (
          <InboxItem
            key={c.id}
            conversation={c}
            customer={customerOf(state, c)}
            mood={moodOf(state, c)}
            active={c.id === activeId}
            typing={typing.has(c.id)}
            now={now}
          />
        ))}
      </ul>
      {state.loading && state.items.length === 0 && <p className="muted pad">{t('app.loading')}</p>}
      {!state.loading && !state.error && state.items.length === 0 && <p className="muted pad">{t('inbox.empty')}</p>}
      {state.nextCursor && (
        <button type="button" className="button ghost load-more" onClick={inbox.loadMore} disabled={state.loading}>
          {t('inbox.loadMore')}
        </button>
      )}
    </nav>
  );
}
