import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

export type PreparedStatementOptions = {
  // A statement text is prepared once it has run this many times: one-off statements
  // (migrations, rare admin reads) stay unnamed.
  after: number;
  // At most this many texts are prepared per process (each connection keeps its own copy on the
  // server, so this bounds the server's memory too); later hot texts run unnamed.
  max: number;
};

// `on conflict (…) where kind = $1 do …`: under a generic plan PostgreSQL cannot match a parameter
// to a partial unique index's predicate and refuses the statement (42P10), so these stay unnamed
// (write the predicate with literals, as the index does, to have them prepared).
const partialArbiterWithParameters = /\bon conflict\s*\([^)]*\)\s*where\b(?:(?!\bdo\b)[\s\S])*\$\d/i;

// Kysely sends every statement unnamed, so PostgreSQL parses and plans it on every run; on the
// message path a third of the server's time went to planning the same few statements. Statements
// that keep coming back get a name here: pg parses them once per connection, and after five runs
// PostgreSQL may reuse a generic plan instead of planning again. Texts are what Kysely compiled,
// so the same query shape always maps to the same name. Not for a transaction-pooling proxy such
// as PgBouncer in transaction mode (a name prepared on one server connection is unknown on the
// next): VINCULO_DATABASE_PREPARED=0 turns it off.
export function withPreparedStatements(pool: pg.Pool, options: PreparedStatementOptions): PostgresPool {
  const names = new Map<string, string>();
  const seen = new Map<string, number>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known) return known;
    if (names.size >= options.max || partialArbiterWithParameters.test(text)) return undefined;
    const count = (seen.get(text) ?? 0) + 1;
    if (count < options.after) {
      // Texts that differ each time (lists of varying length) must not grow this without end.
      if (seen.size >= 10_000) seen.clear();
      seen.set(text, count);
      return undefined;
    }
    seen.delete(text);
    const name = `vinculo_${names.size + 1}`;
    names.set(text, name);
    return name;
  };
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    function query<R>(text: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query<R>(textOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
      // A cursor (Kysely's stream()) is a pg Submittable: handed over as it is.
      if (typeof textOrCursor !== 'string') return client.query(textOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
      // Statements without parameters (begin, commit) go by the simple protocol.
      const name = parameters?.length ? nameOf(textOrCursor) : undefined;
      const values = parameters ? [...parameters] : undefined;
      return (name ? client.query({ name, text: textOrCursor, values }) : client.query(textOrCursor, values)) as unknown as Promise<PostgresQueryResult<R>>;
    }
    return { query, release: () => client.release() };
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) wrapped.set(client, (w = wrap(client)));
      return w;
    },
    end: () => pool.end(),
  };
}
