import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/platform/db/database.types.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { executeGeneric, executeNamed, opaqueParam } from '../src/platform/db/prepared-statements.ts';
import { backends, createTestDatabase, tempDir } from './support/test-app.ts';

// Catalog rows looked up one by one by primary key: each id costs the planner an index probe, so
// the length it assumes for the list decides which plan looks cheaper.
const lookup = (db: Kysely<Database>, list: ReturnType<typeof sql<number[]>>) =>
  sql<{ oid: number }>`
    select c.oid::int as oid from unnest(${list}) as u (id)
    cross join lateral (select oid from pg_class where oid = u.id::oid limit 1) c
    order by c.oid`.compile(db);

const plans = async (db: Kysely<Database>, marker: string) =>
  (
    await sql<{ generic_plans: string; custom_plans: string }>`
      select generic_plans, custom_plans from pg_prepared_statements where statement like ${`%${marker}%`}`.execute(db)
  ).rows.map((r) => ({ generic: Number(r.generic_plans), custom: Number(r.custom_plans) }));

for (const backend of backends()) {
  describe(`prepared statements (${backend})`, () => {
    test('a named query answers as the plain one; with its lists as opaqueParam, PostgreSQL settles on one generic plan, with bare lists it plans every run', async () => {
      const dataDir = tempDir();
      const database = await createTestDatabase(backend, dataDir);
      const handle = await openDatabase({ databaseUrl: database.env.DATABASE_URL || undefined, dataDir, poolSize: 1, pgliteDir: database.pgliteDir });
      try {
        const db = handle.db;
        const oids = (await sql<{ oid: number }>`select oid::int as oid from pg_class order by oid limit 8`.execute(db)).rows.map((r) => r.oid);
        for (const n of [1, 2, 3, 2, 1, 3, 2, 1]) {
          const list = oids.slice(0, n);
          const plain = (await db.executeQuery(lookup(db, sql<number[]>`${list}::bigint[]`))).rows;
          assert.equal(plain.length, n);
          assert.deepEqual(await executeNamed(db, lookup(db, opaqueParam(list, 'bigint[]'))), plain, `${n} ids, as opaqueParam`);
          assert.deepEqual(await executeNamed(db, lookup(db, sql<number[]>`${list}::bigint[] /*bare*/`)), plain, `${n} ids, bare`);
        }
        const settled = await plans(db, '(select $1::bigint[])::bigint[]');
        assert.equal(settled.length, 1, 'one named statement for the eight runs');
        assert.equal(settled[0]!.custom, 5, 'planned for its values five times…');
        assert.equal(settled[0]!.generic, 3, '…then the generic plan, kept');
        const bare = await plans(db, '/*bare*/');
        assert.equal(bare.length, 1);
        assert.equal(bare[0]!.custom, 8, 'a short bare list always looks cheaper planned for its values');
      } finally {
        await handle.close();
        await database.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    });

    test('executeGeneric plans generically from its first run, for the rest of its transaction only', async () => {
      const dataDir = tempDir();
      const database = await createTestDatabase(backend, dataDir);
      const handle = await openDatabase({ databaseUrl: database.env.DATABASE_URL || undefined, dataDir, poolSize: 1, pgliteDir: database.pgliteDir });
      const mode = async (db: Kysely<Database>) => (await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(db)).rows[0]!.plan_cache_mode;
      try {
        const oids = (await sql<{ oid: number }>`select oid::int as oid from pg_class order by oid limit 4`.execute(handle.db)).rows.map((r) => r.oid);
        for (const n of [1, 2, 3]) {
          await handle.db.transaction().execute(async (trx) => {
            const plain = (await trx.executeQuery(lookup(trx, sql<number[]>`${oids.slice(0, n)}::bigint[]`))).rows;
            assert.deepEqual(await executeGeneric(trx, lookup(trx, sql<number[]>`${oids.slice(0, n)}::bigint[] /*forced*/`)), plain);
            assert.equal(await mode(trx), 'force_generic_plan');
          });
        }
        assert.equal(await mode(handle.db), 'auto', 'back to the server setting after the transaction');
        assert.deepEqual(await plans(handle.db, '/*forced*/'), [{ generic: 3, custom: 0 }]);
      } finally {
        await handle.close();
        await database.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
