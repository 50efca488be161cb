import type { Db } from '../../platform/db/database.ts';
import { tenantScope, type TenantScope } from '../../platform/db/tenant-scope.ts';
import type { VisitorPrincipal } from '../../platform/http/principal.ts';

// A visitor whose widget socket pinged within this window is on the website (an employee may call them).
export const VISITOR_ONLINE_SECONDS = 75;
// The widget pings every 20 s; the customer row is written at most every 30 s.
const TOUCH_EVERY_MS = 30_000;

export function createVisitorPresence(db: Db) {
  const touched = new Map<string, number>();
  return async (p: VisitorPrincipal): Promise<void> => {
    const now = Date.now();
    if (now - (touched.get(p.customerId) ?? 0) < TOUCH_EVERY_MS) return;
    touched.set(p.customerId, now);
    // Forget old entries so the map does not grow with every visitor ever seen.
    if (touched.size > 50_000) for (const [id, at] of touched) if (now - at > TOUCH_EVERY_MS) touched.delete(id);
    await tenantScope(db, p.workspaceId).updateTable('customers').set({ last_seen_at: new Date(now) }).where('id', '=', p.customerId).execute();
  };
}

export async function visitorOnline(scope: TenantScope, customerId: string): Promise<boolean> {
  const row = await scope.selectFrom('customers').select('last_seen_at').where('id', '=', customerId).executeTakeFirst();
  return !!row?.last_seen_at && Date.now() - row.last_seen_at.getTime() < VISITOR_ONLINE_SECONDS * 1000;
}
