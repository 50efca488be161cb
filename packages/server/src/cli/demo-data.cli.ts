import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig, type Config } from '../platform/config/config.ts';
import { DataDirLockedError } from '../platform/db/data-dir-lock.ts';
import { openDatabase, type Db } from '../platform/db/database.ts';
import { createEmotionSensor } from '../platform/emotion/emotion-sensor.ts';
import { generateDemoData, type DemoDataResult } from '../modules/demo/demo-data.service.ts';
import { ensureFirstWorkspace } from '../modules/workspaces/first-run.service.ts';
import { createWorkspace } from '../modules/workspaces/workspace.service.ts';

const usage = `Usage: npm run demo-data -- --customers <n> [--workspace <slug>] [--seed <n>]

Fills a workspace with realistic Spanish and English customers, conversations and messages.

  -c, --customers <n>    customers to create, 1 to 1000000; "10k" and "100k" work too
  -w, --workspace <slug> workspace to fill (default: demo); created when it does not exist
  -s, --seed <n>         whole number; the same seed gives the same names (default: random)
  -h, --help             show this help

It writes to the server's database: DATABASE_URL, or else PGlite in VINCULO_DATA_DIR (default ./data).
Stop the server first when it uses PGlite: only one process may open that directory.`;

const MAX_CUSTOMERS = 1_000_000;
const MAX_SEED = 2 ** 31 - 1;

type Args = { customers: number; workspace: string; seed: number };

class UsageError extends Error {}

function parseCli(argv: string[]): Args | 'help' {
  let values: { customers?: string; workspace?: string; seed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        customers: { type: 'string', short: 'c' },
        workspace: { type: 'string', short: 'w' },
        seed: { type: 'string', short: 's' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) return 'help';

  if (values.customers === undefined) throw new UsageError('--customers is required, e.g. --customers 100');
  const count = /^(\d{1,7})(k?)$/i.exec(values.customers.trim().replaceAll('_', ''));
  const customers = count ? Number(count[1]) * (count[2] ? 1000 : 1) : Number.NaN;
  if (!Number.isInteger(customers) || customers < 1 || customers > MAX_CUSTOMERS) {
    throw new UsageError(`--customers must be a whole number from 1 to ${MAX_CUSTOMERS.toLocaleString('en')} (got "${values.customers}")`);
  }

  const workspace = values.workspace ?? 'demo';
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(workspace)) {
    throw new UsageError(`--workspace must be a workspace slug: lower-case letters, digits and dashes, at most 40 (got "${workspace}")`);
  }

  let seed: number;
  if (values.seed === undefined) {
    seed = Math.floor(Math.random() * MAX_SEED);
  } else {
    seed = /^\d{1,10}$/.test(values.seed) ? Number(values.seed) : Number.NaN;
    if (!Number.isInteger(seed) || seed > MAX_SEED) {
      throw new UsageError(`--seed must be a whole number from 0 to ${MAX_SEED} (got "${values.seed}")`);
    }
  }
  return { customers, workspace, seed };
}

const int = (n: number) => Math.round(n).toLocaleString('en');

async function resolveWorkspace(db: Db, config: Config, slug: string): Promise<{ id: string; slug: string }> {
  const existing = await db.selectFrom('workspaces').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst();
  if (existing) return existing;
  // On an empty database, first do what the server's first start does; it would skip that step
  // once any workspace exists, and then nobody could sign in.
  const first = await ensureFirstWorkspace({ db, config: { ...config, demo: false } });
  if (first) {
    console.log(`Created the workspace "demo" with its admin: sign in as ${first.adminEmail}`);
    if (first.generatedPassword) console.log(`Generated admin password (shown only now): ${first.generatedPassword}`);
    if (slug === 'demo') return { id: first.workspaceId, slug };
  }
  const created = await createWorkspace(db, { name: slug, slug });
  console.log(`Created the workspace "${created.slug}". It has no admin yet; its demo agents have no passwords.`);
  return created;
}

async function run(args: Args, config: Config): Promise<number> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(130);
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
    console.log(`Database: ${where}`);
    const workspace = await resolveWorkspace(database.db, config, args.workspace);
    console.log(`Adding ${int(args.customers)} customers to "${workspace.slug}" (seed ${args.seed}). Ctrl-C stops after the current batch.`);

    const bar = new cliProgress.SingleBar(
      {
        format: 'Customers {bar} {percentage}% | {value}/{total} | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
        hideCursor: true,
        etaBuffer: 20,
        // Without a terminal (CI, a pipe) print a plain line every few seconds instead of nothing.
        noTTYOutput: true,
        notTTYSchedule: 5000,
      },
      cliProgress.Presets.shades_classic,
    );
    const started = performance.now();
    bar.start(args.customers, 0, { rows: '0', rate: '0' });
    let rows = 0;
    let result: DemoDataResult;
    try {
      result = await generateDemoData({ db: database.db, emotion: createEmotionSensor() }, workspace.id, {
        customers: args.customers,
        seed: args.seed,
        signal: abort.signal,
        onProgress: (done, _total, inserted) => {
          rows = inserted;
          bar.update(done, { rows: int(rows), rate: int(rows / ((performance.now() - started) / 1000)) });
        },
      });
    } finally {
      bar.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${abort.signal.aborted ? 'Stopped' : 'Done'} in ${seconds.toFixed(1)} s: ${int(result.customers)} customers, ` +
        `${int(result.conversations)} conversations, ${int(result.messages)} messages, ${result.employees} new demo agents ` +
        `(${int(rows)} rows, ${int(rows / seconds)} rows/s).`,
    );
    return abort.signal.aborted ? 130 : 0;
  } finally {
    process.off('SIGINT', onSigint);
    await database.close();
  }
}

async function main(): Promise<number> {
  const args = parseCli(process.argv.slice(2));
  if (args === 'help') {
    console.log(usage);
    return 0;
  }
  return run(args, loadConfig());
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) console.error(`${err.message}\n\n${usage}`);
    else if (err instanceof ConfigError || err instanceof DataDirLockedError) console.error(err.message);
    else console.error('demo-data failed:', err);
    process.exit(1);
  },
);
