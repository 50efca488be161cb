// Builds the browser bundles (web app, widget) when they are missing or older than their sources,
// so `npm start` on a fresh clone serves a working UI and a restart costs nothing.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function newestMtime(p: string): number {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), st.mtimeMs);
}

const bundles = [
  { workspace: '@vinculo/widget', dir: 'packages/widget', output: 'dist/widget.js' },
  { workspace: '@vinculo/web', dir: 'packages/web', output: 'dist/index.html' },
];

for (const b of bundles) {
  const dir = path.join(root, b.dir);
  // Both bundles include the shared call code (packages/call-peer).
  const sources = [...['src', 'index.html', 'vite.config.ts', 'package.json'].map((f) => path.join(dir, f)), path.join(root, 'packages/call-peer/src')].map(newestMtime);
  const built = newestMtime(path.join(dir, b.output));
  if (built > 0 && built >= Math.max(...sources)) continue;
  console.log(`Building ${b.workspace} (${built ? 'sources changed' : 'first run'})…`);
  const result = spawnSync('npm', ['run', '--silent', 'build', '-w', b.workspace], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Building ${b.workspace} failed (exit ${result.status}); fix the error above and run npm start again.`);
    process.exit(result.status ?? 1);
  }
}
