import { useEffect, useState } from 'react';
import type { Customer } from '../../api/api.types.ts';
import { api } from '../../api/http-client.ts';

// One request per customer per page view, shared by the conversation header and the panel.
const cache = new Map<string, Promise<Customer>>();

export function fetchCustomer(id: string): Promise<Customer> {
  let p = cache.get(id);
  if (!p) {
    p = api.get<Customer>(`/api/customers/${id}`);
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}

export function useCustomer(id: string | null): { customer: Customer | null; error: unknown } {
  const [state, setState] = useState<{ id: string | null; customer: Customer | null; error: unknown }>({ id: null, customer: null, error: null });
  useEffect(() => {
    if (!id) return;
    let live = true;
    fetchCustomer(id).then(
      (customer) => live && setState({ id, customer, error: null }),
      (error: unknown) => live && setState({ id, customer: null, error }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return state.id === id ? { customer: state.customer, error: state.error } : { customer: null, error: null };
}
