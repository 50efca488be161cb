import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { applyMessageToMood } from './mood.service.ts';

// The mood follows from each customer message once it is committed; only the customer's own
// messages count, never an employee's reply.
export function registerEmotionListeners(ctx: AppContext): void {
  ctx.bus.subscribe('message.received', async (m) => {
    if (!m.emotion) return;
    const update = await applyMessageToMood(tenantScope(ctx.db, m.workspaceId), {
      customerId: m.customerId,
      messageId: m.messageId,
      at: new Date(m.createdAt),
      emotion: m.emotion,
    });
    ctx.bus.publish('stream.appended', { workspaceId: m.workspaceId, events: update.events });
  });
}
