import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './platform/config/config.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { ensureFirstWorkspace } from './modules/workspaces/first-run.service.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp(config);
  const first = await ensureFirstWorkspace(app.ctx);
  await app.server.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  console.log(`\nVínculo is running at ${config.publicUrl} (database: ${where})`);
  console.log(`Web app: ${config.publicUrl}/   ·   Chat widget demo: ${config.publicUrl}/demo   ·   API docs: ${config.publicUrl}/api/docs`);
  if (first) {
    console.log(`\nCreated the workspace "Vínculo Demo"${config.demo ? ' with sample customers and conversations' : ''}. Sign in as ${first.adminEmail}`);
    if (first.generatedPassword) console.log(`Generated admin password (shown only now): ${first.generatedPassword}\n`);
  }
  const stop = async (signal: string) => {
    console.log(`\n${signal}: shutting down`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
  } else {
    console.error('Vínculo could not start:', err);
  }
  process.exit(1);
});
