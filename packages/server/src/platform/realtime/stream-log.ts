import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.types.ts';
import type { DomainEvents } from '../events/domain-events.ts';
import type { EventBus } from '../events/event-bus.ts';

export type StreamEvent = {
  stream: string;
  seq: number;
  type: string;
  data: Record<string, unknown>;
};

export type NewStreamEvent = { stream: string; type: string; data: Record<string, unknown> };

export const workspaceStream = (workspaceId: string) => `workspace:${workspaceId}`;
export const conversationStream = (conversationId: string) => `conversation:${conversationId}`;

export type PendingStreamEvents = { workspaceId: string; ids: string[] };

// Appends inside the caller's transaction; the sequence numbers are assigned when it commits
// (migration 003), in the order of the rows here. Streams are written in name order so that two
// transactions always take their head locks in the same order and never deadlock.
export async function appendStreamEvents(
  trx: Kysely<Database>,
  workspaceId: string,
  events: NewStreamEvent[],
): Promise<PendingStreamEvents> {
  if (events.length === 0) return { workspaceId, ids: [] };
  const ordered = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.stream < b.e.stream ? -1 : a.e.stream > b.e.stream ? 1 : a.i - b.i))
    .map(({ e }) => e);
  const rows = await trx
    .insertInto('stream_events')
    .values(ordered.map((e) => ({ stream: e.stream, workspace_id: workspaceId, type: e.type, payload: JSON.stringify(e.data) })))
    .returning('id')
    .execute();
  // Rows are inserted, numbered and later triggered in list order.
  const ids = rows.map((r) => r.id).sort((a, b) => Number(a) - Number(b));
  return { workspaceId, ids };
}

// After the commit: the events as stored, with their sequence numbers.
export async function committedStreamEvents(db: Kysely<Database>, pending: PendingStreamEvents): Promise<StreamEvent[]> {
  if (pending.ids.length === 0) return [];
  const rows = await db
    .selectFrom('stream_events')
    .select(['id', 'stream', 'seq', 'type', 'payload'])
    .where('workspace_id', '=', pending.workspaceId)
    .where('id', 'in', pending.ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return pending.ids.flatMap((id) => {
    const r = byId.get(id);
    // Pruned already (a test clock, a tiny retention): nothing left to deliver.
    if (!r || r.seq === null) return [];
    return [{ stream: r.stream, seq: Number(r.seq), type: r.type, data: r.payload }];
  });
}

export async function publishCommitted(db: Kysely<Database>, bus: EventBus<DomainEvents>, pending: PendingStreamEvents): Promise<void> {
  const events = await committedStreamEvents(db, pending);
  if (events.length) bus.publish('stream.appended', { workspaceId: pending.workspaceId, events });
}

export async function readStreamEvents(
  db: Kysely<Database>,
  workspaceId: string,
  stream: string,
  afterSeq: number,
  limit: number,
): Promise<StreamEvent[]> {
  const rows = await db
    .selectFrom('stream_events')
    .select(['stream', 'seq', 'type', 'payload'])
    .where('workspace_id', '=', workspaceId)
    .where('stream', '=', stream)
    .where('seq', '>', sql<string>`${String(afterSeq)}::bigint`)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ stream: r.stream, seq: Number(r.seq), type: r.type, data: r.payload }));
}

export async function streamHead(db: Kysely<Database>, workspaceId: string, stream: string): Promise<number> {
  const row = await db
    .selectFrom('stream_heads')
    .select('last_seq')
    .where('workspace_id', '=', workspaceId)
    .where('stream', '=', stream)
    .executeTakeFirst();
  return row ? Number(row.last_seq) : 0;
}

// Events only serve reconnecting clients; history lives in the domain tables. Heads stay, so
// sequence numbers are never reused and a client that was away too long gets a `reset` frame.
export async function pruneStreamEvents(db: Kysely<Database>, olderThan: Date, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await sql`
      delete from stream_events where (stream, seq) in (
        select stream, seq from stream_events where created_at < ${olderThan} limit ${batch}
      )`.execute(db);
    const n = Number(result.numAffectedRows ?? 0);
    total += n;
    if (n < batch) return total;
  }
}
