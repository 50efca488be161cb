import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { ConversationsTable, Database, MessageEmotion } from '../../platform/db/database.types.ts';
import { columnParam, executeNamed, opaqueParam } from '../../platform/db/prepared-statements.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { createWorkspaceQueue } from '../../platform/events/workspace-queue.ts';
import { appendAndStage, conversationStream, workspaceStream, type StreamEvent } from '../../platform/realtime/stream-log.ts';
import { toConversationView } from '../conversations/conversation.service.ts';
import { projectMoodBatch, type RecentPoint, type RecentPoints } from '../emotion/mood.service.ts';
import type { ConversationRow } from '../conversations/conversation.service.ts';
import { toCustomerView, toMessageView, type MessageRow, type MessageView } from './message.view.ts';

// A text message ready to store: validated, its emotion read, its author resolved.
export type PendingMessage = {
  workspaceId: string;
  conversationId: string;
  // Set for a customer: the conversation must be theirs.
  customerId: string | undefined;
  inbound: boolean;
  authorType: string;
  authorId: string | null;
  authorName: string | null;
  text: string;
  idempotencyKey: string;
  emotion: MessageEmotion | null;
  // Filled by the batch: the stored message, or nothing when the single path must answer (an
  // unknown or foreign conversation, or a retried idempotency key).
  stored?: { message: MessageView; conversation: ConversationRow; events: StreamEvent[]; stagedIds: string[] };
};

// Group commit: the text messages of a workspace that arrive while its previous batch is being
// written share the next transaction — one insert, one conversation update, one mood read and one
// stream statement for all of them — so at a few hundred messages a second PostgreSQL runs a few
// statements per batch instead of six per message. Each sender is still answered only after the
// commit that made its own message durable.
export function createMessageWriter(ctx: AppContext): (m: PendingMessage) => Promise<void> {
  const recent = createRecentPoints();
  return createWorkspaceQueue<PendingMessage>((workspaceId, batch) => writeBatch(ctx, workspaceId, batch, recent), { maxBatch: 500, concurrency: 2 });
}

// The mood listener stores a batch's points a few milliseconds after its commit; the next batch
// may already be running. The points this process projected lately bridge that gap, so the mood
// sent live is the mood stored. Kept for a minute, for at most 10,000 customers.
function createRecentPoints(): RecentPoints {
  const points = new Map<string, { at: number; list: RecentPoint[] }>();
  return {
    get: (customerId) => {
      const entry = points.get(customerId);
      return entry && entry.at > Date.now() - 60_000 ? entry.list : undefined;
    },
    set: (customerId, list) => {
      points.delete(customerId);
      points.set(customerId, { at: Date.now(), list });
      // Insertion order is age order: the oldest go first.
      for (const [id] of points) {
        if (points.size <= 10_000) break;
        points.delete(id);
      }
    },
  };
}

// The named statements below list what they return: a `*` is fixed when a statement is prepared,
// and once a migration added a column (another node of a rolling deploy) every later run on that
// connection would fail. The records make the compiler ask for a column added to the types.
const MESSAGE_COLUMNS = Object.keys({
  id: 1, conversation_id: 1, direction: 1, author_type: 1, author_id: 1, text: 1, attachments: 1, emotion: 1, created_at: 1, delivery_status: 1, delivery_error: 1, idempotency_key: 1,
} satisfies Record<keyof MessageRow | 'idempotency_key', 1>);
const CONVERSATION_COLUMNS = Object.keys({
  id: 1, workspace_id: 1, customer_id: 1, channel: 1, status: 1, assignee_id: 1, team_id: 1, subject: 1, idempotency_key: 1, created_at: 1, updated_at: 1,
  last_message_at: 1, resolved_at: 1, first_customer_message_at: 1, first_response_at: 1, identity_id: 1,
} satisfies Record<keyof ConversationsTable, 1>);
const columns = (table: string, list: string[]) => sql.join(list.map((c) => sql.ref(`${table}.${c}`)));

// A conversation's messages must be stamped in the order their events are numbered. Two
// transactions writing to one conversation are ordered by its row lock, so the lock is taken
// before the insert reads the clock, not after (the conversation update would take it too late:
// a batch stamped earlier could then be numbered later). Ids in order, so two batches never deadlock.
export async function lockConversations(db: Kysely<Database>, workspaceId: string, ids: string[]): Promise<void> {
  await executeNamed(
    db,
    db
      .selectFrom('conversations')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', sql<string>`any(${opaqueParam([...new Set(ids)].sort(), 'uuid[]')})`)
      .orderBy('id')
      .forUpdate()
      .compile(),
  );
}

