import type { Db } from '../../platform/db/database.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import type { EmployeePrincipal } from '../../platform/http/principal.ts';

// An employee seen within this window counts as online (for routing).
export const ONLINE_WINDOW_MS = 5 * 60_000;
// Writes employees.last_seen_at at most once a minute per employee, so requests stay read-only.
const TOUCH_EVERY_MS = 60_000;

// Presence from activity: every authenticated request of an employee's session (the web app's
// calls, its WebSocket connection and the pings it sends on it) marks them as seen.
export function createPresenceTracker(db: Db) {
  const touched = new Map<string, number>();
  return async (principal: EmployeePrincipal | null): Promise<EmployeePrincipal | null> => {
    const id = principal?.employeeId;
    if (!principal || !id) return principal;
    const now = Date.now();
    if (now - (touched.get(id) ?? 0) < TOUCH_EVERY_MS) return principal;
    touched.set(id, now);
    await tenantScope(db, principal.workspaceId).updateTable('employees').set({ last_seen_at: new Date(now) }).where('id', '=', id).execute();
    return principal;
  };
}
