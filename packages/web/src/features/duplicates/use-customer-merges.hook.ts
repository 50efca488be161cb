import { useCallback, useEffect, useState } from 'react';
import type { Conversation, Customer, Page } from '../../api/api.types.ts';
import { customerMergeApi } from '../../api/customer-merge-api.ts';
import type { Merge } from '../../api/customer-merge-types.ts';
import { api, query } from '../../api/http-client.ts';

export type CustomerMerges = {
  // Null while loading and when the customer was merged away (the merges then say where it went).
  customer: Customer | null;
  conversations: Conversation[];
  merges: Merge[];
  // Every customer the history names, merged-away ones included, by id.
  people: Map<string, Customer>;
  error: unknown;
  loaded: boolean;
  reload: () => void;
};

// A merged-away customer is not served by GET /api/customers/:id, but the settled proposals
// (merged, or dismissed once the merge is undone) still carry both records.
async function peopleOf(customerId: string, merges: Merge[], known: Customer[]): Promise<Map<string, Customer>> {
  const people = new Map(known.map((c) => [c.id, c]));
  if (!merges.length) return people;
  const settled = await Promise.all((['merged', 'dismissed'] as const).map((status) => customerMergeApi.duplicates({ status, customerId }).catch(() => ({ items: [] }))));
  for (const page of settled) for (const d of page.items) for (const c of d.customers) if (!people.has(c.id)) people.set(c.id, c);
  const missing = [...new Set(merges.flatMap((m) => [m.survivorId, m.absorbedId]))].filter((id) => !people.has(id));
  const found = await Promise.all(missing.map((id) => customerMergeApi.customer(id).catch(() => null)));
  for (const c of found) if (c) people.set(c.id, c);
  return people;
}

export function useCustomerMerges(customerId: string): CustomerMerges {
  const [state, setState] = useState<Omit<CustomerMerges, 'reload'>>({ customer: null, conversations: [], merges: [], people: new Map(), error: null, loaded: false });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    void (async () => {
      const [customer, merges, conversations] = await Promise.all([
        customerMergeApi.customer(customerId).catch((error: unknown) => ({ error })),
        customerMergeApi.merges(customerId).catch((error: unknown) => ({ error })),
        api.get<Page<Conversation>>(`/api/conversations${query({ customerId, limit: 50 })}`).catch(() => ({ items: [] })),
      ]);
      const found = 'error' in customer ? null : customer;
      const history = 'error' in merges ? [] : merges.items;
      const people = await peopleOf(customerId, history, found ? [found] : []);
      if (!live) return;
      // A customer merged away answers 404, but its merges still load: that is not an error to show.
      const error = 'error' in merges ? merges.error : null;
      setState({ customer: found, conversations: conversations.items, merges: history, people, error, loaded: true });
    })();
    return () => {
      live = false;
    };
  }, [customerId, version]);

  return { ...state, reload };
}
