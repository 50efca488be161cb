import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';

// A year of a big workspace sorts a few hundred thousand rows (medians, windows, grouping sets): room
// for that in memory, for this statement's transaction only, instead of spilling to disk.
export async function reporting<R>(scope: TenantScope, run: (db: Kysely<Database>) => Promise<R>): Promise<R> {
  return scope.db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '64MB'`.execute(trx);
    return run(trx);
  });
}
