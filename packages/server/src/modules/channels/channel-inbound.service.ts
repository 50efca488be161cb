import { Readable } from 'node:stream';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope, type TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { storeAttachment } from '../attachments/attachment.service.ts';
import { createConversation } from '../conversations/conversation.service.ts';
import { resolveCustomerByIdentity } from '../customers/customer.service.ts';
import { findIdentity } from '../customers/identity.service.ts';
import { sendMessage } from '../messages/message.service.ts';
import { recordChannelInbound } from './channel.service.ts';
import type { ChannelConfig, InboundFile, InboundMessage, MediaRef } from './channel.types.ts';

export type InboundOutcome = { messageId: string; conversationId: string; customerId: string; duplicate: boolean };

const idempotencyKeyOf = (channel: ChannelConfig, externalId: string) => `ch:${channel.id}:${externalId}`;

async function alreadyStored(scope: TenantScope, channel: ChannelConfig, externalId: string) {
  return scope
    .selectFrom('channel_messages')
    .select(['message_id', 'conversation_id'])
    .where('channel_id', '=', channel.id)
    .where('direction', '=', 'inbound')
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

// The conversation a message belongs to: the one its e-mail thread points at, else the customer's
// ongoing one on this channel (a chat is one long conversation), else a new one.
async function conversationFor(ctx: AppContext, scope: TenantScope, channel: ChannelConfig, msg: InboundMessage, customerId: string): Promise<string> {
  if (msg.threadRefs?.length) {
    const threaded = await scope
      .selectFrom('channel_messages')
      .innerJoin('conversations', 'conversations.id', 'channel_messages.conversation_id')
      .select('channel_messages.conversation_id')
      .where('channel_messages.channel_id', '=', channel.id)
      // Both directions, named so the (channel, direction, external id) index answers it.
      .where('channel_messages.direction', 'in', ['inbound', 'outbound'])
      .where('channel_messages.external_id', 'in', msg.threadRefs)
      .where('conversations.customer_id', '=', customerId)
      .orderBy('channel_messages.created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (threaded) return threaded.conversation_id;
  }
  if (channel.kind !== 'email') {
    // The conversation this channel (this number, page, bot) holds with the customer, or one opened
    // from Vínculo on this network that no other channel holds yet.
    const ongoing = await scope
      .selectFrom('conversations')
      .select('conversations.id')
      .where('conversations.customer_id', '=', customerId)
      .where('conversations.channel', '=', channel.kind)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('channel_messages')
              .select('channel_messages.id')
              .whereRef('channel_messages.conversation_id', '=', 'conversations.id')
              .where('channel_messages.channel_id', '<>', channel.id),
          ),
        ),
      )
      .orderBy('conversations.created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (ongoing) return ongoing.id;
  }
  const identity = await findIdentity(scope, msg.identity.channel, msg.identity.externalId);
  // Keyed by the first message, so a redelivery racing the first delivery opens the same one.
  const { conversation } = await createConversation(ctx, scope, { type: 'system', id: null }, {
    customerId,
    channel: channel.kind,
    subject: msg.subject?.slice(0, 300) || null,
    idempotencyKey: idempotencyKeyOf(channel, msg.externalId),
    ...(identity ? { identityId: identity.id } : {}),
  });
  return conversation.id;
}

export type MediaFetcher = (media: MediaRef, maxBytes: number) => Promise<InboundFile>;

async function storeFiles(ctx: AppContext, scope: TenantScope, customerId: string, msg: InboundMessage, fetchMedia: MediaFetcher | undefined) {
  const ids: string[] = [];
  const skipped: string[] = [];
  const files = [...msg.files];
  for (const media of msg.media ?? []) {
    if (!fetchMedia) break;
    try {
      files.push(await fetchMedia(media, ctx.config.maxUploadBytes));
    } catch (err) {
      // The words still count: the message is stored, saying which file could not be had.
      skipped.push(`[${media.fileName}: not fetched, ${err instanceof Error ? err.message : String(err)}]`);
    }
  }
  for (const file of files) {
    if (file.content.length > ctx.config.maxUploadBytes) {
      skipped.push(`[${file.fileName}: ${Math.ceil(file.content.length / 1024)} KB, over the ${Math.floor(ctx.config.maxUploadBytes / 1024)} KB limit, not kept]`);
      continue;
    }
    const ref = await storeAttachment(scope, ctx.storage, { type: 'customer', id: customerId }, { fileName: file.fileName, contentType: file.contentType, data: Readable.from([file.content]) });
    ids.push(ref.id);
  }
  return { ids, skipped };
}

// Stores a customer's message from a channel through the same services as the widget (so mood,
// reactions, bonds and realtime follow) and returns once it is durable. A redelivery stores nothing.
export async function receiveInbound(ctx: AppContext, channel: ChannelConfig, msg: InboundMessage, fetchMedia?: MediaFetcher): Promise<InboundOutcome> {
  const scope = tenantScope(ctx.db, channel.workspaceId);
  const { customer } = await resolveCustomerByIdentity(scope, msg.identity, {
    ...(msg.profile.name ? { name: msg.profile.name.slice(0, 200) } : {}),
    ...(msg.profile.email ? { email: msg.profile.email } : {}),
    ...(msg.profile.phone ? { phone: msg.profile.phone } : {}),
  });
  const seen = await alreadyStored(scope, channel, msg.externalId);
  if (seen?.message_id) return { messageId: seen.message_id, conversationId: seen.conversation_id, customerId: customer.id, duplicate: true };
  const conversationId = await conversationFor(ctx, scope, channel, msg, customer.id);
  const files = await storeFiles(ctx, scope, customer.id, msg, fetchMedia);
  const limit = ctx.config.maxMessageChars;
  let text = [msg.text.trim(), ...files.skipped].filter(Boolean).join('\n');
  if (text.length > limit) text = `${text.slice(0, limit - 1)}…`;
  if (!text && !files.ids.length) text = '[empty message]';
  const sent = await sendMessage(ctx, scope, { type: 'customer', customerId: customer.id }, {
    conversationId,
    text,
    attachmentIds: files.ids,
    idempotencyKey: idempotencyKeyOf(channel, msg.externalId),
  });
  await scope
    .insertInto('channel_messages', {
      channel_id: channel.id,
      conversation_id: conversationId,
      message_id: sent.message.id,
      direction: 'inbound',
      external_id: msg.externalId,
      peer: msg.peer,
      status: 'received',
      original: msg.original ? JSON.stringify(msg.original) : null,
      updated_at: new Date(),
    })
    .onConflict((oc) => oc.columns(['channel_id', 'direction', 'external_id']).doNothing())
    .execute();
  await recordChannelInbound(scope, channel.id);
  return { messageId: sent.message.id, conversationId, customerId: customer.id, duplicate: sent.duplicate };
}

// What the view leaves out of a channel message: the whole e-mail, media references…
export async function originalOf(scope: TenantScope, messageId: string) {
  const row = await scope
    .selectFrom('channel_messages')
    .innerJoin('channels', 'channels.id', 'channel_messages.channel_id')
    .select(['channel_messages.original', 'channel_messages.external_id', 'channel_messages.direction', 'channel_messages.status', 'channel_messages.error', 'channel_messages.attempts', 'channels.kind', 'channels.id as channel_id'])
    .where('channel_messages.message_id', '=', messageId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'That message did not come or go through a channel');
  return {
    channelId: row.channel_id,
    kind: row.kind,
    direction: row.direction,
    externalId: row.external_id,
    status: row.status,
    error: row.error,
    attempts: row.attempts,
    original: row.original,
  };
}
