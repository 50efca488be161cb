import type { AppContext } from '../../platform/context.ts';
import type { Hub } from '../../platform/realtime/hub.ts';

// The hub learns of committed events only through the bus, so a Redis- or NATS-backed bus
// fans them out to sockets on every node without changing any module.
export function registerRealtimeListeners(ctx: AppContext, hub: Hub): void {
  ctx.bus.subscribe('stream.appended', ({ events }) => hub.publish(events));
  ctx.bus.subscribe('stream.ephemeral', ({ stream, data, originId }) => hub.publishEphemeral(stream, data, originId));
}
