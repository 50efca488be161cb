import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.types.ts';
import { appendStreamEvents, workspaceStream, type NewStreamEvent, type StreamEvent } from './stream-log.ts';

// Stages events in the caller's transaction: they become durable with it, take no lock, and are
// numbered by sequenceOutbox once committed.
// (appendStreamEvents stages too, when a transaction also appends.)
export async function stageStreamEvents(trx: Kysely<Database>, workspaceId: string, events: NewStreamEvent[]): Promise<void> {
  await appendStreamEvents(trx, workspaceId, [], events);
}

// Numbers a workspace's staged events in the order they were staged, in one transaction per batch.
// The workspace head is locked before the outbox is read, so two processes sequencing the same
// workspace take turns and a conversation's messages keep their order in the workspace stream.
export async function sequenceOutbox(db: Kysely<Database>, workspaceId: string, batch = 2000): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for (;;) {
    const events = await db.transaction().execute(async (trx) => {
      await sql`
        insert into stream_heads (stream, workspace_id, last_seq) values (${workspaceStream(workspaceId)}, ${workspaceId}, 0)
        on conflict (stream) do update set last_seq = stream_heads.last_seq`.execute(trx);
      const { rows } = await sql<{ id: string; stream: string; type: string; payload: Record<string, unknown> }>`
        delete from stream_outbox where id in (
          select id from stream_outbox where workspace_id = ${workspaceId} order by id limit ${batch}
        ) returning id, stream, type, payload`.execute(trx);
      if (!rows.length) return [];
      rows.sort((a, b) => Number(a.id) - Number(b.id));
      return appendStreamEvents(trx, workspaceId, rows.map((r) => ({ stream: r.stream, type: r.type, data: r.payload })));
    });
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
