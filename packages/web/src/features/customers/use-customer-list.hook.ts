import { useCallback, useEffect, useRef, useState } from 'react';
import type { Customer } from '../../api/api.types.ts';
import { customerDataApi } from '../../api/customer-data-api.ts';

const PAGE = 50;
const DEBOUNCE_MS = 300;

export type CustomerList = {
  items: Customer[];
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
  // The text the rows answer (after the debounce), so the screen never labels old rows with new words.
  searched: string;
  loadMore: () => void;
  reload: () => void;
};

// Newest customers a page at a time, or the server's best matches for a search (one answer, no cursor).
export function useCustomerList(q: string): CustomerList {
  const [searched, setSearched] = useState(q.trim());
  const [items, setItems] = useState<Customer[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  // Answers to an older search arrive late sometimes; only the latest request may write.
  const latest = useRef(0);

  useEffect(() => {
    const next = q.trim();
    if (next === searched) return;
    const timer = setTimeout(() => setSearched(next), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, searched]);

  // One page into the list: replacing it (a new search) or appended to it (load more).
  const fetchPage = useCallback((params: { q?: string; limit: number; cursor?: string }, append: boolean) => {
    const ticket = ++latest.current;
    setLoading(true);
    customerDataApi.list(params).then(
      (page) => {
        if (ticket !== latest.current) return;
        setItems((prev) => (append ? [...prev, ...page.items.filter((c) => !prev.some((p) => p.id === c.id))] : page.items));
        setNextCursor(params.q ? null : page.nextCursor);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (ticket !== latest.current) return;
        setError(err);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    // Rows of the previous search are dropped at once, so they are never shown under the new words.
    setItems([]);
    setNextCursor(null);
    fetchPage(searched ? { q: searched, limit: PAGE } : { limit: PAGE }, false);
  }, [searched, attempt, fetchPage]);

  const loadMore = useCallback(() => {
    if (nextCursor && !searched) fetchPage({ limit: PAGE, cursor: nextCursor }, true);
  }, [nextCursor, searched, fetchPage]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { items, nextCursor, loading, error, searched, loadMore, reload };
}
