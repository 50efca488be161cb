import { sql, type Selectable } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { ChannelMessagesTable } from '../../platform/db/database.types.ts';
import { tenantScope, type TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { getConversation } from '../conversations/conversation.service.ts';
import { isChannelKind, type Adapters } from './channel-adapters.ts';
import { lastInboundAt, publishDelivery, setDeliveryState } from './channel-delivery.service.ts';
import { recordChannelError, toChannelConfig, type ChannelRow } from './channel.service.ts';
import { SELF_SENT_KEY_PREFIX, SendError, type ChannelKind, type OutboundFile, type OutboundMessage } from './channel.types.ts';
import { signedFileUrl } from './channel-files.ts';
import { readAll } from './channel-media.ts';
import { newMessageId } from './email/email.adapter.ts';
import { WHATSAPP_WINDOW_MS, WINDOW_CLOSED_REASON } from './whatsapp/whatsapp.adapter.ts';

type QueuedRow = Selectable<ChannelMessagesTable>;
export type Template = NonNullable<OutboundMessage['template']>;

// The customer identity channel that addresses a customer on each network.
const IDENTITY_CHANNEL: Record<ChannelKind, string> = { email: 'email', whatsapp: 'whatsapp', telegram: 'telegram', messenger: 'facebook', instagram: 'instagram', sms: 'sms' };

// Where a reply goes: back the way the customer last came, else the workspace's channel of the
// conversation's kind and the customer's identity there.
export async function routeOf(scope: TenantScope, conversationId: string): Promise<{ channel: ChannelRow; peer: string } | null> {
  const last = await scope
    .selectFrom('channel_messages')
    .innerJoin('channels', 'channels.id', 'channel_messages.channel_id')
    .selectAll('channels')
    .select('channel_messages.peer')
    .where('channel_messages.conversation_id', '=', conversationId)
    .where('channels.active', '=', true)
    .orderBy('channel_messages.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last) {
    const { peer, ...channel } = last;
    // An erased customer's address is gone: there is nobody to send to.
    return peer ? { channel, peer } : null;
  }
  const conversation = await getConversation(scope, conversationId);
  if (!isChannelKind(conversation.channel)) return null;
  const channel = await scope.selectFrom('channels').selectAll().where('kind', '=', conversation.channel).where('active', '=', true).orderBy('created_at').limit(1).executeTakeFirst();
  if (!channel) return null;
  const identity = await scope
    .selectFrom('customer_identities')
    .select('external_id')
    .where('customer_id', '=', conversation.customer_id)
    .where('channel', 'in', channel.kind === 'sms' ? ['sms', 'phone'] : [IDENTITY_CHANNEL[channel.kind]])
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return identity ? { channel, peer: identity.external_id } : null;
}

// WhatsApp's customer-service window; null when a free-form reply may go out now.
export async function whatsappWindowProblem(scope: TenantScope, channelId: string, peer: string): Promise<{ reason: string; lastInboundAt: string | null } | null> {
  const last = await lastInboundAt(scope, channelId, peer);
  if (last && Date.now() - last.getTime() < WHATSAPP_WINDOW_MS) return null;
  return { reason: WINDOW_CLOSED_REASON, lastInboundAt: last?.toISOString() ?? null };
}

// Puts an employee's reply on the channel's durable queue (the interval job and kick() send it).
export async function enqueueReply(ctx: AppContext, scope: TenantScope, input: { conversationId: string; messageId: string; template?: Template }): Promise<'queued' | 'failed' | 'not_a_channel'> {
  const conversation = await getConversation(scope, input.conversationId);
  if (!isChannelKind(conversation.channel)) return 'not_a_channel';
  const route = await routeOf(scope, input.conversationId);
  if (!route) {
    await publishDelivery(ctx, scope, [{ message_id: input.messageId, conversation_id: input.conversationId, status: 'failed', error: `No active ${conversation.channel} channel or no ${conversation.channel} address for this customer` }]);
    return 'failed';
  }
  const { channel, peer } = route;
  const closed = channel.kind === 'whatsapp' && !input.template ? await whatsappWindowProblem(scope, channel.id, peer) : null;
  const row = await scope
    .insertInto('channel_messages', {
      channel_id: channel.id,
      conversation_id: input.conversationId,
      message_id: input.messageId,
      direction: 'outbound',
      external_id: channel.kind === 'email' ? newMessageId(toChannelConfig(ctx, channel)) : null,
      peer,
      status: closed ? 'failed' : 'queued',
      error: closed?.reason ?? null,
      next_attempt_at: closed ? null : new Date(),
      original: input.template ? JSON.stringify({ template: input.template }) : null,
      updated_at: new Date(),
    })
    .returning(['message_id', 'conversation_id', 'status', 'error'])
    .executeTakeFirstOrThrow();
  await publishDelivery(ctx, scope, [row]);
  return closed ? 'failed' : 'queued';
}

async function outboundOf(ctx: AppContext, scope: TenantScope, row: QueuedRow, kind: ChannelKind): Promise<OutboundMessage> {
  const message = await scope.selectFrom('messages').select(['text', 'attachments']).where('id', '=', row.message_id!).executeTakeFirstOrThrow();
  const stored = message.attachments.length
    ? await scope.selectFrom('attachments').select(['id', 'storage_key', 'file_name', 'content_type']).where('id', 'in', message.attachments.map((a) => a.id)).execute()
    : [];
  const files: OutboundFile[] = [];
  for (const a of stored) files.push({ fileName: a.file_name, contentType: a.content_type, content: await readAll(ctx.storage.get(a.storage_key)), url: signedFileUrl(ctx, scope.workspaceId, a.id) });
  const template = (row.original as { template?: Template } | null)?.template;
  const out: OutboundMessage = { peer: row.peer, text: message.text, files, ...(template ? { template } : {}) };
  if (kind !== 'email') return out;
  const conversation = await getConversation(scope, row.conversation_id);
  // The whole thread, oldest first, so the customer's mail program nests the reply under it.
  const thread = await scope
    .selectFrom('channel_messages')
    .select('external_id')
    .where('conversation_id', '=', row.conversation_id)
    .where('channel_id', '=', row.channel_id)
    .where('id', '<>', row.id)
    .where('external_id', 'is not', null)
    .where('created_at', '<=', row.created_at)
    .orderBy('created_at')
    .execute();
  const refs = thread.map((t) => t.external_id!).slice(-20);
  return { ...out, subject: `Re: ${conversation.subject ?? ''}`.trim(), messageId: row.external_id ?? undefined, threadRefs: refs };
}

async function attempt(ctx: AppContext, adapters: Adapters, row: QueuedRow): Promise<void> {
  const scope = tenantScope(ctx.db, row.workspace_id);
  const { maxAttempts, retryBaseMs } = ctx.config.channels;
  const channel = await scope.selectFrom('channels').selectAll().where('id', '=', row.channel_id).executeTakeFirstOrThrow();
  try {
    if (!channel.active) throw new SendError('The channel is deactivated', false);
    const config = toChannelConfig(ctx, channel);
    const sent = await adapters[channel.kind].send(config, await outboundOf(ctx, scope, row, channel.kind));
    await setDeliveryState(ctx, scope, row.id, { status: 'sent', externalId: sent.externalId, nextAttemptAt: null });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const transient = !(err instanceof SendError) || err.transient;
    if (transient && row.attempts < maxAttempts) {
      // Exponential backoff with jitter: 1, 2, 4, 8… times the base.
      const delay = retryBaseMs * 2 ** (row.attempts - 1) * (0.8 + Math.random() * 0.4);
      await setDeliveryState(ctx, scope, row.id, { status: 'queued', error: `Attempt ${row.attempts} of ${maxAttempts} failed, retrying: ${reason}`, nextAttemptAt: new Date(Date.now() + delay) });
    } else {
      const error = transient ? `Gave up after ${row.attempts} attempts: ${reason}` : reason;
      await setDeliveryState(ctx, scope, row.id, { status: 'failed', error, nextAttemptAt: null });
    }
    await recordChannelError(scope, channel.id, reason);
    ctx.log.warn({ channelId: channel.id, messageId: row.message_id, attempt: row.attempts, transient, err: reason }, 'channel send failed');
  }
}

// Claims due sends across workspaces (a lease, so a crashed process's claims come back) and sends them.
export async function deliverDue(ctx: AppContext, adapters: Adapters, batch = 20): Promise<number> {
  const { rows } = await sql<QueuedRow>`
    update channel_messages set attempts = attempts + 1, next_attempt_at = now() + interval '2 minutes', updated_at = now()
    where id in (
      select id from channel_messages
      where status = 'queued' and next_attempt_at <= now()
      order by next_attempt_at
      limit ${batch}
      for update skip locked
    )
    returning *`.execute(ctx.db);
  for (const row of rows) await attempt(ctx, adapters, row);
  return rows.length;
}

// Before an employee's reply is stored: outside WhatsApp's window it could never be delivered, so
// the employee is told at once (409) instead of finding a failed message later.
export async function assertChannelReplyAllowed(scope: TenantScope, conversationId: string): Promise<void> {
  const conversation = await scope.selectFrom('conversations').select('channel').where('id', '=', conversationId).executeTakeFirst();
  if (conversation?.channel !== 'whatsapp') return;
  const route = await routeOf(scope, conversationId);
  if (route?.channel.kind !== 'whatsapp') return;
  const closed = await whatsappWindowProblem(scope, route.channel.id, route.peer);
  if (closed) throw new AppError('conflict', closed.reason, { reason: 'whatsapp_window_closed', lastInboundAt: closed.lastInboundAt, templateRequired: true });
}

// A reply committed just before the process stopped may never have reached the listener that
// queues it: at start-up, replies of the last day in channel conversations without a delivery
// state are queued now.
export async function queueForgottenReplies(ctx: AppContext, kinds: readonly ChannelKind[]): Promise<number> {
  const { rows } = await sql<{ id: string; conversation_id: string; workspace_id: string }>`
    select m.id, m.conversation_id, m.workspace_id
    from messages m
    join conversations c on c.id = m.conversation_id and c.workspace_id = m.workspace_id
    where m.direction = 'outbound' and m.delivery_status is null
      and m.created_at > now() - interval '1 day'
      and c.channel = any(${kinds as ChannelKind[]}::text[])
      and (m.idempotency_key is null or m.idempotency_key not like ${`${SELF_SENT_KEY_PREFIX}%`})
      and not exists (select 1 from channel_messages cm where cm.message_id = m.id)
    order by m.created_at
    limit 1000`.execute(ctx.db);
  for (const r of rows) await enqueueReply(ctx, tenantScope(ctx.db, r.workspace_id), { conversationId: r.conversation_id, messageId: r.id });
  return rows.length;
}
