import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { expiredRinging, ringTimedOut } from './call.service.ts';

export type CallRinger = { sweep: () => Promise<{ advanced: number } | undefined>; stop: () => void };

// Each ringing turn has a timer in the process that rang it; the sweep catches turns whose timer was
// lost (a restart, another process), so no call rings forever.
export function registerCallListeners(ctx: AppContext): CallRinger {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const fire = (workspaceId: string, id: string, deadline: string) =>
    ringTimedOut(ctx, tenantScope(ctx.db, workspaceId), id, deadline).catch((err: unknown) => ctx.log.error({ err, callId: id }, 'call ring timeout failed'));

  const unsubscribe = ctx.bus.subscribe('call.updated', ({ workspaceId, call }) => {
    clearTimeout(timers.get(call.id));
    timers.delete(call.id);
    if (call.status !== 'ringing' || !call.ringDeadline) return;
    const deadline = call.ringDeadline;
    const timer = setTimeout(() => {
      timers.delete(call.id);
      void fire(workspaceId, call.id, deadline);
    }, Math.max(0, Date.parse(deadline) - Date.now()) + 20);
    timer.unref();
    timers.set(call.id, timer);
  });

  return {
    async sweep() {
      const due = await expiredRinging(ctx.db);
      for (const c of due) if (c.ring_deadline) await fire(c.workspace_id, c.id, c.ring_deadline.toISOString());
      return due.length ? { advanced: due.length } : undefined;
    },
    stop() {
      unsubscribe();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
