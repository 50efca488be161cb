import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { withPreparedStatements } from '../src/platform/db/prepared-statements.ts';
import { createScratchDatabase, type ScratchDatabase } from './support/scratch-database.ts';

// Named statements exist only on a real PostgreSQL server (the embedded database is not wrapped).
const admin = process.env.TEST_DATABASE_URL;

describe('prepared statements (postgres)', { skip: admin ? false : 'TEST_DATABASE_URL is not set' }, () => {
  let scratch: ScratchDatabase;
  let pool: pg.Pool;
  let db: Kysely<Record<string, never>>;
  before(async () => {
    scratch = await createScratchDatabase(admin!, 'vinculo_test');
    // One connection, so every statement below meets the same server session.
    pool = new pg.Pool({ connectionString: scratch.url, max: 1 });
    db = new Kysely({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool, { after: 3, max: 2 }) }) });
    await sql`create table notes (id int primary key, body text not null)`.execute(db);
    await sql`insert into notes values (1, 'uno'), (2, 'dos'), (3, 'tres')`.execute(db);
  });
  after(async () => {
    await db.destroy();
    await scratch.drop();
  });

  const prepared = async () =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements order by prepare_time`.execute(db)).rows.map((r) => r.statement);
  const bodyOf = async (id: number) => (await sql<{ body: string }>`select body from notes where id = ${id}`.execute(db)).rows[0]?.body;

  test('a statement is prepared on its third run, answers as before, and the cap leaves later ones unnamed', async () => {
    assert.equal(await bodyOf(1), 'uno');
    assert.equal(await bodyOf(2), 'dos');
    assert.deepEqual(await prepared(), [], 'two runs: still unnamed');
    assert.equal(await bodyOf(3), 'tres');
    assert.deepEqual(await prepared(), ['select body from notes where id = $1']);
    // Five more runs: the same answers through the named statement (and its generic plan after the fifth).
    for (const [id, body] of [[1, 'uno'], [2, 'dos'], [3, 'tres'], [1, 'uno'], [4, undefined]] as const) assert.equal(await bodyOf(id), body);

    const count = (min: number) => sql<{ n: string }>`select count(*) as n from notes where id >= ${min}`.execute(db);
    for (let i = 0; i < 3; i++) await count(i);
    const upper = (id: number) => sql<{ b: string }>`select upper(body) as b from notes where id = ${id}`.execute(db);
    for (let i = 0; i < 5; i++) assert.equal((await upper(2)).rows[0]!.b, 'DOS');
    // The pg_prepared_statements query itself has no parameter, so it never counts.
    assert.equal((await prepared()).length, 2, 'at most two names: the third hot statement runs unnamed');
    assert.ok(!(await prepared()).some((s) => s.includes('upper(body)')));
  });

  test('an upsert onto a partial unique index keeps working past the fifth run, with its predicate as a parameter or as literals', async () => {
    const fresh = new pg.Pool({ connectionString: scratch.url, max: 1 });
    const other = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool: withPreparedStatements(fresh, { after: 1, max: 10 }) }) });
    try {
      await sql`create table tickets (id serial primary key, owner int not null, status text not null, hits int not null default 1)`.execute(other);
      await sql`create unique index tickets_one_open on tickets (owner) where status = 'open'`.execute(other);
      for (let i = 0; i < 8; i++) {
        await sql`insert into tickets (owner, status) values (${1}, ${'open'}) on conflict (owner) where status = ${'open'} do update set hits = tickets.hits + 1`.execute(other);
        await sql`insert into tickets (owner, status) values (${2}, ${'open'}) on conflict (owner) where status = 'open' do update set hits = tickets.hits + 1`.execute(other);
      }
      const { rows } = await sql<{ owner: number; hits: number }>`select owner, hits from tickets order by owner`.execute(other);
      assert.deepEqual(rows, [{ owner: 1, hits: 8 }, { owner: 2, hits: 8 }]);
      const named = (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(other)).rows.map((r) => r.statement);
      assert.ok(named.some((t) => t.includes(`where status = 'open' do update`)), 'the literal form is prepared');
      assert.ok(!named.some((t) => t.includes('where status = $')), 'the parameter form is not');
    } finally {
      await other.destroy();
    }
  });

  test('a statement whose first named run fails in an aborted transaction is prepared again on the next run', async () => {
    const fresh = new pg.Pool({ connectionString: scratch.url, max: 1 });
    const other = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool: withPreparedStatements(fresh, { after: 1, max: 10 }) }) });
    try {
      await assert.rejects(
        other.transaction().execute(async (trx) => {
          await assert.rejects(sql`select 1 / ${0}::int as x`.execute(trx), /division by zero/);
          // The transaction is aborted: this statement's parse fails, so it is not prepared.
          await sql`select body from notes where id = ${1}`.execute(trx);
        }),
        /current transaction is aborted/,
      );
      const { rows } = await sql<{ body: string }>`select body from notes where id = ${1}`.execute(other);
      assert.equal(rows[0]!.body, 'uno');
    } finally {
      await other.destroy();
    }
  });
});
