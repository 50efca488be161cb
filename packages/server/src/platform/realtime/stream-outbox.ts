import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.types.ts';
import { appendStreamEvents, type NewStreamEvent, type StreamEvent } from './stream-log.ts';

// Stages events in the caller's transaction: they become durable with it, take no lock, and are
// numbered by sequenceOutbox once committed.
// (appendStreamEvents stages too, when a transaction also appends.)
export async function stageStreamEvents(trx: Kysely<Database>, workspaceId: string, events: NewStreamEvent[]): Promise<void> {
  await appendStreamEvents(trx, workspaceId, [], events);
}

// Numbers a workspace's staged events in the order they were staged: ONE statement outside any
// transaction, so the head rows it locks are released by PostgreSQL's own commit, never held while
// a reply travels to Node and back. Two processes sequencing the same workspace cannot reorder a
// conversation: the second one's delete waits on the rows the first one took, and its head update
// needs all of its deleted rows, so it numbers after the first commits.
export async function sequenceOutbox(db: Kysely<Database>, workspaceId: string, batch = 2000): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for (;;) {
    const { rows } = await sql<{ stream: string; seq: string; type: string; payload: Record<string, unknown> }>`
      with moved as (
        delete from stream_outbox where id in (
          select id from stream_outbox where workspace_id = ${workspaceId} order by id limit ${batch}
        ) returning id, stream, type, payload
      ),
      numbered as (
        select stream, type, payload, row_number() over (partition by stream order by id) as k, count(*) over (partition by stream) as n
        from moved
      ),
      heads as (
        insert into stream_heads (stream, workspace_id, last_seq)
        select stream, ${workspaceId}::uuid, count(*) from moved group by stream
        on conflict (stream) do update set last_seq = stream_heads.last_seq + excluded.last_seq
        returning stream, last_seq
      )
      insert into stream_events (stream, seq, workspace_id, type, payload)
      select x.stream, h.last_seq - x.n + x.k, ${workspaceId}::uuid, x.type, x.payload
      from numbered x join heads h on h.stream = x.stream
      returning stream, seq, type, payload`.execute(db);
    const events = rows
      .map((r) => ({ stream: r.stream, seq: Number(r.seq), type: r.type, data: r.payload }))
      .sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : a.seq - b.seq));
    out.push(...events);
    if (events.length < batch) return out;
  }
}

// Workspaces with staged events left behind: by a process that stopped between a commit and its
// numbering, or by a numbering that failed.
export async function workspacesWithStagedEvents(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ workspace_id: string }>`select distinct workspace_id from stream_outbox`.execute(db);
  return rows.map((r) => r.workspace_id);
}
