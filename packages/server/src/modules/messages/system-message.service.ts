import type { AppContext } from '../../platform/context.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { appendStreamEvents, conversationStream, workspaceStream, type StreamEvent } from '../../platform/realtime/stream-log.ts';
import { toConversationView } from '../conversations/conversation.service.ts';
import { toCustomerView, toMessageView, type MessageView } from './message.view.ts';

export type PostedSystemMessage = { message: MessageView; customerId: string; channel: string; events: StreamEvent[] };

// An automatic message (author_type 'system', shown as automatic, never under a person's name),
// written in the caller's transaction. Only the conversation's times move: it neither reopens nor
// resolves anything. null when the key was already used (the message exists).
export async function postSystemMessage(trx: TenantScope, input: { conversationId: string; text: string; idempotencyKey: string }): Promise<PostedSystemMessage | null> {
  const row = await trx
    .insertInto('messages', { conversation_id: input.conversationId, direction: 'outbound', author_type: 'system', author_id: null, text: input.text, idempotency_key: input.idempotencyKey })
    .onConflict((oc) => oc.columns(['conversation_id', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  const conversation = await trx
    .updateTable('conversations')
    .set({ last_message_at: row.created_at, updated_at: row.created_at })
    .where('id', '=', input.conversationId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const message = toMessageView(row, null);
  const events = await appendStreamEvents(trx.db, trx.workspaceId, [
    { stream: conversationStream(input.conversationId), type: 'message.created', data: { message: toCustomerView(message) } },
    { stream: workspaceStream(trx.workspaceId), type: 'message.created', data: { message, conversation: toConversationView(conversation) } },
  ]);
  return { message, customerId: conversation.customer_id, channel: conversation.channel, events };
}

// After the commit: live events, and message.sent so channel adapters deliver it on their network.
export function announceSystemMessage(ctx: AppContext, workspaceId: string, posted: PostedSystemMessage): void {
  ctx.bus.publish('stream.appended', { workspaceId, events: posted.events });
  ctx.bus.publish('message.sent', {
    workspaceId,
    conversationId: posted.message.conversationId,
    customerId: posted.customerId,
    messageId: posted.message.id,
    direction: 'outbound',
    authorType: 'system',
    authorId: null,
    text: posted.message.text,
    channel: posted.channel,
    emotion: null,
    createdAt: posted.message.createdAt,
  });
}
