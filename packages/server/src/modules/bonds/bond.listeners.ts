import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { createWorkspaceQueue } from '../../platform/events/workspace-queue.ts';
import { recomputeBonds } from './bond.service.ts';

type Touched = { workspaceId: string; customerId: string };

// A bond changes whenever its customer writes or is answered: once the message is committed, the
// customer's bonds are rewritten by the same statement as the full recomputation, for every
// customer of the batch at once. Under load the batches pause half a second between them: a bond
// a moment late costs nothing, and planning the statement costs more than running it (measured:
// 2,231 statements in a 500 messages/s run, 2.2 s of planning and 1.3 s of execution).
export function registerBondListeners(ctx: AppContext): void {
  const enqueue = createWorkspaceQueue<Touched>(
    async (workspaceId, items) => {
      await recomputeBonds(tenantScope(ctx.db, workspaceId), [...new Set(items.map((i) => i.customerId))]);
    },
    { maxBatch: 5000, pauseMs: 500 },
  );
  ctx.bus.subscribe('message.received', (m) => enqueue(m));
  ctx.bus.subscribe('message.sent', (m) => (m.authorType === 'employee' ? enqueue(m) : undefined));
  // A merge moves conversations between customers, and an unmerge moves them back.
  for (const type of ['customer.merged', 'customer.unmerged'] as const) {
    ctx.bus.subscribe(type, async (e) => {
      await Promise.all([enqueue({ workspaceId: e.workspaceId, customerId: e.survivorId }), enqueue({ workspaceId: e.workspaceId, customerId: e.absorbedId })]);
    });
  }
}
