import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import type { RealtimeParty } from '../../platform/events/domain-events.ts';
import { partyKey } from '../realtime/connection-presence.ts';
import { abandonedCalls, endForDroppedParty, expiredRinging, liveCallsOf, ringTimedOut, seenSince } from './call.service.ts';

// How long a person whose last realtime socket closed has to come back (a reload, a network blip)
// before the calls they are in end. Tests shorten it.
export const callTimings = { dropGraceMs: 10_000 };

export type CallRinger = { sweep: () => Promise<{ advanced: number; abandoned: number } | undefined>; stop: () => void };

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

  // A party of a call whose tab closed without hanging up (or whose connection dropped for good):
  // after the grace, the calls they are in end and the other side is told. Coming back in time keeps them.
  const drops = new Map<string, ReturnType<typeof setTimeout>>();
  const endDropped = async (workspaceId: string, party: RealtimeParty, droppedAt: Date) => {
    const scope = tenantScope(ctx.db, workspaceId);
    if (await seenSince(scope, party, droppedAt)) return;
    for (const id of await liveCallsOf(scope, party)) await endForDroppedParty(ctx, scope, id, party);
  };
  const unsubscribePresence = ctx.bus.subscribe('realtime.presence', ({ workspaceId, party, connected }) => {
    const key = partyKey(workspaceId, party);
    clearTimeout(drops.get(key));
    drops.delete(key);
    if (connected) return;
    const droppedAt = new Date();
    const timer = setTimeout(() => {
      drops.delete(key);
      endDropped(workspaceId, party, droppedAt).catch((err: unknown) => ctx.log.error({ err, party }, 'ending the calls of a disconnected party failed'));
    }, callTimings.dropGraceMs);
    timer.unref();
    drops.set(key, timer);
  });

  return {
    // Also the safety net for parties lost with a crashed or restarted process (or connected to
    // another one): a live call whose party has not been seen for their online window ends.
    async sweep() {
      const due = await expiredRinging(ctx.db);
      for (const c of due) if (c.ring_deadline) await fire(c.workspace_id, c.id, c.ring_deadline.toISOString());
      const abandoned = await abandonedCalls(ctx.db);
      for (const c of abandoned) await endForDroppedParty(ctx, tenantScope(ctx.db, c.workspace_id), c.id, c.party);
      return due.length || abandoned.length ? { advanced: due.length, abandoned: abandoned.length } : undefined;
    },
    stop() {
      unsubscribe();
      unsubscribePresence();
      for (const t of [...timers.values(), ...drops.values()]) clearTimeout(t);
      timers.clear();
      drops.clear();
    },
  };
}
