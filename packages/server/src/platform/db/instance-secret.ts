import type { Db } from './database.ts';
import { randomToken } from '../security/tokens.ts';

// Without VINCULO_SECRET the first start generates one and keeps it in the database, so visitor
// tokens survive restarts and every process sharing the database agrees on it.
export async function resolveInstanceSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insertInto('instance_settings')
    .values({ key: 'secret', value: randomToken(48) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('instance_settings').select('value').where('key', '=', 'secret').executeTakeFirstOrThrow();
  return row.value;
}
