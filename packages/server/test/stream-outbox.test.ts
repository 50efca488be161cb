import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { conversationStream, readStreamEvents, streamHead, workspaceStream } from '../src/platform/realtime/stream-log.ts';
import { staleStagedEvents, stageStreamEvents } from '../src/platform/realtime/stream-outbox.ts';
import { call, createTenant, startConversation, visitor } from './support/api-client.ts';
import { backends, createTestApp, createTestDatabase, tempDir } from './support/test-app.ts';
import { waitFor } from './support/wait-for.ts';

const staged = async (db: Parameters<typeof stageStreamEvents>[0], workspaceId: string) =>
  Number((await sql<{ n: string }>`select count(*) as n from stream_outbox where workspace_id = ${workspaceId}`.execute(db)).rows[0]!.n);

for (const backend of backends()) {
  describe(`workspace events staged in the outbox (${backend})`, () => {
    test('events a stopped process staged but never numbered are numbered, in order, when the next process starts', async () => {
      const dataDir = tempDir();
      const database = await createTestDatabase(backend, dataDir);
      // A directory, not memory: the second process must find what the first one left.
      const pgliteDir = backend === 'pglite' ? path.join(dataDir, 'pglite') : undefined;
      const config = loadConfig({ LOG_LEVEL: 'silent', VINCULO_DEMO: 'false', ...database.env });
      let app = await buildApp(config, { pgliteDir, logger: false });
      try {
        const acme = await createTenant(app, 'Acme');
        const stream = workspaceStream(acme.workspaceId);
        const head = await streamHead(app.ctx.db, acme.workspaceId, stream);
        // As a message's transaction leaves them when the process dies right after its commit.
        await stageStreamEvents(app.ctx.db, acme.workspaceId, [1, 2, 3].map((n) => ({ stream, type: 'test.staged', data: { n } })));
        await app.close();

        app = await buildApp(config, { pgliteDir, logger: false });
        const events = await waitFor(async () => {
          const e = await readStreamEvents(app.ctx.db, acme.workspaceId, stream, head, 10);
          return e.length === 3 ? e : undefined;
        }, 'the staged events to be numbered');
        assert.deepEqual(
          events.map((e) => [e.seq, e.type, e.data.n]),
          [
            [head + 1, 'test.staged', 1],
            [head + 2, 'test.staged', 2],
            [head + 3, 'test.staged', 3],
          ],
        );
        assert.equal(await staged(app.ctx.db, acme.workspaceId), 0, 'numbered events leave the outbox');
      } finally {
        await app.close();
        await database.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    });

    test('the periodic check leaves young staged events to their writer and hands back old ones, by workspace', async () => {
      const app = await createTestApp(backend);
      try {
        const acme = await createTenant(app, 'Acme');
        const other = await createTenant(app, 'Other');
        const stream = workspaceStream(acme.workspaceId);
        const [first, second] = await stageStreamEvents(app.ctx.db, acme.workspaceId, [1, 2].map((n) => ({ stream, type: 'test.staged', data: { n } })));
        const [elsewhere] = await stageStreamEvents(app.ctx.db, other.workspaceId, [{ stream: workspaceStream(other.workspaceId), type: 'test.staged', data: { n: 3 } }]);
        assert.deepEqual(await staleStagedEvents(app.ctx.db, 5_000), [], 'a writer numbers its own rows within moments');
        // As a numbering that failed leaves its rows.
        await sql`update stream_outbox set created_at = now() - interval '1 minute' where id = ${first!}`.execute(app.ctx.db);
        assert.deepEqual(await staleStagedEvents(app.ctx.db, 5_000), [{ workspaceId: acme.workspaceId, ids: [first] }]);
        const all = await staleStagedEvents(app.ctx.db, 0);
        assert.deepEqual(
          all.sort((a, b) => (a.workspaceId === acme.workspaceId ? -1 : b.workspaceId === acme.workspaceId ? 1 : 0)),
          [
            { workspaceId: acme.workspaceId, ids: [first, second] },
            { workspaceId: other.workspaceId, ids: [elsewhere] },
          ],
          'at start-up, everything staged',
        );
      } finally {
        await app.teardown();
      }
    });

    test('concurrent messages reach the workspace stream gapless and in their conversation order; another workspace is untouched', async () => {
      const app = await createTestApp(backend);
      try {
        const acme = await createTenant(app, 'Acme');
        const other = await createTenant(app, 'Other');
        const otherHead = await streamHead(app.ctx.db, other.workspaceId, workspaceStream(other.workspaceId));
        const v = await visitor(app, acme.publicKey, { name: 'Ada' });
        const { conversation } = await startConversation(app, v, 'Hola');
        const stream = workspaceStream(acme.workspaceId);
        const replies = await Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            call(app, 'POST', `/api/conversations/${conversation.id}/messages`, { session: acme.admin, body: { text: `reply ${i}`, idempotencyKey: randomUUID() } }),
          ),
        );
        assert.ok(replies.every((r) => r.status === 201));
        const ids = (events: Array<{ type: string; data: Record<string, unknown> }>) =>
          events.filter((e) => e.type === 'message.created').map((e) => (e.data.message as { id: string }).id);
        // The visitor's first message and the 25 replies.
        const inWorkspace = await waitFor(async () => {
          const e = await readStreamEvents(app.ctx.db, acme.workspaceId, stream, 0, 200);
          return ids(e).length === 26 ? e : undefined;
        }, 'all 26 messages in the workspace stream');
        assert.deepEqual(
          inWorkspace.map((e) => e.seq),
          inWorkspace.map((_, i) => i + 1),
          'consecutive numbers from the first event of the workspace',
        );
        const inConversation = await readStreamEvents(app.ctx.db, acme.workspaceId, conversationStream(conversation.id), 0, 200);
        assert.deepEqual(ids(inWorkspace), ids(inConversation), 'the same order as the conversation');
        assert.equal(await staged(app.ctx.db, acme.workspaceId), 0);
        assert.equal(await streamHead(app.ctx.db, other.workspaceId, workspaceStream(other.workspaceId)), otherHead);
      } finally {
        await app.teardown();
      }
    });
  });
}
