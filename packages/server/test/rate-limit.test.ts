import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from './support/test-app.ts';
import { call, createTenant } from './support/api-client.ts';

// Rate limiting lives in memory, not in the database, so one backend is enough.
test('password guessing is cut off with 429 after the configured attempts per minute', async () => {
  const app = await createTestApp('pglite', { VINCULO_LOGIN_ATTEMPTS_PER_MINUTE: '3' });
  try {
    const attempt = () => call(app, 'POST', '/api/auth/login', { body: { email: 'someone@example.test', password: 'guess guess' } });
    for (let i = 0; i < 3; i++) assert.equal((await attempt()).status, 401);
    const blocked = await attempt();
    assert.equal(blocked.status, 429);
    assert.equal(blocked.body.error.code, 'rate_limited');
    assert.match(blocked.body.error.message, /try again in \d+ s/);
    assert.equal((await call(app, 'GET', '/api/health')).status, 200, 'other routes are not limited');
  } finally {
    await app.teardown();
  }
});

test('one address cannot mint unlimited widget visitors (each becomes a customer record)', async () => {
  const app = await createTestApp('pglite', { VINCULO_WIDGET_SESSIONS_PER_MINUTE: '2' });
  try {
    const tenant = await createTenant(app, 'Acme');
    const start = () => call(app, 'POST', '/api/widget/session', { body: { workspace: tenant.publicKey } });
    for (let i = 0; i < 2; i++) assert.equal((await start()).status, 200);
    const blocked = await start();
    assert.equal(blocked.status, 429);
    assert.equal(blocked.body.error.code, 'rate_limited');
    const customers = await app.ctx.db.selectFrom('customers').select('id').where('workspace_id', '=', tenant.workspaceId).execute();
    assert.equal(customers.length, 2);
  } finally {
    await app.teardown();
  }
});
