import { createHash } from 'node:crypto';
import { sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import type pg from 'pg';
import type { Database } from './database.types.ts';

// Kysely sends every statement unnamed, so PostgreSQL plans it on every execution. A statement
// marked here is sent as a named prepared statement instead (once per connection), and PostgreSQL
// may then keep one generic plan for it and skip planning afterwards.
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

// Runs a query as a named statement under PostgreSQL's own choice of plan: planned for its
// parameters the first five times, then one generic plan per connection when that is estimated no
// dearer (a lookup by key; lists passed as opaqueParam). Nothing else is sent with it, where a
// `set local plan_cache_mode` before and after would cost two more round trips.
export async function executeNamed<R>(db: Kysely<Database>, compiled: CompiledQuery<R>): Promise<R[]> {
  const { rows } = await db.executeQuery<R>({ ...compiled, sql: `${MARK}${compiled.sql}` });
  return rows;
}

export type ParamType = 'uuid[]' | 'bigint[]' | 'int[]' | 'real[]' | 'text[]' | 'timestamptz[]' | 'boolean[]' | 'jsonb[]';

// A list the planner cannot look into (a one-row subquery), so that every plan, the ones made for
// its values included, guesses ten elements: a named statement then settles on its generic plan.
// (Planned for a bare short list, a statement always looked cheaper than generic, so PostgreSQL
// kept planning it.)
export function opaqueParam<T>(value: T, type: ParamType): RawBuilder<T> {
  // The outer cast keeps `= any(…)` reading a list as an array, not as a subquery's rows.
  return sql<T>`(select ${value}::${sql.raw(type)})::${sql.raw(type)}`;
}

// One column of a batch's rows as an opaqueParam list, for statements that take their rows as
// arrays (`unnest(columnParam(rows, (r) => r.id, 'uuid[]'), …)`): one text for any batch size.
export function columnParam<R, T>(rows: readonly R[], pick: (row: R) => T, type: ParamType): RawBuilder<T[]> {
  return opaqueParam(rows.map(pick), type);
}

// As executeNamed, but the generic plan is forced from the start, for a statement whose estimates
// drift as its tables grow (auto mode then keeps going back to planning for the values). It must
// run inside a transaction: from here to its end, statements are planned generically (one round
// trip, where switching back would cost a second).
export async function executeGeneric<R>(trx: Kysely<Database>, compiled: CompiledQuery<R>): Promise<R[]> {
  await sql`set local plan_cache_mode = force_generic_plan`.execute(trx);
  return executeNamed(trx, compiled);
}
