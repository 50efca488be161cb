// Realtime benchmark: N visitor and M employee WebSocket clients on loopback, visitors sending
// at a fixed aggregate rate; measures visitor-send → employee-receive latency at every employee,
// loss, order, throughput and server memory on a bare `ws` floor, PGlite and PostgreSQL.
// Usage: scripts/with-postgres.sh npm run bench:realtime -- [--visitors 900 --employees 100 ...]
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runLoad } from './load.ts';
import { createScratchDatabase, type ScratchDatabase } from '../../packages/server/test/support/scratch-database.ts';
import { goalVerdicts, resultsTable, type BackendName, type BackendResult, type Measured } from './report.ts';
import { cpuSeconds, freePort, machineCpu, postgresCpuSeconds, rssMb, rssSampler, startServer, startVinculo, BENCH_ADMIN, type ServerProcess } from './server-process.ts';
import { floorTarget, progressPrinter, setupVinculo, type BenchTarget } from './setup.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    visitors: { type: 'string', default: '900' },
    employees: { type: 'string', default: '100' },
    rate: { type: 'string', default: '500' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    drain: { type: 'string', default: '60' },
    backends: { type: 'string', default: 'floor,pglite,postgres' },
    'setup-concurrency': { type: 'string', default: '8' },
    'connect-concurrency': { type: 'string', default: '50' },
    'pool-size': { type: 'string' },
    'quiet-wait': { type: 'string', default: '120' },
    json: { type: 'string' },
    profile: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench:realtime -- [--visitors 900] [--employees 100] [--rate 500 msgs/s] [--duration 20 s] [--warmup 3 s]
  [--drain 60 s (max; ends early once complete or 5 s without progress)] [--backends floor,pglite,postgres] [--setup-concurrency 8] [--connect-concurrency 50]
  [--pool-size N (DATABASE_POOL_SIZE; server default otherwise)] [--quiet-wait 120 s (max wait for an idle machine)] [--json results.json] [--profile (server --cpu-prof)]
PostgreSQL needs TEST_DATABASE_URL: run under scripts/with-postgres.sh.`);
  process.exit(0);
}

function positive(name: string, text: string | undefined, { integer = true, allowZero = false } = {}): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0) || (integer && !Number.isInteger(n))) {
    console.error(`--${name} must be a ${integer ? 'whole ' : ''}number${allowZero ? ' ≥ 0' : ' > 0'} (got ${text})`);
    process.exit(2);
  }
  return n;
}

const opts = {
  visitors: positive('visitors', args.visitors),
  employees: positive('employees', args.employees),
  rate: positive('rate', args.rate, { integer: false }),
  durationS: positive('duration', args.duration, { integer: false }),
  warmupS: positive('warmup', args.warmup, { integer: false, allowZero: true }),
  drainS: positive('drain', args.drain, { integer: false }),
  setupConcurrency: positive('setup-concurrency', args['setup-concurrency']),
  connectConcurrency: positive('connect-concurrency', args['connect-concurrency']),
  quietWaitS: positive('quiet-wait', args['quiet-wait'], { integer: false, allowZero: true }),
  poolSize: args['pool-size'] === undefined ? undefined : positive('pool-size', args['pool-size']),
};
const known: BackendName[] = ['floor', 'pglite', 'postgres'];
const backends = (args.backends ?? '').split(',').map((b) => b.trim()).filter(Boolean);
const unknown = backends.filter((b) => !known.includes(b as BackendName));
if (unknown.length || !backends.length) {
  console.error(`--backends takes a comma-separated list of ${known.join(', ')} (got ${args.backends})`);
  process.exit(2);
}

const runTag = randomBytes(4).toString('hex');

async function machineBusyPct(ms: number): Promise<number> {
  const a = machineCpu();
  await new Promise((r) => setTimeout(r, ms));
  const b = machineCpu();
  return ((b.busy - a.busy) / Math.max(1, b.total - a.total)) * 100;
}

// On a shared machine other work would be billed to the server; wait (bounded) for a quiet
// spell of three seconds under 10 % busy. Returns how busy the machine was in the last second.
async function waitForQuiet(maxS: number): Promise<number> {
  const deadline = performance.now() + maxS * 1000;
  let quietSeconds = 0;
  let told = false;
  let busy = await machineBusyPct(1000);
  while (performance.now() < deadline) {
    quietSeconds = busy < 10 ? quietSeconds + 1 : 0;
    if (quietSeconds >= 3) break;
    if (quietSeconds === 0 && !told) {
      told = true;
      process.stderr.write(`  machine ${busy.toFixed(0)} % busy; waiting up to ${maxS} s for it to calm down…\n`);
    }
    busy = await machineBusyPct(1000);
  }
  return busy;
}

const progress = progressPrinter();

async function runBackend(backend: BackendName): Promise<BackendResult> {
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (backend === 'postgres' && !postgresUrl) {
    return { backend, status: 'skipped', reason: 'TEST_DATABASE_URL is not set; run under scripts/with-postgres.sh' };
  }
  const machineBusyBeforePct = await waitForQuiet(opts.quietWaitS);
  if (machineBusyBeforePct > 15) console.error(`  warning: the machine is already ${machineBusyBeforePct.toFixed(0)} % busy; figures will be skewed`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `vinculo-bench-${backend}-`));
  const logPath = path.join(os.tmpdir(), `vinculo-bench-${runTag}-${backend}.log`);
  const port = await freePort();
  let database: ScratchDatabase | undefined;
  let server: ServerProcess | undefined;
  let rss: ReturnType<typeof rssSampler> | undefined;
  try {
    if (backend === 'floor') {
      server = await startServer({
        name: 'floor server',
        args: ['--import', 'tsx', path.join(here, 'floor-server.ts')],
        env: { PORT: String(port), HOST: '127.0.0.1' },
        port,
        ready: /floor listening/,
        logPath,
        timeoutMs: 30_000,
      });
    } else {
      if (backend === 'postgres' && postgresUrl) database = await createScratchDatabase(postgresUrl, 'vinculo_bench');
      const profileDir = path.join(os.tmpdir(), `vinculo-bench-${runTag}-${backend}-profile`);
      server = await startVinculo({
        backend,
        port,
        dataDir: path.join(work, 'data'),
        logPath,
        databaseUrl: database?.url,
        poolSize: opts.poolSize,
        nodeArgs: args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      });
      if (args.profile) console.error(`  CPU profile will be written to ${profileDir}`);
    }
    const pid = server.pid;
    const sampler = rssSampler(pid);
    rss = sampler;
    sampler.mark('setup');
    const setupStart = performance.now();
    let target: BenchTarget;
    if (backend === 'floor') {
      target = floorTarget(opts.visitors);
    } else {
      target = await setupVinculo({
        baseUrl: `http://127.0.0.1:${port}`,
        adminEmail: BENCH_ADMIN.email,
        adminPassword: BENCH_ADMIN.password,
        visitors: opts.visitors,
        concurrency: opts.setupConcurrency,
        runTag,
        progress,
      });
    }
    const setupS = (performance.now() - setupStart) / 1000;
    const rssAfterSetupMb = rssMb(pid);
    sampler.mark('connect');

    let cpuStart = { server: 0, db: 0, machine: machineCpu() };
    let cpu = { serverPct: 0, dbPct: null as number | null, machinePct: 0 };
    let windowStartedAt = 0;
    const load = await runLoad({
      wsBase: `ws://127.0.0.1:${port}`,
      target,
      employees: opts.employees,
      rate: opts.rate,
      warmupS: opts.warmupS,
      durationS: opts.durationS,
      drainS: opts.drainS,
      connectConcurrency: opts.connectConcurrency,
      runTag,
      progress,
      onWindow: (phase) => {
        if (phase === 'start') {
          sampler.mark('measured');
          windowStartedAt = performance.now();
          cpuStart = { server: cpuSeconds(pid), db: database ? postgresCpuSeconds(database.name) : 0, machine: machineCpu() };
          process.stderr.write(`  measuring for ${opts.durationS} s at ${opts.rate} msgs/s…\n`);
        } else {
          sampler.mark('drain');
          const seconds = (performance.now() - windowStartedAt) / 1000;
          const m = machineCpu();
          cpu = {
            serverPct: ((cpuSeconds(pid) - cpuStart.server) / seconds) * 100,
            dbPct: database ? ((postgresCpuSeconds(database.name) - cpuStart.db) / seconds) * 100 : null,
            machinePct: ((m.busy - cpuStart.machine.busy) / (m.total - cpuStart.machine.total)) * 100,
          };
        }
      },
    });
    sampler.stop();
    const result: Measured = {
      backend,
      status: 'ok',
      ...load,
      setupS,
      rssAfterSetupMb,
      rssStartupPeakMb: Math.max(sampler.peak('start-up'), sampler.peak('setup')),
      rssPeakMb: Math.max(sampler.peak('connect'), sampler.peak('measured'), sampler.peak('drain')),
      serverCpuPct: cpu.serverPct,
      databaseCpuPct: cpu.dbPct,
      machineCpuPct: cpu.machinePct,
      machineBusyBeforePct,
      cores: os.availableParallelism(),
      serverProblems: [...server.problems()],
      logPath,
    };
    return result;
  } catch (err) {
    return { backend, status: 'failed', reason: err instanceof Error ? err.message : String(err) };
  } finally {
    rss?.stop();
    await server?.stop();
    await database?.drop().catch((err: unknown) => console.error(`  could not drop ${database?.name}: ${String(err)}`));
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function describeProblems(r: BackendResult): string[] {
  if (r.status !== 'ok') return [];
  const out: string[] = [];
  if (Object.keys(r.sendErrors).length) out.push(`send errors: ${JSON.stringify(r.sendErrors)}`);
  out.push(...r.errorSamples.map((s) => `  ${s}`));
  if (r.disconnects.length) out.push(`disconnects: ${r.disconnects.slice(0, 5).join('; ')}${r.disconnects.length > 5 ? ` (+${r.disconnects.length - 5} more)` : ''}`);
  if (r.serverProblems.length) {
    out.push(`server logged ${r.serverProblems.length} warning/error lines (full log: ${r.logPath}); first ones:`);
    out.push(...r.serverProblems.slice(0, 5).map((l) => `  ${l.slice(0, 400)}`));
  }
  return out.length ? [`${r.backend}:`, ...out] : [];
}

async function main(): Promise<void> {
  const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`bench/realtime — ${opts.visitors} visitors + ${opts.employees} employees, ${opts.rate} msgs/s for ${opts.durationS} s after ${opts.warmupS} s warm-up`);
  console.log(`machine: ${os.availableParallelism()} cores (${cpuModel}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${os.platform()} ${os.release()}`);
  const results: BackendResult[] = [];
  for (const backend of backends as BackendName[]) {
    console.error(`\n▶ ${backend}`);
    const r = await runBackend(backend);
    if (r.status !== 'ok') console.error(`  ${r.status}: ${r.reason}`);
    else console.error(`  done: p99 ${r.latency.p99.toFixed(1)} ms, ${r.acksPerS.toFixed(0)} msgs/s, lost ${r.lost}`);
    results.push(r);
  }
  console.log(`\n${resultsTable(results)}\n`);
  for (const line of goalVerdicts(results)) console.log(line);
  const problems = results.flatMap(describeProblems);
  if (problems.length) console.log(`\nProblems seen:\n${problems.join('\n')}`);
  if (args.json) {
    fs.writeFileSync(args.json, `${JSON.stringify({ options: opts, machine: { cores: os.availableParallelism(), cpuModel, node: process.version }, results }, null, 2)}\n`);
    console.log(`\nresults written to ${args.json}`);
  }
  const anyLost = results.some((r) => r.status === 'ok' && r.lost !== 0);
  const anyFailed = results.some((r) => r.status === 'failed');
  process.exitCode = anyFailed || anyLost ? 1 : 0;
}

await main();
