import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { ConversationStatus } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { Cursor } from '../../platform/http/cursor.ts';
import { appendAndStage, conversationStream, streamHead, workspaceStream } from '../../platform/realtime/stream-log.ts';
import { resolveAttachments } from '../attachments/attachment.service.ts';
import { getConversation, toConversationView } from '../conversations/conversation.service.ts';
import { projectMoodBatch } from '../emotion/mood.service.ts';
import { createMessageWriter, lockConversations, type PendingMessage } from './message-batch.service.ts';
import { toCustomerView, toMessageView, type MessageView } from './message.view.ts';

export { toCustomerView, toMessageView, type CustomerMessageView, type MessageView } from './message.view.ts';

export type MessageAuthor =
  | { type: 'customer'; customerId: string }
  | { type: 'employee'; employeeId: string }
  | { type: 'integration'; tokenId: string | null };

export type SendInput = {
  conversationId: string;
  text: string;
  attachmentIds?: string[];
  idempotencyKey: string;
  snippetId?: string;
};

export type SendResult = { message: MessageView; duplicate: boolean };

async function authorName(scope: TenantScope, author: MessageAuthor): Promise<string | null> {
  if (author.type !== 'employee') return null;
  const e = await scope.selectFrom('employees').select('name').where('id', '=', author.employeeId).executeTakeFirst();
  return e?.name ?? null;
}

