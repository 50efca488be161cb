import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.types.ts';
import { columnParam, executeNamed } from '../db/prepared-statements.ts';

export type StreamEvent = {
  stream: string;
  seq: number;
  type: string;
  data: Record<string, unknown>;
};

export type NewStreamEvent = { stream: string; type: string; data: Record<string, unknown> };

export const workspaceStream = (workspaceId: string) => `workspace:${workspaceId}`;
export const conversationStream = (conversationId: string) => `conversation:${conversationId}`;

// Appends inside the caller's transaction, in one statement. The head rows stay locked until
// commit, so a stream's events commit in sequence order with no gaps. (Two transactions that
// append to the same conversation stream have already queued on the conversation's row, so
// taking several heads in one statement cannot deadlock.)
export async function appendStreamEvents(trx: Kysely<Database>, workspaceId: string, events: NewStreamEvent[]): Promise<StreamEvent[]> {
  return (await appendAndStage(trx, workspaceId, events, [])).events;
}

// Appends `events` and stages `staged` in the outbox (see stream-outbox.ts) in one statement: one
// round trip for the message path, which writes both kinds. Returns the staged rows' ids, which
// tell the sequencer exactly what to number.
export async function appendAndStage(
  trx: Kysely<Database>,
  workspaceId: string,
  events: NewStreamEvent[],
  staged: NewStreamEvent[],
): Promise<{ events: StreamEvent[]; stagedIds: string[] }> {
  if (!events.length && !staged.length) return { events: [], stagedIds: [] };
  // Columns as arrays: one statement text for any mix of streams, named (planned once per
  // connection). Heads are taken in stream order; each stream's events are numbered in the order given.
  const rows = await executeNamed(
    trx,
    sql<{ stream: string | null; last_seq: string; staged: boolean }>`
    with v as (
      select * from unnest(
        ${columnParam(events, (e) => e.stream, 'text[]')}, ${columnParam(events, (e) => e.type, 'text[]')},
        ${columnParam(events, (e) => JSON.stringify(e.data), 'jsonb[]')}
      ) with ordinality as v (stream, type, payload, k)
    ),
    n as (select stream, count(*) as n from v group by stream),
    h as (
      insert into stream_heads (stream, workspace_id, last_seq)
      select stream, ${workspaceId}::uuid, n from n order by stream
      on conflict (stream) do update set last_seq = stream_heads.last_seq + excluded.last_seq
      returning stream, last_seq
    ),
    e as (
      insert into stream_events (stream, seq, workspace_id, type, payload)
      select v.stream, h.last_seq - n.n + row_number() over (partition by v.stream order by v.k), ${workspaceId}::uuid, v.type, v.payload
      from v join n on n.stream = v.stream join h on h.stream = v.stream
    ),
    o as (
      insert into stream_outbox (workspace_id, stream, type, payload)
      select ${workspaceId}::uuid, s.stream, s.type, s.payload
      from unnest(
        ${columnParam(staged, (e) => e.stream, 'text[]')}, ${columnParam(staged, (e) => e.type, 'text[]')},
        ${columnParam(staged, (e) => JSON.stringify(e.data), 'jsonb[]')}
      ) with ordinality as s (stream, type, payload, k)
      order by s.k
      returning id
    )
    select stream, last_seq, false as staged from h
    union all
    select null, id, true from o`.compile(trx),
  );
  const lastOf = new Map(rows.flatMap((r) => (r.staged ? [] : [[r.stream!, Number(r.last_seq)] as const])));
  const counted = new Map<string, number>();
  for (const e of events) counted.set(e.stream, (counted.get(e.stream) ?? 0) + 1);
  const next = new Map<string, number>();
  return {
    // Each event's number: its stream's new head, less what comes after it in this call.
    events: events.map((e) => {
      const k = (next.get(e.stream) ?? 0) + 1;
      next.set(e.stream, k);
      return { stream: e.stream, seq: lastOf.get(e.stream)! - counted.get(e.stream)! + k, type: e.type, data: e.data };
    }),
    stagedIds: rows.flatMap((r) => (r.staged ? [String(r.last_seq)] : [])),
  };
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
