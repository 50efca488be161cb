import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { backends, createTestApp } from './support/test-app.ts';
import { call, createTenant, startConversation, visitor } from './support/api-client.ts';

const run = promisify(execFile);
const cli = path.resolve(import.meta.dirname, '../src/cli/emotion-corrections.cli.ts');

// The export reads the server's own database, so it runs against PostgreSQL (what it shares with a
// running server); PGlite is covered by the API export in emotion.test.ts.
test('npm run emotion:corrections writes the corrections as a TSV the evaluator can read', { skip: !backends().includes('postgres') && 'needs PostgreSQL' }, async () => {
  const app = await createTestApp('postgres');
  try {
    const acme = await createTenant(app, 'Acme');
    const v = await visitor(app, acme.publicKey);
    const { message } = await startConversation(app, v, 'Pues nada, otra vez\tsin luz\ny sin respuesta');
    const fixed = await call(app, 'PUT', `/api/messages/${message.id}/emotion`, { session: acme.admin, body: { emotion: 'anger' } });
    assert.equal(fixed.status, 200);
    const env = { ...process.env, DATABASE_URL: app.ctx.config.databaseUrl!, VINCULO_DATA_DIR: app.dataDir, LOG_LEVEL: 'silent' };

    const { stdout } = await run(process.execPath, ['--import', 'tsx', cli, '--workspace', 'acme'], { env });
    const lines = stdout.trim().split('\n');
    assert.equal(lines[0], 'text\temotion\tpolarity\tpredicted\tlanguage\tcorrected_at');
    assert.equal(lines.length, 2);
    const [text, emotion, polarity] = lines[1]!.split('\t');
    assert.deepEqual([text, emotion, polarity], ['Pues nada, otra vez sin luz\\ny sin respuesta', 'anger', 'negative']);

    const out = path.join(app.dataDir, 'corrections.tsv');
    await run(process.execPath, ['--import', 'tsx', cli, '--out', out, '--since', '2000-01-01'], { env });
    assert.equal(fs.readFileSync(out, 'utf8'), stdout);

    const bad = await run(process.execPath, ['--import', 'tsx', cli, '--since', 'yesterday-ish'], { env }).catch((err: { code: number; stderr: string }) => err);
    assert.equal((bad as { code: number }).code, 1);
    assert.match((bad as { stderr: string }).stderr, /--since must be a date/);
  } finally {
    await app.teardown();
  }
});
