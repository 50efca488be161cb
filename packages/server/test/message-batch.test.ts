import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { readStreamEvents, conversationStream, workspaceStream } from '../src/platform/realtime/stream-log.ts';
import { bearer, call, createTenant, startConversation, visitor, type Tenant } from './support/api-client.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { waitFor } from './support/wait-for.ts';

// Concurrent sends of one workspace share a transaction (messages/message-batch.service.ts); each
// sender must still get exactly the answer it would have got alone.
for (const backend of backends()) {
  describe(`group commit of messages (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    before(async () => {
      app = await createTestApp(backend);
      acme = await createTenant(app, 'Acme');
    });
    after(() => app.teardown());

    const widgetSend = (token: string, conversationId: string, text: string, idempotencyKey = randomUUID()) =>
      call(app, 'POST', `/api/widget/conversations/${conversationId}/messages`, { headers: bearer(token), body: { text, idempotencyKey } });

    test('a batch mixing good sends, foreign and unknown conversations and a repeated key answers each one as if it were alone', async () => {
      const ada = await visitor(app, acme.publicKey, { name: 'Ada' });
      const bob = await visitor(app, acme.publicKey, { name: 'Bob' });
      const adas = await startConversation(app, ada, 'Hola');
      const bobs = await startConversation(app, bob, 'Hello');
      const key = randomUUID();
      // Columns travel as array parameters: quotes, backslashes, braces, commas and the word NULL must arrive as written.
      const tricky = 'NULL, "comillas" \\ barra {llaves} \'apóstrofo\' 🙃\nsegunda línea';
      const results = await Promise.all([
        ...Array.from({ length: 12 }, (_, i) => widgetSend(ada.token, adas.conversation.id, i === 3 ? tricky : `mensaje ${i}`)),
        widgetSend(ada.token, bobs.conversation.id, 'not my conversation'),
        widgetSend(ada.token, randomUUID(), 'no such conversation'),
        widgetSend(ada.token, adas.conversation.id, 'sent twice', key),
        widgetSend(ada.token, adas.conversation.id, 'sent twice', key),
      ]);
      const good = results.slice(0, 12);
      assert.deepEqual(good.map((r) => r.status), Array(12).fill(201));
      assert.equal(new Set(good.map((r) => r.body.message.id)).size, 12);
      assert.equal(results[12]!.status, 404, 'another visitor’s conversation');
      assert.equal(results[13]!.status, 404, 'an unknown conversation');
      const [first, second] = [results[14]!, results[15]!];
      assert.ok([first.status, second.status].every((s) => s === 200 || s === 201));
      assert.equal(first.body.message.id, second.body.message.id, 'one message for one key');
      assert.deepEqual([first.body.duplicate, second.body.duplicate].sort(), [false, true]);

      const history = await call(app, 'GET', `/api/conversations/${adas.conversation.id}/messages?limit=100`, { session: acme.admin });
      const texts = history.body.items.map((m: { text: string }) => m.text);
      assert.equal(texts.length, 1 + 12 + 1, 'the first message, twelve, and the repeated one once');
      assert.equal(texts.filter((t: string) => t === 'sent twice').length, 1);
      assert.equal(texts.filter((t: string) => t === tricky).length, 1, 'the tricky text stored as written');
      // In the database (microseconds; the API shows milliseconds), so their order is defined.
      const times = await app.ctx.db.selectFrom('messages').select(sql<string>`created_at::text`.as('t')).where('conversation_id', '=', adas.conversation.id).execute();
      assert.equal(new Set(times.map((r) => r.t)).size, times.length, 'no two messages of a conversation share a timestamp');
      // The visitor's stream carries them in the same order as the history.
      const events = await readStreamEvents(app.ctx.db, acme.workspaceId, conversationStream(adas.conversation.id), 0, 100);
      assert.deepEqual(
        events.filter((e) => e.type === 'message.created').map((e) => (e.data.message as { id: string }).id),
        history.body.items.map((m: { id: string }) => m.id),
      );
      const bobHistory = await call(app, 'GET', `/api/conversations/${bobs.conversation.id}/messages`, { session: acme.admin });
      assert.deepEqual(bobHistory.body.items.map((m: { text: string }) => m.text), ['Hello'], 'nothing reached Bob’s conversation');
    });

    test('a customer writing into a resolved conversation reopens it, and the live mood of a batch matches the stored mood', async () => {
      const eve = await visitor(app, acme.publicKey, { name: 'Eve' });
      const { conversation } = await startConversation(app, eve, 'Buenos días');
      const resolved = await call(app, 'PATCH', `/api/conversations/${conversation.id}`, { session: acme.admin, body: { status: 'resolved' } });
      assert.equal(resolved.body.status, 'resolved');
      const texts = ['Estoy harto, nadie me contesta', 'Es la tercera vez que escribo, qué vergüenza', 'Me habéis cobrado dos veces, estoy furiosa'];
      const sent = await Promise.all(texts.map((t) => widgetSend(eve.token, conversation.id, t)));
      assert.deepEqual(sent.map((r) => r.status), [201, 201, 201]);
      const now = await call(app, 'GET', `/api/conversations/${conversation.id}`, { session: acme.admin });
      assert.equal(now.body.status, 'open');

      const ids = new Set(sent.map((r) => r.body.message.id));
      const live = await waitFor(async () => {
        const e = (await readStreamEvents(app.ctx.db, acme.workspaceId, workspaceStream(acme.workspaceId), 0, 1000)).filter(
          (x) => x.type === 'message.created' && ids.has((x.data.message as { id: string }).id),
        );
        return e.length === 3 ? e : undefined;
      }, 'the three messages in the workspace stream');
      const points = await waitFor(async () => {
        const m = await call(app, 'GET', `/api/customers/${eve.customerId}/mood`, { session: acme.admin });
        return m.body.points.length === 4 ? m.body.points : undefined;
      }, 'the mood listener to store four points');
      const stored = new Map(points.map((p: { messageId: string; score: number }) => [p.messageId, p.score]));
      for (const e of live) {
        const mood = e.data.mood as { point: { messageId: string; score: number } };
        assert.equal(mood.point.score, stored.get(mood.point.messageId), 'the score sent live is the score stored');
      }
    });

    test('a column added while the server runs (by another node of a rolling deploy) does not break the named statements a connection already prepared', async () => {
      // One connection, so the second message runs on the statements the first one prepared.
      const single = await createTestApp(backend, { DATABASE_POOL_SIZE: '1' });
      try {
        const tenant = await createTenant(single, 'Rolling');
        const v = await visitor(single, tenant.publicKey, { name: 'Ana' });
        const { conversation } = await startConversation(single, v, 'Hola');
        const send = (text: string) =>
          call(single, 'POST', `/api/widget/conversations/${conversation.id}/messages`, { headers: bearer(v.token), body: { text, idempotencyKey: randomUUID() } });
        assert.equal((await send('antes')).status, 201);
        await sql`alter table messages add column rolled_in int`.execute(single.ctx.db);
        await sql`alter table conversations add column rolled_in int`.execute(single.ctx.db);
        const after = await send('después');
        assert.equal(after.status, 201, JSON.stringify(after.body));
        assert.equal(after.body.message.text, 'después');
      } finally {
        await single.teardown();
      }
    });
  });
}
