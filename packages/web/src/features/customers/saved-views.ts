import type { CustomerFilters } from './customer-filters.ts';

// A named search plus filters of the customers list. Kept in the browser's localStorage, one list per
// employee: there is no server endpoint for views yet, so they do not follow the employee to another browser.
export type SavedView = CustomerFilters & { name: string };

type ViewStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const viewsKey = (employeeId: string) => `vinculo.customerViews.${employeeId}`;

const isView = (v: unknown): v is SavedView => {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.name === 'string' &&
    typeof o.q === 'string' &&
    typeof o.language === 'string' &&
    (o.createdWithinDays === null || (typeof o.createdWithinDays === 'number' && o.createdWithinDays > 0))
  );
};

// Whatever another version of the app (or a hand edit) left there, only well-formed views come back.
export function readViews(storage: ViewStorage, employeeId: string): SavedView[] {
  try {
    const raw: unknown = JSON.parse(storage.getItem(viewsKey(employeeId)) ?? '[]');
    return Array.isArray(raw) ? raw.filter(isView) : [];
  } catch {
    return [];
  }
}

export function writeViews(storage: ViewStorage, employeeId: string, views: readonly SavedView[]): void {
  try {
    storage.setItem(viewsKey(employeeId), JSON.stringify(views));
  } catch {
    // Storage full or disabled: the views last until the page is closed.
  }
}

// Saving under an existing name replaces that view (names compare without case or surrounding spaces).
export function withView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const name = view.name.trim();
  const same = (v: SavedView) => v.name.trim().toLocaleLowerCase() === name.toLocaleLowerCase();
  const next = { ...view, name };
  return views.some(same) ? views.map((v) => (same(v) ? next : v)) : [...views, next].sort((a, b) => a.name.localeCompare(b.name));
}

export const withoutView = (views: readonly SavedView[], name: string): SavedView[] => views.filter((v) => v.name !== name);
