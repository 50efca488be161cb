import { useCallback, useEffect, useRef, useState } from 'react';
import { customerProfileApi } from '../../api/customer-profile-api.ts';
import type { ActivityItem } from '../../api/customer-profile-types.ts';
import { useRealtime } from '../shell/realtime.context.tsx';
import { appendActivity, messageActivity, prependActivity } from './activity-items.ts';

const PAGE = 25;

export type Activity = {
  items: ActivityItem[];
  // Null once the last page is shown.
  nextCursor: string | null;
  loaded: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  // From the first page again: after an edit that adds to the activity (consent).
  reload: () => void;
};

export function useActivity(customerId: string): Activity {
  const { client } = useRealtime();
  const [state, setState] = useState<{ items: ActivityItem[]; nextCursor: string | null; loaded: boolean; loading: boolean; error: unknown }>({
    items: [],
    nextCursor: null,
    loaded: false,
    loading: true,
    error: null,
  });
  // Only the newest request may answer: a reload while a page loads must not mix the two.
  const generation = useRef(0);

  const load = useCallback(
    (before: string | null) => {
      const gen = ++generation.current;
      setState((s) => ({ ...s, loading: true, error: null }));
      customerProfileApi.activity(customerId, { limit: PAGE, before }).then(
        (page) =>
          gen === generation.current &&
          setState((s) => ({ items: before ? appendActivity(s.items, page) : page.items, nextCursor: page.nextCursor, loaded: true, loading: false, error: null })),
        (error: unknown) => gen === generation.current && setState((s) => ({ ...s, loaded: true, loading: false, error })),
      );
    },
    [customerId],
  );

  useEffect(() => {
    load(null);
    // The customer's messages come live on top; after a gap in the stream the first page is read again.
    const off = client.subscribe({
      event: (e) => {
        if (e.type !== 'message.created' || e.data.conversation.customerId !== customerId) return;
        const item = messageActivity(e.data.message, e.data.conversation);
        setState((s) => ({ ...s, items: prependActivity(s.items, item) }));
      },
      resync: () => load(null),
    });
    return () => {
      generation.current++;
      off();
    };
  }, [load, client, customerId]);

  const loadMore = useCallback(() => {
    if (state.nextCursor) load(state.nextCursor);
  }, [load, state.nextCursor]);
  const reload = useCallback(() => load(null), [load]);

  return { ...state, loadMore, reload };
}
