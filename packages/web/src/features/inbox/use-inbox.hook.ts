import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Conversation, Customer, Page } from '../../api/api.types.ts';
import { api } from '../../api/http-client.ts';
import { useMe } from '../auth/session.context.tsx';
import { useRealtime } from '../shell/realtime.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { inboxQuery, type InboxFilters } from './inbox-filters.ts';
import { inboxReducer, initialInbox, missingCustomers, type InboxState } from './inbox.reducer.ts';

export type Inbox = {
  state: InboxState;
  setFilters: (filters: InboxFilters) => void;
  loadMore: () => void;
  reload: () => void;
  markRead: (conversationId: string) => void;
};

const windowFocused = () => document.visibilityState === 'visible' && document.hasFocus();

// The inbox list: loaded over REST for the current filters, then kept live by realtime events.
export function useInbox(activeId: string | null): Inbox {
  const me = useMe();
  const myId = me.employee?.id ?? null;
  const { t } = useI18n();
  const { client } = useRealtime();
  const [state, dispatch] = useReducer(inboxReducer, undefined, () => initialInbox());
  const generation = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;
  const activeRef = useRef(activeId);
  activeRef.current = activeId;
  const requested = useRef(new Set<string>());
  const tRef = useRef(t);
  tRef.current = t;

  const load = useCallback(
    async (filters: InboxFilters, cursor: string | null) => {
      const gen = ++generation.current;
      if (cursor) dispatch({ type: 'loading' });
      try {
        const page = await api.get<Page<Conversation>>(`/api/conversations${inboxQuery(filters, cursor)}`);
        if (gen === generation.current) dispatch({ type: 'loaded', items: page.items, nextCursor: page.nextCursor, append: cursor !== null });
      } catch (err) {
        if (gen === generation.current) dispatch({ type: 'failed', error: errorText(err, tRef.current) });
      }
    },
    [],
  );

  const markRead = useCallback((conversationId: string) => {
    dispatch({ type: 'read', conversationId });
    // Until the server has the endpoint, reading is only local.
    api.post(`/api/conversations/${conversationId}/read`).catch(() => undefined);
  }, []);

  useEffect(() => {
    void load(state.filters, null);
  }, [state.filters, load]);

  useEffect(
    () =>
      client.subscribe({
        event: (event) => {
          const focused = windowFocused();
          dispatch({ type: 'event', event, viewer: { me: myId, activeId: activeRef.current, focused } });
          if (event.type === 'message.created' && event.data.message.direction === 'inbound' && event.data.conversation.id === activeRef.current && focused) {
            markRead(event.data.conversation.id);
          }
        },
        resync: () => void load(stateRef.current.filters, null),
      }),
    [client, myId, load, markRead],
  );

  // Opening a conversation reads it; so does coming back to the window with it open.
  useEffect(() => {
    if (!activeId) return;
    markRead(activeId);
    const onFocus = () => {
      const row = stateRef.current.items.find((c) => c.id === activeRef.current);
      if (row && (row.unreadCount ?? 0) > 0) markRead(row.id);
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [activeId, markRead]);

  // Names for rows that arrived without a customer (realtime events carry only ids).
  useEffect(() => {
    for (const id of missingCustomers(state)) {
      if (requested.current.has(id)) continue;
      requested.current.add(id);
      api
        .get<Customer>(`/api/customers/${id}`)
        .then((c) => dispatch({ type: 'customer', customer: { id: c.id, name: c.name, email: c.email } }))
        .catch(() => requested.current.delete(id));
    }
  }, [state]);

  return {
    state,
    setFilters: useCallback((filters: InboxFilters) => dispatch({ type: 'filters', filters }), []),
    loadMore: useCallback(() => {
      const s = stateRef.current;
      if (s.nextCursor) void load(s.filters, s.nextCursor);
    }, [load]),
    reload: useCallback(() => void load(stateRef.current.filters, null), [load]),
    markRead,
  };
}
