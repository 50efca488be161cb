import { useCallback, useState } from 'react';
import { readViews, withoutView, withView, writeViews, type SavedView } from './saved-views.ts';

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

// The signed-in employee's saved views of the customers list (see saved-views.ts for where they live).
export function useSavedViews(employeeId: string) {
  const [views, setViews] = useState<SavedView[]>(() => {
    const s = storage();
    return s ? readViews(s, employeeId) : [];
  });

  const update = useCallback(
    (next: SavedView[]) => {
      const s = storage();
      if (s) writeViews(s, employeeId, next);
      setViews(next);
    },
    [employeeId],
  );

  const save = useCallback((view: SavedView) => update(withView(views, view)), [update, views]);
  const remove = useCallback((name: string) => update(withoutView(views, name)), [update, views]);
  return { views, save, remove };
}