async function writeBatch(ctx: AppContext, workspaceId: string, batch: PendingMessage[], recent: RecentPoints): Promise<void> {
  const scope = tenantScope(ctx.db, workspaceId);
  const written = await scope.transaction(async (trx) => {
    await lockConversations(trx.db, workspaceId, batch.map((m) => m.conversationId));
    // Rows are inserted in arrival order; the microsecond offsets keep two messages of one
    // conversation in that order even when the clock has not moved between them. Columns go as
    // arrays: one statement text and nine parameters for any batch size.
    const rows = await executeNamed(
      trx.db,
      sql<MessageRow & { idempotency_key: string }>`
      insert into messages (workspace_id, conversation_id, direction, author_type, author_id, text, attachments, idempotency_key, emotion, created_at)
      select c.workspace_id, c.id, v.direction, v.author_type, v.author_id, v.text, '[]'::jsonb, v.idempotency_key, v.emotion, clock_timestamp() + (v.ord - 1) * interval '1 microsecond'
      from unnest(
        ${columnParam(batch, (m) => m.conversationId, 'uuid[]')}, ${columnParam(batch, (m) => m.customerId ?? null, 'uuid[]')}, ${columnParam(batch, (m) => (m.inbound ? 'inbound' : 'outbound'), 'text[]')},
        ${columnParam(batch, (m) => m.authorType, 'text[]')}, ${columnParam(batch, (m) => m.authorId, 'uuid[]')}, ${columnParam(batch, (m) => m.text, 'text[]')}, ${columnParam(batch, (m) => m.idempotencyKey, 'text[]')},
        ${columnParam(batch, (m) => (m.emotion ? JSON.stringify(m.emotion) : null), 'jsonb[]')}
      ) with ordinality as v (conversation_id, customer_id, direction, author_type, author_id, text, idempotency_key, emotion, ord)
      join conversations c on c.id = v.conversation_id and c.workspace_id = ${workspaceId} and (v.customer_id is null or c.customer_id = v.customer_id)
      order by v.ord
      on conflict (conversation_id, idempotency_key) do nothing
      returning ${columns('messages', MESSAGE_COLUMNS)}`.compile(trx.db),
    );
    if (!rows.length) return [];
    // A key sent twice in one batch is stored once, for its first sender; the other gets the single path's answer.
    const firstOf = new Map<string, PendingMessage>();
    for (const m of batch) if (!firstOf.has(`${m.conversationId} ${m.idempotencyKey}`)) firstOf.set(`${m.conversationId} ${m.idempotencyKey}`, m);
    const stored = rows
      .map((r) => ({ row: { ...r, created_at: new Date(r.created_at) }, m: firstOf.get(`${r.conversation_id} ${r.idempotency_key}`)! }))
      .sort((a, b) => a.row.created_at.getTime() - b.row.created_at.getTime());

    // One update per conversation, to its newest message; a customer writing reopens it.
    const latest = new Map<string, { at: Date; inbound: boolean }>();
    for (const { row, m } of stored) latest.set(row.conversation_id, { at: row.created_at, inbound: (latest.get(row.conversation_id)?.inbound ?? false) || m.inbound });
    const convs = [...latest].sort(([a], [b]) => (a < b ? -1 : 1));
    const conversations = await executeNamed(
      trx.db,
      sql<ConversationRow>`
      update conversations c set
        last_message_at = v.at, updated_at = v.at,
        status = case when v.inbound and c.status = 'resolved' then 'open' else c.status end,
        resolved_at = case when v.inbound and c.status = 'resolved' then null else c.resolved_at end
      from unnest(${opaqueParam(convs.map(([id]) => id), 'uuid[]')}, ${opaqueParam(convs.map(([, l]) => l.at.toISOString()), 'timestamptz[]')}, ${opaqueParam(convs.map(([, l]) => l.inbound), 'boolean[]')}) as v (id, at, inbound)
      where c.id = v.id and c.workspace_id = ${workspaceId}
      returning ${columns('c', CONVERSATION_COLUMNS)}`.compile(trx.db),
    );
    const conversationOf = new Map(conversations.map((c) => [c.id, c]));

    const moods = await projectMoodBatch(
      trx,
      stored.flatMap(({ row, m }) => (m.inbound && m.customerId && m.emotion ? [{ customerId: m.customerId, messageId: row.id, at: row.created_at, emotion: m.emotion }] : [])),
      recent,
    );
    const views = stored.map(({ row, m }) => ({ m, message: toMessageView(row, m.authorName), conversation: conversationOf.get(row.conversation_id)! }));
    const { events, stagedIds } = await appendAndStage(
      trx.db,
      workspaceId,
      views.map(({ message }) => ({ stream: conversationStream(message.conversationId), type: 'message.created', data: { message: toCustomerView(message) } })),
      views.map(({ message, conversation }) => {
        const mood = moods.get(message.id);
        return { stream: workspaceStream(workspaceId), type: 'message.created', data: { message, conversation: toConversationView(conversation), ...(mood ? { mood } : {}) } };
      }),
    );
    const eventOf = new Map(events.map((e) => [(e.data.message as { id: string }).id, e]));
    // The batch's staged rows are handed to the sequencer once, with its first message.
    return views.map((v, i) => ({ ...v, event: eventOf.get(v.message.id)!, stagedIds: i === 0 ? stagedIds : [] }));
  });
  // Only after the commit: a failed batch leaves its messages unanswered, and the queue retries them one by one.
  for (const v of written) v.m.stored = { message: v.message, conversation: v.conversation, events: [v.event], stagedIds: v.stagedIds };
}
