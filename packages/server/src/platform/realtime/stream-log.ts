import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.types.ts';

export type StreamEvent = {
  stream: string;
  seq: number;
  type: string;
  data: Record<string, unknown>;
};

export type NewStreamEvent = { stream: string; type: string; data: Record<string, unknown> };

export const workspaceStream = (workspaceId: string) => `workspace:${workspaceId}`;
export const conversationStream = (conversationId: string) => `conversation:${conversationId}`;

// Appends inside the caller's transaction. The head row stays locked until commit, so a
// stream's events commit in sequence order with no gaps; streams are locked in name order
// so two transactions never wait on each other crosswise.
export async function appendStreamEvents(
  trx: Kysely<Database>,
  workspaceId: string,
  events: NewStreamEvent[],
): Promise<StreamEvent[]> {
  const ordered = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.stream < b.e.stream ? -1 : a.e.stream > b.e.stream ? 1 : a.i - b.i));
  const out: StreamEvent[] = [];
  for (const { e } of ordered) {
    const result = await sql<{ seq: string }>`
      with head as (
        insert into stream_heads (stream, workspace_id, last_seq) values (${e.stream}, ${workspaceId}, 1)
        on conflict (stream) do update set last_seq = stream_heads.last_seq + 1
        returning last_seq
      )
      insert into stream_events (stream, seq, workspace_id, type, payload)
      select ${e.stream}, head.last_seq, ${workspaceId}, ${e.type}, ${JSON.stringify(e.data)}::jsonb from head
      returning seq`.execute(trx);
    const seq = Number(result.rows[0]?.seq);
    out.push({ stream: e.stream, seq, type: e.type, data: e.data });
  }
  return out;
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
    .where('seq', '>', String(afterSeq))
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
