import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { ChannelMessageStatus, DeliveryStatus } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { appendStreamEvents, workspaceStream } from '../../platform/realtime/stream-log.ts';
import type { StatusUpdate } from './channel.types.ts';

// Receipts arrive out of order (WhatsApp may even skip "delivered"): a status only moves forward;
// "failed" may follow an accepted send (WhatsApp reports some failures later), never a delivery.
const RANK: Record<ChannelMessageStatus, number> = { received: 0, queued: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

type Changed = { message_id: string | null; conversation_id: string; status: ChannelMessageStatus; error: string | null };

// Mirrors a channel message's state on the message itself and tells the employees' screens.
export async function publishDelivery(ctx: AppContext, scope: TenantScope, rows: Changed[]): Promise<void> {
  const withMessage = rows.filter((r): r is Changed & { message_id: string } => r.message_id !== null && r.status !== 'received');
  if (!withMessage.length) return;
  const events = await scope.transaction(async (trx) => {
    for (const r of withMessage) {
      await trx
        .updateTable('messages')
        .set({ delivery_status: r.status as DeliveryStatus, delivery_error: r.error })
        .where('id', '=', r.message_id)
        .execute();
    }
    return appendStreamEvents(
      trx.db,
      scope.workspaceId,
      withMessage.map((r) => ({
        stream: workspaceStream(scope.workspaceId),
        type: 'message.delivery',
        data: { messageId: r.message_id, conversationId: r.conversation_id, delivery: { status: r.status, error: r.error } },
      })),
    );
  });
  ctx.bus.publish('stream.appended', { workspaceId: scope.workspaceId, events });
}

export async function setDeliveryState(
  ctx: AppContext,
  scope: TenantScope,
  id: string,
  patch: { status: ChannelMessageStatus; error?: string | null; externalId?: string; nextAttemptAt?: Date | null },
): Promise<void> {
  const row = await scope
    .updateTable('channel_messages')
    .set({
      status: patch.status,
      error: patch.error ?? null,
      ...(patch.externalId !== undefined ? { external_id: patch.externalId } : {}),
      ...(patch.nextAttemptAt !== undefined ? { next_attempt_at: patch.nextAttemptAt } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returning(['message_id', 'conversation_id', 'status', 'error'])
    .executeTakeFirst();
  if (row) await publishDelivery(ctx, scope, [row]);
}

// A receipt from the network: by message id, or (Messenger reads) everything sent before a watermark.
export async function applyStatus(ctx: AppContext, scope: TenantScope, channelId: string, update: StatusUpdate): Promise<number> {
  const progress: ChannelMessageStatus[] = ['queued', 'sent', 'delivered'];
  const lower = update.status === 'failed' ? (['queued', 'sent'] as ChannelMessageStatus[]) : progress.filter((s) => RANK[s] < RANK[update.status]);
  if (!lower.length) return 0;
  let q = scope
    .updateTable('channel_messages')
    .set({ status: update.status, error: update.status === 'failed' ? (update.error ?? 'The network reported the message as failed') : null, updated_at: new Date() })
    .where('channel_id', '=', channelId)
    .where('direction', '=', 'outbound')
    .where('status', 'in', lower);
  if (update.externalId) q = q.where('external_id', '=', update.externalId);
  else if (update.watermark) q = q.where('peer', '=', update.watermark.peer).where('created_at', '<=', update.watermark.before);
  else return 0;
  const rows = await q.returning(['message_id', 'conversation_id', 'status', 'error']).execute();
  await publishDelivery(ctx, scope, rows);
  return rows.length;
}

// The latest customer message through a channel from one peer (WhatsApp's 24-hour window).
export async function lastInboundAt(scope: TenantScope, channelId: string, peer: string): Promise<Date | null> {
  const row = await scope
    .selectFrom('channel_messages')
    .select(sql<Date>`max(created_at)`.as('at'))
    .where('channel_id', '=', channelId)
    .where('peer', '=', peer)
    .where('direction', '=', 'inbound')
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}