// Stores the message and its realtime events in one transaction and returns only after commit:
// the caller acknowledges a durable message. A repeated idempotency key returns the first message.
export async function sendMessage(ctx: AppContext, scope: TenantScope, author: MessageAuthor, input: SendInput): Promise<SendResult> {
  const text = input.text.trim();
  if (!text && !input.attachmentIds?.length) throw new AppError('validation_failed', 'A message needs text or an attachment');
  if (text.length > ctx.config.maxMessageChars) {
    throw new AppError('validation_failed', `The text is ${text.length} characters; the limit is ${ctx.config.maxMessageChars}`);
  }
  const inbound = author.type === 'customer';
  const name = await authorName(scope, author);
  const customerId = inbound ? author.customerId : undefined;
  const authorId = author.type === 'customer' ? author.customerId : author.type === 'employee' ? author.employeeId : author.tokenId;
  // Read as it is stored, so the label travels with the message to every screen, live.
  const emotion = inbound ? ctx.emotion.sense(text) : null;
  // Text alone (nearly every message) goes through the workspace's group commit; what it cannot
  // answer (an unknown conversation, a retried key) and attachments take the path below.
  if (!input.attachmentIds?.length) {
    const pending: PendingMessage = {
      workspaceId: scope.workspaceId,
      conversationId: input.conversationId,
      customerId,
      inbound,
      authorType: author.type,
      authorId,
      authorName: name,
      text,
      idempotencyKey: input.idempotencyKey,
      emotion,
    };
    await writerOf(ctx)(pending);
    if (pending.stored) {
      announce(ctx, scope.workspaceId, pending.stored, inbound, input.snippetId);
      return { message: pending.stored.message, duplicate: false };
    }
  }
  const outcome = await scope.transaction(async (trx) => {
    const attachments = await resolveAttachments(trx, input.attachmentIds ?? [], customerId);
    await lockConversations(trx.db, scope.workspaceId, [input.conversationId]);
    // Insert straight from the visible conversation: one statement checks access and writes,
    // which matters on the hottest path (every message of every channel passes here).
    const inserted = await trx.db
      .insertInto('messages')
      .columns(['workspace_id', 'conversation_id', 'direction', 'author_type', 'author_id', 'text', 'attachments', 'idempotency_key', 'emotion'])
      .expression(
        trx
          .selectFrom('conversations')
          .select([
            'conversations.workspace_id',
            'conversations.id',
            sql<string>`${inbound ? 'inbound' : 'outbound'}::text`.as('direction'),
            sql<string>`${author.type}::text`.as('author_type'),
            sql<string | null>`${authorId}::uuid`.as('author_id'),
            sql<string>`${text}::text`.as('text'),
            sql<string>`${JSON.stringify(attachments)}::jsonb`.as('attachments'),
            sql<string>`${input.idempotencyKey}::text`.as('idempotency_key'),
            sql<string | null>`${emotion ? JSON.stringify(emotion) : null}::jsonb`.as('emotion'),
          ])
          .where('conversations.id', '=', input.conversationId)
          .$if(customerId !== undefined, (q) => q.where('conversations.customer_id', '=', customerId!)),
      )
      .onConflict((oc) => oc.columns(['conversation_id', 'idempotency_key']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) {
      // Either the conversation is not visible (404) or this key was already used (the retry).
      const conversation = await getConversation(trx, input.conversationId, customerId);
      const first = await trx
        .selectFrom('messages')
        .selectAll()
        .where('conversation_id', '=', conversation.id)
        .where('idempotency_key', '=', input.idempotencyKey)
        .executeTakeFirstOrThrow();
      return { row: first, duplicate: true as const, conversation, events: [] };
    }
    const updated = await trx
      .updateTable('conversations')
      .set({
        last_message_at: inserted.created_at,
        updated_at: inserted.created_at,
        // A customer writing into a resolved conversation reopens it: someone must see it.
        ...(inbound
          ? {
              status: sql<ConversationStatus>`case when status = 'resolved' then 'open' else status end`,
              resolved_at: sql<Date | null>`case when status = 'resolved' then null else resolved_at end`,
            }
          : {}),
      })
      .where('id', '=', inserted.conversation_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const message = toMessageView(inserted, name);
    const mood =
      customerId && emotion ? (await projectMoodBatch(trx, [{ customerId, messageId: inserted.id, at: inserted.created_at, emotion }])).get(inserted.id) : undefined;
    // The conversation's own stream is numbered here (its lock is the conversation's alone); the
    // workspace's is shared by every message of the workspace, so that event is staged and
    // numbered after commit (stream-outbox.ts).
    const { events, stagedIds } = await appendAndStage(
      trx.db,
      scope.workspaceId,
      [{ stream: conversationStream(updated.id), type: 'message.created', data: { message: toCustomerView(message) } }],
      [{ stream: workspaceStream(scope.workspaceId), type: 'message.created', data: { message, conversation: toConversationView(updated), ...(mood ? { mood } : {}) } }],
    );
    return { row: inserted, duplicate: false as const, conversation: updated, events, stagedIds };
  });
  const message = toMessageView(outcome.row, name);
  if (!outcome.duplicate) announce(ctx, scope.workspaceId, { message, conversation: outcome.conversation, events: outcome.events, stagedIds: outcome.stagedIds }, inbound, input.snippetId);
  return { message, duplicate: outcome.duplicate };
}

const writers = new WeakMap<AppContext, (m: PendingMessage) => Promise<void>>();
function writerOf(ctx: AppContext) {
  let writer = writers.get(ctx);
  if (!writer) writers.set(ctx, (writer = createMessageWriter(ctx)));
  return writer;
}

// After the commit: live events, and the domain event other modules react to.
function announce(ctx: AppContext, workspaceId: string, stored: NonNullable<PendingMessage['stored']>, inbound: boolean, snippetId: string | undefined) {
  const { message, conversation, events, stagedIds } = stored;
  ctx.bus.publish('stream.appended', { workspaceId, events });
  if (stagedIds.length) ctx.bus.publish('stream.staged', { workspaceId, ids: stagedIds });
  ctx.bus.publish(inbound ? 'message.received' : 'message.sent', {
    workspaceId,
    conversationId: message.conversationId,
    customerId: conversation.customer_id,
    messageId: message.id,
    direction: message.direction,
    authorType: message.authorType,
    authorId: message.authorId,
    text: message.text,
    channel: conversation.channel,
    emotion: message.emotion,
    createdAt: message.createdAt,
    ...(snippetId && !inbound ? { snippetId } : {}),
  });
}

export async function listMessages(
  scope: TenantScope,
  conversationId: string,
  opts: { limit: number; after?: Cursor; customerId?: string },
): Promise<{ items: MessageView[]; streamSeq: number }> {
  await getConversation(scope, conversationId, opts.customerId);
  // Read the head first: events after it are delivered live, so nothing falls in between.
  const streamSeq = await streamHead(scope.db, scope.workspaceId, conversationStream(conversationId));
  let q = scope
    .selectFrom('messages')
    .leftJoin('employees', (j) =>
      j
        .onRef('employees.id', '=', 'messages.author_id')
        .onRef('employees.workspace_id', '=', 'messages.workspace_id')
        .on('messages.author_type', '=', 'employee'),
    )
    .selectAll('messages')
    .select('employees.name as author_name')
    .where('messages.conversation_id', '=', conversationId)
    .orderBy('messages.created_at')
    .orderBy('messages.id')
    .limit(opts.limit);
  if (opts.after) {
    q = q.where(sql<boolean>`(messages.created_at, messages.id) > (${opts.after.createdAt}::timestamptz, ${opts.after.id}::uuid)`);
  }
  const rows = await q.execute();
  return { items: rows.map((r) => toMessageView(r, r.author_name)), streamSeq };
}

// The customer's latest words in a conversation: what a personal reply can pick up on.
export async function latestCustomerMessage(scope: TenantScope, conversationId: string): Promise<MessageView | undefined> {
  const row = await scope
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'inbound')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toMessageView(row, null) : undefined;
}
