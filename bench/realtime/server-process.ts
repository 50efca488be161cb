import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

// Linux reports process CPU times in clock ticks; USER_HZ is 100 on every mainstream build.
const CLOCK_TICKS_PER_SECOND = 100;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

// utime + stime in seconds; the command name may contain spaces, so fields are counted after ")".
export function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function parentPid(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

// Busy and total jiffies of the whole machine, to tell a saturated machine from a slow server.
export function machineCpu(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

// PostgreSQL's CPU: every process of the postmaster that serves our database (backends carry the
// database name in their title), including its WAL writer and other helpers.
export function postgresCpuSeconds(databaseName: string): number {
  const pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  let postmaster = 0;
  for (const pid of pids) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(databaseName)) {
        postmaster = parentPid(pid);
        break;
      }
    } catch {
      // The process ended while we looked.
    }
  }
  if (!postmaster) return 0;
  let total = cpuSeconds(postmaster);
  for (const pid of pids) if (parentPid(pid) === postmaster) total += cpuSeconds(pid);
  return total;
}

export type ServerProcess = {
  readonly pid: number;
  readonly port: number;
  /** Lines the server wrote at level warn or above (pino JSON) or to stderr. */
  problems(): string[];
  stop(): Promise<void>;
};

export type StartOptions = {
  name: string;
  args: string[];
  env: Record<string, string>;
  port: number;
  ready: RegExp;
  logPath: string;
  timeoutMs: number;
};

export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, options.args, {
    cwd: process.cwd(),
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = fs.createWriteStream(options.logPath);
  const problems: string[] = [];
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    log.write(chunk);
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      // pino levels: 40 warn, 50 error, 60 fatal.
      const level = /"level":(\d+)/.exec(line)?.[1];
      if ((level && Number(level) >= 40) || (stream === 'stderr' && !level)) problems.push(line);
    }
  };
  child.stdout.on('data', collect('stdout'));
  child.stderr.on('data', collect('stderr'));

  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${options.name} did not start within ${options.timeoutMs / 1000} s; log: ${options.logPath}`)), options.timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (options.ready.test(seen)) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited during start-up; log: ${options.logPath}\n${problems.slice(-5).join('\n')}`));
    });
  }).catch(async (err: unknown) => {
    if (!exited) child.kill('SIGKILL');
    await exit;
    throw err;
  });

  return {
    pid: child.pid ?? 0,
    port: options.port,
    problems: () => problems,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exit;
        clearTimeout(killer);
      }
      await new Promise<void>((resolve) => log.end(() => resolve()));
    },
  };
}

/** Samples a process's RSS every interval; `mark` starts a new phase whose peak is kept apart. */
export function rssSampler(pid: number, intervalMs = 200) {
  const peaks = new Map<string, number>();
  let phase = 'start-up';
  const sample = () => {
    const mb = rssMb(pid);
    peaks.set(phase, Math.max(peaks.get(phase) ?? 0, mb));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    mark(next: string) {
      sample();
      phase = next;
      sample();
    },
    peak(which?: string): number {
      if (which) return peaks.get(which) ?? 0;
      return Math.max(0, ...peaks.values());
    },
    stop() {
      sample();
      clearInterval(timer);
    },
  };
}

export const BENCH_ADMIN = { email: 'bench@vinculo.local', password: 'bench-password-1234' };

export type VinculoOptions = {
  backend: 'pglite' | 'postgres';
  port: number;
  dataDir: string;
  logPath: string;
  databaseUrl?: string;
  poolSize?: number;
  nodeArgs?: string[];
};

// The real server (packages/server/src/main.ts) as a child process, configured for a benchmark:
// a known admin, no demo data, no limit on widget sessions from the one load-generator address.
export function startVinculo(o: VinculoOptions): Promise<ServerProcess> {
  const main = new URL('../../packages/server/src/main.ts', import.meta.url).pathname;
  return startServer({
    name: `Vínculo (${o.backend})`,
    args: [...(o.nodeArgs ?? []), '--import', 'tsx', main],
    env: {
      PORT: String(o.port),
      HOST: '127.0.0.1',
      VINCULO_PUBLIC_URL: `http://127.0.0.1:${o.port}`,
      VINCULO_DATA_DIR: o.dataDir,
      VINCULO_ADMIN_EMAIL: BENCH_ADMIN.email,
      VINCULO_ADMIN_PASSWORD: BENCH_ADMIN.password,
      VINCULO_DEMO: 'false',
      VINCULO_WIDGET_SESSIONS_PER_MINUTE: '100000',
      LOG_LEVEL: 'warn',
      // Empty means unset to Vínculo: the PGlite run must not pick up an inherited URL.
      DATABASE_URL: o.databaseUrl ?? '',
      DATABASE_POOL_SIZE: o.poolSize === undefined ? '' : String(o.poolSize),
    },
    port: o.port,
    ready: /Vínculo is running at/,
    logPath: o.logPath,
    timeoutMs: 180_000,
  });
}
