import type { AppContext } from '../../platform/context.ts';
import { createWorkspaceQueue } from '../../platform/events/workspace-queue.ts';
import type { Hub } from '../../platform/realtime/hub.ts';
import { sequenceOutbox } from '../../platform/realtime/stream-outbox.ts';

// The hub learns of committed events only through the bus, so a Redis- or NATS-backed bus
// fans them out to sockets on every node without changing any module.
export function registerRealtimeListeners(ctx: AppContext, hub: Hub): void {
  ctx.bus.subscribe('stream.appended', ({ events }) => hub.publish(events));
  ctx.bus.subscribe('stream.ephemeral', ({ stream, data, originId }) => hub.publishEphemeral(stream, data, originId));
  // Staged events of many messages are numbered together: one lock on the workspace head per batch.
  const sequence = createWorkspaceQueue<{ workspaceId: string; ids: string[] }>(
    async (workspaceId, kicks) => {
      const ids = [...new Set(kicks.flatMap((k) => k.ids))].sort((a, b) => Number(a) - Number(b));
      const events = await sequenceOutbox(ctx.db, workspaceId, ids);
      if (events.length) ctx.bus.publish('stream.appended', { workspaceId, events });
    },
    { maxBatch: 100_000 },
  );
  ctx.bus.subscribe('stream.staged', (e) => sequence(e));
}
