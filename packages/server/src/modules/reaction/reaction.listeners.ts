import type { AppContext } from '../../platform/context.ts';
import { acknowledgeAfterHours } from './automation.service.ts';
import { proposeForMessage } from './proposal.service.ts';

// Each customer message, once committed: playbooks may propose something to a person, and an
// automation an admin turned on may acknowledge it (labelled automatic).
export function registerReactionListeners(ctx: AppContext): void {
  ctx.bus.subscribe('message.received', async (m) => {
    await proposeForMessage(ctx, m);
  });
  ctx.bus.subscribe('message.received', async (m) => {
    await acknowledgeAfterHours(ctx, m);
  });
}
