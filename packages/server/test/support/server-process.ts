import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/main.ts');

export type ServerProcess = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

// The real server, as `npm start` runs it, in its own process so a test can kill it.
export function startServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, LOG_LEVEL: 'warn', VINCULO_DEMO: 'false', VINCULO_SMTP_PORT: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

export async function waitForOutput(p: ServerProcess, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!pattern.test(p.output())) {
    if (p.child.exitCode !== null) throw new Error(`server exited (${p.child.exitCode}):\n${p.output()}`);
    if (Date.now() - start > timeoutMs) throw new Error(`server did not print ${pattern} in time:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
