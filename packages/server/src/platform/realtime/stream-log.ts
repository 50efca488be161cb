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
  const groups = new Map<string, NewStreamEvent[]>();
  for (const e of [...events].sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0))) {
    const list = groups.get(e.stream) ?? [];
    list.push(e);
    groups.set(e.stream, list);
  }
  const entries = [...groups.entries()];
  if (!entries.length && !staged.length) return { events: [], stagedIds: [] };
  const ctes = entries.map(([stream, list], i) => {
    const head = sql.raw(`h${i}`);
    const values = sql.join(list.map((e, k) => sql`(${k + 1}::bigint, ${e.type}::text, ${JSON.stringify(e.data)}::jsonb)`));
    return sql`${head} as (
        insert into stream_heads (stream, workspace_id, last_seq) values (${stream}, ${workspaceId}, ${list.length})
        on conflict (stream) do update set last_seq = stream_heads.last_seq + ${list.length}
        returning stream, last_seq
      ),
      ${sql.raw(`e${i}`)} as (
        insert into stream_events (stream, seq, workspace_id, type, payload)
        select ${stream}, ${head}.last_seq - ${list.length}::bigint + v.k, ${workspaceId}, v.type, v.payload
        from ${head}, (values ${values}) as v (k, type, payload)
      )`;
  });
  if (staged.length) ctes.push(sql`o as (insert into stream_outbox (workspace_id, stream, type, payload) values ${outboxValues(workspaceId, staged)} returning id)`);
  // The event inserts run whether or not they are read; each head's new value gives its numbers.
  const selects = [
    ...entries.map((_, i) => sql`select stream, last_seq, false as staged from ${sql.raw(`h${i}`)}`),
    ...(staged.length ? [sql`select null::text as stream, id as last_seq, true as staged from o`] : []),
  ];
  const result = await sql<{ stream: string | null; last_seq: string; staged: boolean }>`with ${sql.join(ctes)} ${sql.join(selects, sql` union all `)}`.execute(trx);
  const lastOf = new Map(result.rows.flatMap((r) => (r.staged ? [] : [[r.stream!, Number(r.last_seq)] as const])));
  return {
    events: entries.flatMap(([stream, list]) => {
      const first = lastOf.get(stream)! - list.length + 1;
      return list.map((e, k) => ({ stream, seq: first + k, type: e.type, data: e.data }));
    }),
    stagedIds: result.rows.flatMap((r) => (r.staged ? [String(r.last_seq)] : [])),
  };
}

const outboxValues = (workspaceId: string, events: NewStreamEvent[]) =>
  sql.join(events.map((e) => sql`(${workspaceId}::uuid, ${e.stream}::text, ${e.type}::text, ${JSON.stringify(e.data)}::jsonb)`));

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
