import type { Customer } from '../../api/api.types.ts';

// What the customers list is narrowed by. The server only searches by text, so language and age
// are applied in the browser to the rows it returned.
export type CustomerFilters = {
  q: string;
  // '' is any language; otherwise a base language such as 'es', which also matches 'es-MX'.
  language: string;
  createdWithinDays: number | null;
};

export const NO_FILTERS: CustomerFilters = { q: '', language: '', createdWithinDays: null };

const DAY_MS = 86_400_000;

export function matchesFilters(c: Customer, f: CustomerFilters, now: number = Date.now()): boolean {
  if (f.language) {
    const base = (c.locale ?? '').toLowerCase().split('-')[0];
    if (base !== f.language) return false;
  }
  if (f.createdWithinDays !== null && Date.parse(c.createdAt) < now - f.createdWithinDays * DAY_MS) return false;
  return true;
}

export const sameFilters = (a: CustomerFilters, b: CustomerFilters) =>
  a.q.trim() === b.q.trim() && a.language === b.language && a.createdWithinDays === b.createdWithinDays;
