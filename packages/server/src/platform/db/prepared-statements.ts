import { createHash } from 'node:crypto';
import { sql, type Compilable, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from './database.types.ts';

// Kysely sends every statement unnamed, so PostgreSQL plans it on every execution. A statement
// marked here is sent as a named prepared statement instead (once per connection), and run with a
// generic plan: PostgreSQL keeps one plan per connection and skips planning afterwards.
// Only for hot statements whose plan does not depend on their parameters' values.
const MARK = '/*prepared*/';

type QueryFn = (...args: unknown[]) => unknown;

// Wraps a pg pool so that clients send marked statements as named ones.
export function namingPreparedStatements(pool: pg.Pool): pg.Pool {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as QueryFn;
    (client as unknown as { query: QueryFn }).query = (first: unknown, ...rest: unknown[]) => {
      if (typeof first === 'string' && first.startsWith(MARK) && Array.isArray(rest[0])) {
        const name = `v_${createHash('sha1').update(first).digest('hex').slice(0, 20)}`;
        return query({ name, text: first, values: rest[0] }, ...rest.slice(1));
      }
      return query(first, ...rest);
    };
  });
  return pool;
}

// Runs a query with a generic plan kept per connection, inside the caller's transaction (the plan
// mode is set for it alone and then back to the server's own setting, so the transaction's other
// statements keep their usual plans).
export async function executePrepared<R>(trx: Kysely<Database>, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  await sql`set local plan_cache_mode = force_generic_plan`.execute(trx);
  const { rows } = await trx.executeQuery<R>({ ...compiled, sql: `${MARK}${compiled.sql}` });
  await sql`set local plan_cache_mode to default`.execute(trx);
  return rows;
}
