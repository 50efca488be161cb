import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { executePrepared } from '../src/platform/db/prepared-statements.ts';
import { backends, createTestDatabase, tempDir } from './support/test-app.ts';

for (const backend of backends()) {
  describe(`prepared statements (${backend})`, () => {
    test('a marked query answers as the plain one, with one generic plan kept per connection on PostgreSQL, and leaves the plan mode as it was', async () => {
      const dataDir = tempDir();
      const database = await createTestDatabase(backend, dataDir);
      const handle = await openDatabase({ databaseUrl: database.env.DATABASE_URL || undefined, dataDir, poolSize: 1, pgliteDir: database.pgliteDir });
      try {
        const query = (trx: typeof handle.db, min: number) =>
          trx.selectFrom(sql<{ n: number }>`(select generate_series(1, 20) as n)`.as('s')).select('s.n').where('s.n', '>=', min).orderBy('s.n');
        await handle.db.transaction().execute(async (trx) => {
          for (const min of [3, 7, 11, 15, 18, 19, 20]) {
            assert.deepEqual(await executePrepared(trx, query(trx, min)), await query(trx, min).execute(), `from ${min}`);
          }
          assert.equal((await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(trx)).rows[0]!.plan_cache_mode, 'auto', 'the other statements keep their usual plans');
          if (backend !== 'postgres') return;
          const { rows } = await sql<{ generic_plans: string; custom_plans: string }>`
            select generic_plans, custom_plans from pg_prepared_statements where statement like '/*prepared*/%'`.execute(trx);
          assert.equal(rows.length, 1, 'one named statement for the seven runs');
          assert.equal(Number(rows[0]!.custom_plans), 0, 'never planned for its parameters');
          assert.equal(Number(rows[0]!.generic_plans), 7);
        });
      } finally {
        await handle.close();
        await database.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
