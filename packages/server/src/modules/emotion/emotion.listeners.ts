import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import type { MessageEventPayload } from '../../platform/events/domain-events.ts';
import { createWorkspaceQueue } from '../../platform/events/workspace-queue.ts';
import { applyMessagesToMood } from './mood.service.ts';

type Sensed = MessageEventPayload & { emotion: NonNullable<MessageEventPayload['emotion']> };

// The mood follows from each customer message once it is committed; only the customer's own
// messages count, never an employee's reply.
// Batched, not joined to sendMessage's transaction: measured no faster, with more database CPU (docs/benchmarks.md).
export function registerEmotionListeners(ctx: AppContext): void {
  const enqueue = createWorkspaceQueue<Sensed>(
    async (workspaceId, items) => {
      // Stores what each message's own event already showed (see projectMoodBatch): nothing more to send.
      await applyMessagesToMood(
        tenantScope(ctx.db, workspaceId),
        items.map((m) => ({ customerId: m.customerId, messageId: m.messageId, at: new Date(m.createdAt), emotion: m.emotion })),
      );
    },
    { maxBatch: 500 },
  );
  ctx.bus.subscribe('message.received', (m) => (m.emotion ? enqueue({ ...m, emotion: m.emotion }) : undefined));
}
