import { useCallback, useEffect, useState } from 'react';
import type { Snippet } from '../../api/api.types.ts';
import { api } from '../../api/http-client.ts';

// The workspace's snippets, loaded when first needed (the picker opens, the admin screen shows).
export function useSnippets(enabled = true) {
  const [items, setItems] = useState<Snippet[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      const res = await api.get<{ items: Snippet[] }>('/api/snippets');
      setItems(res.items);
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, []);

  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);

  return { items, error, reload };
}
