import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { tempDir } from './support/test-app.ts';
import { startServer, waitForOutput } from './support/server-process.ts';

test('a bad setting stops start-up with a message that names it', async () => {
  const dataDir = tempDir();
  try {
    const p = startServer({ DATABASE_URL: '', VINCULO_DATA_DIR: dataDir, PORT: 'eighty', VINCULO_PUBLIC_URL: 'nowhere' });
    assert.equal(await p.exited, 1);
    assert.match(p.output(), /PORT: /);
    assert.match(p.output(), /VINCULO_PUBLIC_URL: must be an absolute http\(s\) URL/);
    assert.equal(fs.existsSync(`${dataDir}/pglite`), false, 'nothing was created');
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the first start prints a generated admin password once, and SIGTERM shuts down cleanly', async () => {
  const dataDir = tempDir();
  const port = String(40000 + Math.floor(Math.random() * 1000));
  try {
    const first = startServer({ DATABASE_URL: '', VINCULO_DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1', VINCULO_ADMIN_PASSWORD: '' });
    await waitForOutput(first, /Vínculo is running/);
    await waitForOutput(first, /Generated admin password \(shown only now\): (\S+)/);
    const password = /shown only now\): (\S+)/.exec(first.output())![1]!;
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@vinculo.local', password }),
    });
    assert.equal(login.status, 200);
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    assert.equal(fs.existsSync(`${dataDir}/vinculo.lock`), false, 'the lock is released on shutdown');

    const second = startServer({ DATABASE_URL: '', VINCULO_DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1' });
    await waitForOutput(second, /Vínculo is running/);
    assert.doesNotMatch(second.output(), /Generated admin password/, 'only the first start creates and prints it');
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
