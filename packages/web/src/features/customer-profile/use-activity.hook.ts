import { useCallback, useEffect, useRef, useState } from 'react';
import { customerProfileApi } from '../../api/customer-profile-api.ts';
import type { ActivityItem } from '../../api/customer-profile-types.ts';
import { appendActivity } from './activity-items.ts';

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
    return () => {
      generation.current++;
    };
  }, [load]);

  const loadMore = useCallback(() => {
    if (state.nextCursor) load(state.nextCursor);
  }, [load, state.nextCursor]);
  const reload = useCallback(() => load(null), [load]);

  return { ...state, loadMore, reload };
}
