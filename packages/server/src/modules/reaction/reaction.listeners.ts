import type { AppContext } from '../../platform/context.ts';
import type { MessageEventPayload } from '../../platform/events/domain-events.ts';
import { createWorkspaceQueue } from '../../platform/events/workspace-queue.ts';
import { acknowledgeAfterHours } from './automation.service.ts';
import { proposeForMessages, proposeForSurveyAnswer } from './proposal.service.ts';

// Each customer message, once committed: playbooks may propose something to a person (batched per
// workspace while the previous batch is written), and an automation an admin turned on may
// acknowledge it (labelled automatic).
export function registerReactionListeners(ctx: AppContext): void {
  const propose = createWorkspaceQueue<MessageEventPayload>((workspaceId, messages) => proposeForMessages(ctx, workspaceId, messages).then(() => undefined), { maxBatch: 500 });
  ctx.bus.subscribe('message.received', (m) => propose(m));
  ctx.bus.subscribe('message.received', async (m) => {
    await acknowledgeAfterHours(ctx, m);
  });
  // A low survey score proposes something to a person, like an unhappy message does.
  ctx.bus.subscribe('survey.answered', async (e) => {
    await proposeForSurveyAnswer(ctx, e);
  });
}
