import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../platform/config/config.ts';
import { DataDirLockedError } from '../platform/db/data-dir-lock.ts';
import { openDatabase } from '../platform/db/database.ts';
import { tenantScope } from '../platform/db/tenant-scope.ts';
import { correctionsToTsv, listCorrections } from '../modules/emotion/emotion-correction.service.ts';

const usage = `Usage: npm run -s emotion:corrections -- [--workspace <slug>] [--since <ISO date>] [--out <file>]

Exports employees' corrections of emotion labels as a TSV (text, emotion, polarity, predicted,
language, corrected_at): extra training data for the emotion model, and input for
\`npm run emotion -- evaluate FILE\`.

  -w, --workspace <slug>  workspace (default: every workspace)
      --since <date>      only corrections made from then on, e.g. 2026-11-01
  -o, --out <file>        write there instead of standard output
  -h, --help              show this help

It reads the server's database: DATABASE_URL, or else PGlite in VINCULO_DATA_DIR (default ./data).
Stop the server first when it uses PGlite (the API offers GET /api/emotion/corrections.tsv meanwhile).`;

class UsageError extends Error {}

async function main(): Promise<number> {
  let values: { workspace?: string; since?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: { workspace: { type: 'string', short: 'w' }, since: { type: 'string' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const since = values.since === undefined ? undefined : new Date(values.since);
  if (since && Number.isNaN(since.getTime())) throw new UsageError(`--since must be a date such as 2026-11-01 (got "${values.since}")`);

  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    let q = database.db.selectFrom('workspaces').select(['id', 'slug']).orderBy('created_at');
    if (values.workspace) q = q.where('slug', '=', values.workspace);
    const workspaces = await q.execute();
    if (values.workspace && workspaces.length === 0) throw new UsageError(`No workspace has the slug "${values.workspace}"`);
    const rows = (await Promise.all(workspaces.map((w) => listCorrections(tenantScope(database.db, w.id), since)))).flat();
    const tsv = correctionsToTsv(rows);
    if (values.out) {
      writeFileSync(values.out, tsv);
      console.error(`Wrote ${rows.length} corrections to ${values.out}`);
    } else {
      process.stdout.write(tsv);
    }
    return 0;
  } finally {
    await database.close();
  }
}

// exitCode rather than exit(): a large export piped elsewhere must be flushed first.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) console.error(`${err.message}\n\n${usage}`);
    else if (err instanceof ConfigError || err instanceof DataDirLockedError) console.error(err.message);
    else console.error('emotion:corrections failed:', err);
    process.exitCode = 1;
  },
);
