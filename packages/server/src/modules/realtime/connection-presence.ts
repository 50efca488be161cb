import type { AppContext } from '../../platform/context.ts';
import type { Principal } from '../../platform/http/principal.ts';
import type { RealtimeParty } from '../../platform/events/domain-events.ts';

// The person behind a socket; an API token is nobody.
export const personOf = (p: Principal): RealtimeParty | null =>
  p.kind === 'visitor' ? { kind: 'customer', customerId: p.customerId } : p.employeeId ? { kind: 'employee', employeeId: p.employeeId } : null;

// One person in one workspace, whatever their sockets.
export const partyKey = (workspaceId: string, party: RealtimeParty) => `${workspaceId}:${party.kind}:${party.kind === 'customer' ? party.customerId : party.employeeId}`;

// Who has a realtime socket open in this process. `realtime.presence` is published when a person's
// first socket opens and when their last one closes (a second tab, or a reconnect that overlaps the
// old socket, changes nothing), so listeners (modules/calls) react to a person, not to a socket.
export function createConnectionPresence(ctx: Pick<AppContext, 'bus'>) {
  const open = new Map<string, number>();
  return {
    opened(p: Principal): void {
      const party = personOf(p);
      if (!party) return;
      const key = partyKey(p.workspaceId, party);
      const n = (open.get(key) ?? 0) + 1;
      open.set(key, n);
      if (n === 1) ctx.bus.publish('realtime.presence', { workspaceId: p.workspaceId, party, connected: true });
    },
    closed(p: Principal): void {
      const party = personOf(p);
      if (!party) return;
      const key = partyKey(p.workspaceId, party);
      const n = (open.get(key) ?? 0) - 1;
      if (n > 0) return void open.set(key, n);
      open.delete(key);
      ctx.bus.publish('realtime.presence', { workspaceId: p.workspaceId, party, connected: false });
    },
  };
}
