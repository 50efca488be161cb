import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.types.ts';
import { executeNamed, opaqueParam } from '../db/prepared-statements.ts';
import { appendAndStage, type NewStreamEvent, type StreamEvent } from './stream-log.ts';

// Stages events in the caller's transaction: they become durable with it, take no lock, and are
// numbered by sequenceOutbox once committed.
// Returns the staged rows' ids for the sequencer. (appendAndStage stages too, when a transaction
// also appends.)
export async function stageStreamEvents(trx: Kysely<Database>, workspaceId: string, events: NewStreamEvent[]): Promise<string[]> {
  return (await appendAndStage(trx, workspaceId, [], events)).stagedIds;
}

// Numbers a workspace's staged events in the order they were staged: ONE statement outside any
// transaction, so the head rows it locks are released by PostgreSQL's own commit, never held while
// a reply travels to Node and back. Two processes sequencing the same workspace cannot reorder a
// conversation: the second one's delete waits on the rows the first one took, and its head update
// needs all of its deleted rows, so it numbers after the first commits.
// `ids`: the rows to number, as their writers (or staleStagedEvents) reported them. Deleting by id
// never walks the dead rows a busy outbox leaves in its index until vacuum, which made a scan by
// workspace cost 4 ms a statement at 500 messages/s.
export async function sequenceOutbox(db: Kysely<Database>, workspaceId: string, ids: string[], batch = 2000): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for (let from = 0; from < ids.length; from += batch) {
    const part = ids.slice(from, from + batch);
    // Each id is looked up by primary key (a lateral subquery with a limit, which the planner cannot
    // turn into a join): a plan that chose the workspace index instead walked every dead row of the
    // outbox (46 ms a statement under load).
    // Named, with one generic plan: planning was 40 % of its cost.
    const rows = await executeNamed(db, sql<{ stream: string; seq: string; type: string; payload: Record<string, unknown> }>`
      with moved as (
        delete from stream_outbox where id in (
          select o.id from unnest(${opaqueParam(part, 'bigint[]')}) as u (id)
          cross join lateral (select o.id from stream_outbox o where o.id = u.id and o.workspace_id = ${workspaceId} limit 1) o
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
      returning stream, seq, type, payload`.compile(db));
    const events = rows
      .map((r) => ({ stream: r.stream, seq: Number(r.seq), type: r.type, data: r.payload }))
      .sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : a.seq - b.seq));
    out.push(...events);
  }
  return out;
}

// Staged rows left behind, by workspace: by a process that stopped between a commit and its
// numbering, or by a numbering that failed. `olderThanMs` leaves the rows a live writer is about to
// number to it: under load the outbox always holds some, and taking them all every few seconds
// made a whole-workspace numbering that walked the outbox's dead rows and waited on rows being
// numbered (a stall of the workspace's stream every 10 s at 500 messages/s).
export async function staleStagedEvents(db: Kysely<Database>, olderThanMs: number, limit = 20_000): Promise<Array<{ workspaceId: string; ids: string[] }>> {
  const { rows } = await sql<{ workspace_id: string; ids: string[] }>`
    select workspace_id, array_agg(id::text order by id) as ids
    from (select workspace_id, id from stream_outbox where created_at <= now() - ${olderThanMs} * interval '1 millisecond' order by id limit ${limit}) o
    group by workspace_id`.execute(db);
  return rows.map((r) => ({ workspaceId: r.workspace_id, ids: r.ids }));
}
