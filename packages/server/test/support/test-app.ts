import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { createScratchDatabase } from './scratch-database.ts';

export type Backend = 'pglite' | 'postgres';

// Every suite runs on each backend available: PGlite always, PostgreSQL when scripts/with-postgres.sh
// (or CI) provides TEST_DATABASE_URL. VINCULO_TEST_BACKENDS=pglite narrows it for a quick local run.
export function backends(): Backend[] {
  const wanted = (process.env.VINCULO_TEST_BACKENDS ?? 'pglite,postgres').split(',');
  const list: Backend[] = [];
  if (wanted.includes('pglite')) list.push('pglite');
  if (wanted.includes('postgres') && process.env.TEST_DATABASE_URL) list.push('postgres');
  return list;
}

export type TestDatabase = { env: Record<string, string>; pgliteDir?: string; drop: () => Promise<void> };

export async function createTestDatabase(backend: Backend, dataDir: string): Promise<TestDatabase> {
  if (backend === 'pglite') return { env: { VINCULO_DATA_DIR: dataDir }, pgliteDir: 'memory://', drop: async () => undefined };
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('TEST_DATABASE_URL is not set');
  const scratch = await createScratchDatabase(admin, 'vinculo_test');
  return {
    env: { VINCULO_DATA_DIR: dataDir, DATABASE_URL: scratch.url, DATABASE_POOL_SIZE: '5' },
    drop: scratch.drop,
  };
}

export const tempDir = (prefix = 'vinculo-test-') => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

export type TestApp = App & { dataDir: string; teardown: () => Promise<void> };

export async function createTestApp(backend: Backend, env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = tempDir();
  const database = await createTestDatabase(backend, dataDir);
  // No SMTP listener unless a test asks for one: parallel test processes would all want port 2525.
  const config = loadConfig({ LOG_LEVEL: 'silent', VINCULO_DEMO: 'false', VINCULO_LOGIN_ATTEMPTS_PER_MINUTE: '1000', VINCULO_WIDGET_SESSIONS_PER_MINUTE: '1000', VINCULO_SMTP_PORT: 'off', ...database.env, ...env });
  const app = await buildApp(config, { pgliteDir: database.pgliteDir, logger: false });
  return {
    ...app,
    dataDir,
    teardown: async () => {
      await app.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
