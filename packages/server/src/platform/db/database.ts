import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.types.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { migrateToLatest } from './migrations.ts';
import { oneCallPerQuery } from './pglite-protocol.ts';
import { namingPreparedStatements } from './prepared-statements.ts';

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  backend: 'pglite' | 'postgres';
  close: () => Promise<void>;
};

export type DatabaseOptions = {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize: number;
  // Tests use memory:// so each file gets a fresh embedded database without touching disk.
  pgliteDir?: string;
};

// pg returns bigint as text by default; counts and sequence numbers fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl ? openPostgres(options) : await openPglite(options);
  try {
    await migrateToLatest(handle.db);
  } catch (err) {
    await handle.close();
    throw err;
  }
  return handle;
}

function openPostgres(options: DatabaseOptions): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: namingPreparedStatements(pool) }) });
  return { db, backend: 'postgres', close: () => db.destroy() };
}

async function openPglite(options: DatabaseOptions): Promise<DatabaseHandle> {
  const dir = options.pgliteDir ?? path.join(options.dataDir, 'pglite');
  const inMemory = dir.startsWith('memory://');
  const release = inMemory ? () => undefined : lockDataDir(options.dataDir);
  try {
    // pg_trgm finds customers with similar names (migration 008); PostgreSQL ships it in contrib.
    const lite = await PGlite.create(dir, { extensions: { pg_trgm } });
    // Named statements here too: the embedded database plans in the server's own thread, so every
    // plan it keeps is time given back to the requests (docs/benchmarks.md, reaction).
    const pool = namingPreparedStatements(new pg.Pool(createPgConfig(oneCallPerQuery(lite)) as unknown as pg.PoolConfig));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      backend: 'pglite',
      close: async () => {
        await db.destroy();
        await lite.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

