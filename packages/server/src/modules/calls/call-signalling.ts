import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { Principal } from '../../platform/http/principal.ts';
import type { Hub, HubClient } from '../../platform/realtime/hub.ts';
import type { CallSignalFrame } from './call.schema.ts';
import { personOf } from '../realtime/connection-presence.ts';
import { authoriseSignalling, type CallParty } from './call.service.ts';

export const callStream = (callId: string) => `call:${callId}`;

export const partyOf = (p: Principal): CallParty => {
  const party = personOf(p);
  if (!party) throw new AppError('forbidden', 'API tokens cannot take part in calls');
  return party;
};

// Offers, answers and ICE candidates travel only on the call's own stream, which a socket joins
// after the call authorises it; they are relayed as they come and never stored.
export function callSignalling(ctx: AppContext, hub: Hub) {
  return {
    async join(client: HubClient, p: Principal, callId: string) {
      await authoriseSignalling(tenantScope(ctx.db, p.workspaceId), partyOf(p), callId);
      await hub.subscribe(client, callStream(callId));
      return { type: 'call.joined', callId };
    },
    relay(client: HubClient, p: Principal, callId: string, signal: CallSignalFrame) {
      if (!client.streams.has(callStream(callId))) throw new AppError('forbidden', 'Join the call before signalling on it');
      const from = p.kind === 'visitor' ? 'customer' : 'employee';
      ctx.bus.publish('stream.ephemeral', { workspaceId: p.workspaceId, stream: callStream(callId), data: { kind: 'call.signal', callId, from, signal }, originId: client.id });
      return null;
    },
  };
}
