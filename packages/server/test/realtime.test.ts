import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { appendStreamEvents, workspaceStream } from '../src/platform/realtime/stream-log.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { bearer, call, createTenant, startConversation, visitor, type Tenant } from './support/api-client.ts';
import { eventOf, TestSocket, type Frame } from './support/ws-client.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const backend of backends()) {
  describe(`realtime hub over real WebSockets (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    let base: string;
    const sockets: TestSocket[] = [];
    const open = async (path: string, headers: Record<string, string> = {}) => {
      const s = await TestSocket.open(`${base}${path}`, headers);
      sockets.push(s);
      return s;
    };
    const employeeSocket = async (query = '') => {
      const s = await open(`/api/realtime${query}`, { cookie: acme.admin.cookie });
      await s.next((f) => f.type === 'ready');
      return s;
    };

    before(async () => {
      app = await createTestApp(backend);
      acme = await createTenant(app, 'Acme');
      await app.server.listen({ port: 0, host: '127.0.0.1' });
      base = `ws://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await Promise.all(sockets.map((s) => s.close()));
      await app.teardown();
    });

    test('employees receive new conversations and messages with consecutive sequence numbers; the visitor receives the reply', async () => {
      const emp = await employeeSocket();
      const v = await visitor(app, acme.publicKey, { name: 'Grace Hopper' });
      const { conversation } = await startConversation(app, v, 'Hello, my order is late');
      const created = await emp.next((f) => f.type === 'event' && eventOf(f).type === 'conversation.created');
      assert.equal(eventOf(created).data.conversation.id, conversation.id);
      assert.equal(eventOf(created).data.conversation.customer.name, 'Grace Hopper', 'the inbox can show who wrote without another request');
      const inbound = await emp.next((f) => f.type === 'event' && eventOf(f).type === 'message.created');
      assert.equal(eventOf(inbound).data.message.text, 'Hello, my order is late');
      assert.equal(inbound.seq, (created.seq as number) + 1);

      const vis = await open(`/api/widget/realtime?token=${v.token}&conversationId=${conversation.id}`);
      await vis.next((f) => f.type === 'ready');
      await call(app, 'POST', `/api/conversations/${conversation.id}/messages`, { session: acme.admin, body: { text: 'Sorry! It ships today.', idempotencyKey: randomUUID() } });
      const reply = await vis.next((f) => f.type === 'event' && eventOf(f).type === 'message.created');
      assert.equal(eventOf(reply).data.message.text, 'Sorry! It ships today.');
      assert.equal(eventOf(reply).data.message.direction, 'outbound');

      await call(app, 'PATCH', `/api/conversations/${conversation.id}`, { session: acme.admin, body: { assigneeId: acme.admin.employeeId } });
      const assigned = await emp.next((f) => f.type === 'event' && eventOf(f).type === 'conversation.updated');
      assert.equal(eventOf(assigned).data.changes.assigneeId, acme.admin.employeeId);
      await call(app, 'POST', `/api/conversations/${conversation.id}/notes`, { session: acme.admin, body: { text: 'internal only' } });
      await emp.next((f) => f.type === 'event' && eventOf(f).type === 'note.created');
      await call(app, 'PATCH', `/api/conversations/${conversation.id}`, { session: acme.admin, body: { status: 'resolved' } });
      await vis.next((f) => f.type === 'event' && eventOf(f).type === 'conversation.status');
      assert.ok(!JSON.stringify(vis.frames).includes('internal only'), 'notes never reach the visitor');
      assert.ok(!vis.events('conversation.updated').length, 'routing changes stay internal');
      const seqs = emp.events().map((f) => f.seq as number);
      seqs.forEach((s, i) => i > 0 && assert.equal(s, seqs[i - 1]! + 1, 'no gaps, no duplicates'));
    });

    test('a visitor only receives its own conversation, and cannot subscribe to another one', async () => {
      const v1 = await visitor(app, acme.publicKey);
      const v2 = await visitor(app, acme.publicKey);
      const c1 = (await startConversation(app, v1)).conversation.id;
      const c2 = (await startConversation(app, v2)).conversation.id;
      const s1 = await open(`/api/widget/realtime?token=${v1.token}&conversationId=${c1}`);
      await s1.next((f) => f.type === 'ready');
      s1.send({ type: 'subscribe', conversationId: c2 });
      const refused = await s1.next((f) => f.type === 'error');
      assert.equal((refused.error as { code: string }).code, 'not_found');
      await call(app, 'POST', `/api/conversations/${c2}/messages`, { session: acme.admin, body: { text: 'for visitor two', idempotencyKey: randomUUID() } });
      await call(app, 'POST', `/api/conversations/${c1}/messages`, { session: acme.admin, body: { text: 'for visitor one', idempotencyKey: randomUUID() } });
      await s1.next((f) => f.type === 'event' && eventOf(f).data.message?.text === 'for visitor one');
      assert.ok(!JSON.stringify(s1.frames).includes('for visitor two'));
      await assert.rejects(TestSocket.open(`${base}/api/widget/realtime?token=forged.token&conversationId=${c1}`), /401/);
      const probe = await TestSocket.open(`${base}/api/widget/realtime?token=${v1.token}&conversationId=${c2}`);
      sockets.push(probe);
      const err = await probe.next((f) => f.type === 'error');
      assert.equal((err.error as { code: string }).code, 'not_found');
    });

    test('socket sends are idempotent and acknowledged only once committed', async () => {
      const v = await visitor(app, acme.publicKey);
      const { conversation } = await startConversation(app, v);
      const s = await open(`/api/widget/realtime?token=${v.token}&conversationId=${conversation.id}`);
      await s.next((f) => f.type === 'ready');
      const key = randomUUID();
      s.send({ type: 'send', conversationId: conversation.id, text: 'sent twice', idempotencyKey: key });
      s.send({ type: 'send', conversationId: conversation.id, text: 'sent twice', idempotencyKey: key });
      const acks: Frame[] = [];
      while (acks.length < 2) {
        acks.push(await s.next((f) => f.type === 'ack' && f.ref === key && !acks.includes(f)));
      }
      assert.deepEqual(acks.map((a) => a.duplicate), [false, true]);
      const id = (acks[0]!.message as { id: string }).id;
      assert.equal((acks[1]!.message as { id: string }).id, id);
      const row = await app.ctx.db.selectFrom('messages').select('id').where('id', '=', id).executeTakeFirst();
      assert.ok(row, 'the acknowledged message is in the database');
      const count = await app.ctx.db.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).where('idempotency_key', '=', key).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
      s.send({ type: 'send', conversationId: conversation.id, text: 'x', idempotencyKey: 'short' });
      const bad = await s.next((f) => f.type === 'error' && f.ref === 'short');
      assert.equal((bad.error as { code: string }).code, 'validation_failed');
      s.ws.send('not json');
      await s.next((f) => f.type === 'error' && (f.error as { message: string }).message.includes('JSON'));
    });

    test('typing is relayed live between the visitor and employees', async () => {
      const emp = await employeeSocket();
      const v = await visitor(app, acme.publicKey);
      const { conversation } = await startConversation(app, v);
      const vis = await open(`/api/widget/realtime?token=${v.token}&conversationId=${conversation.id}`);
      await vis.next((f) => f.type === 'ready');
      vis.send({ type: 'typing', conversationId: conversation.id, typing: true });
      const seen = await emp.next((f) => f.type === 'ephemeral' && (f.data as { conversationId: string }).conversationId === conversation.id);
      assert.deepEqual((seen.data as { by: string; typing: boolean }).by, 'customer');
      emp.send({ type: 'typing', conversationId: conversation.id, typing: true });
      const shown = await vis.next((f) => f.type === 'ephemeral' && (f.data as { by: string }).by === 'employee');
      assert.equal((shown.data as { typing: boolean }).typing, true);
      assert.ok(!vis.frames.some((f) => f.type === 'ephemeral' && (f.data as { by: string }).by === 'customer'), 'no echo of own typing');
    });

    test('a client that reconnects with its last sequence number gets exactly what it missed', async () => {
      const first = await employeeSocket();
      const v = await visitor(app, acme.publicKey);
      const { conversation } = await startConversation(app, v);
      await first.next((f) => f.type === 'event' && eventOf(f).type === 'message.created' && eventOf(f).data.message.conversationId === conversation.id);
      const last = first.events().at(-1)!.seq as number;
      await first.close();
      const missed = ['uno', 'dos', 'tres', 'cuatro', 'cinco'];
      for (const text of missed) {
        await call(app, 'POST', `/api/widget/conversations/${conversation.id}/messages`, { headers: bearer(v.token), body: { text, idempotencyKey: randomUUID() } });
      }
      const again = await employeeSocket(`?since=${last}`);
      // Live traffic while catching up must not create duplicates or reorder.
      await call(app, 'POST', `/api/widget/conversations/${conversation.id}/messages`, { headers: bearer(v.token), body: { text: 'seis', idempotencyKey: randomUUID() } });
      await again.next((f) => f.type === 'event' && eventOf(f).data.message?.text === 'seis');
      const texts = again.events('message.created').map((f) => eventOf(f).data.message.text);
      assert.deepEqual(texts, [...missed, 'seis']);
      const seqs = again.events().map((f) => f.seq as number);
      assert.equal(seqs[0], last + 1);
      seqs.forEach((s, i) => i > 0 && assert.equal(s, seqs[i - 1]! + 1));
    });

    test('the hub fills a gap from the database when events arrive out of order', async () => {
      const emp = await employeeSocket();
      const ws = acme.workspaceId;
      // Commit two events, then publish only the second: the hub must read the first from the database.
      const events = await app.ctx.db.transaction().execute((trx) =>
        appendStreamEvents(trx, ws, [
          { stream: workspaceStream(ws), type: 'test.one', data: { n: 1 } },
          { stream: workspaceStream(ws), type: 'test.two', data: { n: 2 } },
        ]),
      );
      app.ctx.bus.publish('stream.appended', { workspaceId: ws, events: [events[1]!] });
      await emp.next((f) => f.type === 'event' && eventOf(f).type === 'test.two');
      app.ctx.bus.publish('stream.appended', { workspaceId: ws, events: [events[0]!] });
      await sleep(100);
      const got = emp.events().filter((f) => eventOf(f).type.startsWith('test.'));
      assert.deepEqual(got.map((f) => eventOf(f).type), ['test.one', 'test.two']);
      assert.equal(got[1]!.seq, (got[0]!.seq as number) + 1);
    });

    test('concurrent senders: every employee sees every message once, in sequence', async () => {
      const emps = await Promise.all([employeeSocket(), employeeSocket(), employeeSocket()]);
      const visitors = await Promise.all(Array.from({ length: 5 }, () => visitor(app, acme.publicKey)));
      const convs = await Promise.all(visitors.map((v) => startConversation(app, v)));
      const socks = await Promise.all(
        visitors.map(async (v, i) => {
          const s = await open(`/api/widget/realtime?token=${v.token}&conversationId=${convs[i]!.conversation.id}`);
          await s.next((f) => f.type === 'ready');
          return s;
        }),
      );
      const keys: string[] = [];
      socks.forEach((s, i) => {
        for (let n = 0; n < 10; n++) {
          const key = randomUUID();
          keys.push(key);
          s.send({ type: 'send', conversationId: convs[i]!.conversation.id, text: `m${n}`, idempotencyKey: key });
        }
      });
      await Promise.all(socks.map((s) => s.next(() => s.frames.filter((f) => f.type === 'ack').length === 10, 15000).catch(() => undefined)));
      const acked = socks.flatMap((s) => s.frames.filter((f) => f.type === 'ack').map((f) => (f.message as { id: string }).id));
      assert.equal(acked.length, 50);
      for (const emp of emps) {
        await emp.next(() => acked.every((id) => emp.events('message.created').some((f) => eventOf(f).data.message.id === id)), 15000);
        const ids = emp.events('message.created').map((f) => eventOf(f).data.message.id as string).filter((id) => acked.includes(id));
        assert.equal(new Set(ids).size, ids.length, 'no duplicates');
        assert.equal(ids.length, 50);
        const seqs = emp.events().map((f) => f.seq as number);
        seqs.forEach((s, i) => i > 0 && assert.equal(s, seqs[i - 1]! + 1, 'gapless'));
      }
    });

    test('a browser socket with the session cookie from a foreign origin is refused', async () => {
      await assert.rejects(TestSocket.open(`${base}/api/realtime`, { cookie: acme.admin.cookie, origin: 'https://evil.example' }), /403/);
      await assert.rejects(TestSocket.open(`${base}/api/realtime`), /401/);
    });
  });
}
