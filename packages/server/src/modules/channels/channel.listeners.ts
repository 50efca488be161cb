import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { isChannelKind } from './channel-adapters.ts';
import { enqueueReply } from './channel-outbound.service.ts';
import type { ChannelRuntime } from './channel-runtime.ts';
import { SELF_SENT_KEY_PREFIX } from './channel.types.ts';


// An employee's (or automation's) reply in a conversation held on a channel leaves through it.
export function registerChannelListeners(ctx: AppContext, runtime: ChannelRuntime): void {
  ctx.bus.subscribe('message.sent', async (e) => {
    if (e.direction !== 'outbound' || !isChannelKind(e.channel)) return;
    const scope = tenantScope(ctx.db, e.workspaceId);
    const message = await scope.selectFrom('messages').select('idempotency_key').where('id', '=', e.messageId).executeTakeFirst();
    if (!message || message.idempotency_key?.startsWith(SELF_SENT_KEY_PREFIX)) return;
    const outcome = await enqueueReply(ctx, scope, { conversationId: e.conversationId, messageId: e.messageId });
    if (outcome === 'queued') runtime.kick();
  });
}
