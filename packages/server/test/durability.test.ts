import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { after, describe, test } from 'node:test';
import { backends, createTestDatabase, tempDir, type TestDatabase } from './support/test-app.ts';
import { startServer, waitForOutput, type ServerProcess } from './support/server-process.ts';

const PASSWORD = 'durable password 1';

async function json(url: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  return { status: res.status, body: await res.json().catch(() => null) };
}

for (const backend of backends()) {
  describe(`durability of acknowledged messages (${backend})`, () => {
    const dataDir = tempDir();
    let database: TestDatabase;
    const running: ServerProcess[] = [];
    after(async () => {
      for (const p of running) p.child.kill('SIGKILL');
      await Promise.all(running.map((p) => p.exited));
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const boot = async (port: number) => {
      const p = startServer({ ...database.env, PORT: String(port), HOST: '127.0.0.1', VINCULO_ADMIN_EMAIL: `durable-${port}@example.test`, VINCULO_ADMIN_PASSWORD: PASSWORD });
      running.push(p);
      await waitForOutput(p, /Vínculo is running/);
      return p;
    };

    test('a server killed mid-traffic and restarted loses no acknowledged message', async () => {
      database = await createTestDatabase(backend, dataDir);
      const port = 39000 + Math.floor(Math.random() * 1000);
      const base = `http://127.0.0.1:${port}`;
      const first = await boot(port);

      if (backend === 'pglite') {
        // A second process on the same data directory must refuse, not corrupt it.
        const second = startServer({ ...database.env, PORT: String(port + 1), HOST: '127.0.0.1' });
        assert.equal(await second.exited, 1);
        assert.match(second.output(), /in use by another Vínculo process/);
      }

      const ws = await json(`${base}/api/widget/session`, { method: 'POST', body: '{"workspace":"x"}' });
      assert.equal(ws.status, 404);
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `durable-${port}@example.test`, password: PASSWORD }) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const me = await json(`${base}/api/workspace`, { headers: { cookie } });
      const session = await json(`${base}/api/widget/session`, { method: 'POST', body: JSON.stringify({ workspace: me.body.publicKey }) });
      const auth = { authorization: `Bearer ${session.body.visitorToken}` };
      const started = await json(`${base}/api/widget/conversations`, { method: 'POST', headers: auth, body: JSON.stringify({ text: 'start', idempotencyKey: randomUUID() }) });
      const conversationId: string = started.body.conversation.id;

      const acked = new Set<string>();
      let stop = false;
      const sender = async () => {
        while (!stop) {
          try {
            const res = await json(`${base}/api/widget/conversations/${conversationId}/messages`, {
              method: 'POST',
              headers: auth,
              body: JSON.stringify({ text: `msg ${randomUUID()}`, idempotencyKey: randomUUID() }),
            });
            if (res.status === 201) acked.add(res.body.message.id);
          } catch {
            return; // connection cut by the kill: this send was never acknowledged
          }
        }
      };
      const senders = Array.from({ length: 8 }, sender);
      while (acked.size < 150) await new Promise((r) => setTimeout(r, 10));
      first.child.kill('SIGKILL');
      await first.exited;
      stop = true;
      await Promise.all(senders);
      assert.ok(acked.size >= 150);

      await boot(port);
      const history: string[] = [];
      let after = '';
      for (;;) {
        const page = await json(`${base}/api/widget/conversations/${conversationId}/messages?limit=500${after}`, { headers: auth });
        assert.equal(page.status, 200, JSON.stringify(page.body));
        history.push(...page.body.items.map((m: { id: string }) => m.id));
        if (!page.body.nextCursor) break;
        after = `&after=${page.body.nextCursor}`;
      }
      const lost = [...acked].filter((id) => !history.includes(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acked.size} acknowledged messages lost`);
    });
  });
}
