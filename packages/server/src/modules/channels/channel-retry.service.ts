import type { AppContext } from '../../platform/context.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { publishDelivery } from './channel-delivery.service.ts';
import { PARTLY_SENT } from './channel-http.ts';
import { whatsappWindowProblem } from './channel-outbound.service.ts';
import { getChannel } from './channel.service.ts';

// An admin sends a failed reply again (the network is back, a token was fixed): it goes back on the
// queue with a fresh count of attempts. Refused when it could not arrive or would arrive twice.
export async function retryDelivery(ctx: AppContext, scope: TenantScope, channelId: string, messageId: string) {
  const channel = await getChannel(scope, channelId);
  const row = await scope
    .selectFrom('channel_messages')
    .select(['id', 'status', 'error', 'peer', 'original'])
    .where('channel_id', '=', channelId)
    .where('message_id', '=', messageId)
    .where('direction', '=', 'outbound')
    .executeTakeFirst();
  if (!row) throw notFound('Delivery');
  if (row.status !== 'failed') throw new AppError('conflict', `Only a failed send can be retried; this one is ${row.status}`);
  if (!channel.active) throw new AppError('conflict', 'The channel is paused: enable it before retrying');
  if (row.error && PARTLY_SENT.test(row.error)) throw new AppError('conflict', 'Part of this reply already reached the customer: retrying would send it twice. Write a new reply instead');
  if (!row.peer) throw new AppError('conflict', 'The customer was erased: there is nobody to send to');
  const template = (row.original as { template?: unknown } | null)?.template;
  const closed = channel.kind === 'whatsapp' && !template ? await whatsappWindowProblem(scope, channel.id, row.peer) : null;
  if (closed) throw new AppError('conflict', closed.reason, { reason: 'whatsapp_window_closed', lastInboundAt: closed.lastInboundAt, templateRequired: true });
  // Conditional on still being failed: two admins pressing retry queue it once.
  const queued = await scope
    .updateTable('channel_messages')
    .set({ status: 'queued', error: null, attempts: 0, next_attempt_at: new Date(), updated_at: new Date() })
    .where('id', '=', row.id)
    .where('status', '=', 'failed')
    .returning(['message_id', 'conversation_id', 'status', 'error'])
    .execute();
  if (!queued.length) throw new AppError('conflict', 'This send is already being retried');
  await publishDelivery(ctx, scope, queued);
}
