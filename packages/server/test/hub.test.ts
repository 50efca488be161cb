import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createHub, type HubSocket } from '../src/platform/realtime/hub.ts';
import { appendStreamEvents, pruneStreamEvents, readStreamEvents } from '../src/platform/realtime/stream-log.ts';
import { createWorkspace } from '../src/modules/workspaces/workspace.service.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';

type Sent = { type: string; seq?: number; resumesAt?: number; missedAfter?: number };

function fakeSocket(bufferedAmount = 0) {
  const sent: Sent[] = [];
  const socket: HubSocket & { closed: number | null } = {
    bufferedAmount,
    closed: null,
    send: (text) => void sent.push(JSON.parse(text) as Sent),
    close: (code) => void (socket.closed = code ?? 1000),
  };
  return { socket, sent };
}

const append = (app: TestApp, ws: string, stream: string, n: number) =>
  app.ctx.db.transaction().execute((trx) =>
    appendStreamEvents(trx, ws, Array.from({ length: n }, (_, i) => ({ stream, type: 'test', data: { i } }))),
  );

for (const backend of backends()) {
  describe(`stream log and hub (${backend})`, () => {
    let app: TestApp;
    let ws: string;
    before(async () => {
      app = await createTestApp(backend);
      ws = (await createWorkspace(app.ctx.db, { name: 'Hub' })).id;
    });
    after(() => app.teardown());

    test('sequence numbers are per stream, gapless, and concurrent appends never collide', async () => {
      await Promise.all(Array.from({ length: 20 }, () => append(app, ws, 's:a', 1)));
      await append(app, ws, 's:b', 3);
      const a = await readStreamEvents(app.ctx.db, ws, 's:a', 0, 100);
      assert.deepEqual(a.map((e) => e.seq), Array.from({ length: 20 }, (_, i) => i + 1));
      const b = await readStreamEvents(app.ctx.db, ws, 's:b', 0, 100);
      assert.deepEqual(b.map((e) => e.seq), [1, 2, 3]);
    });

    test('a rolled-back append leaves no gap', async () => {
      await assert.rejects(
        app.ctx.db.transaction().execute(async (trx) => {
          await appendStreamEvents(trx, ws, [{ stream: 's:c', type: 'x', data: {} }]);
          throw new Error('rollback');
        }),
      );
      await append(app, ws, 's:c', 1);
      assert.deepEqual((await readStreamEvents(app.ctx.db, ws, 's:c', 0, 10)).map((e) => e.seq), [1]);
    });

    test('another workspace cannot read a stream by name', async () => {
      const other = (await createWorkspace(app.ctx.db, { name: 'Other' })).id;
      assert.equal((await readStreamEvents(app.ctx.db, other, 's:a', 0, 100)).length, 0);
    });

    test('a client resuming from before the retention window gets a reset, then the rest in order', async () => {
      const old = await append(app, ws, 's:d', 5);
      assert.equal(old.length, 5);
      const pruned = await pruneStreamEvents(app.ctx.db, new Date(Date.now() + 60_000), 2);
      assert.ok(pruned >= 5, 'pruning works through batches');
      await append(app, ws, 's:d', 2);
      const hub = createHub(app.ctx.db, (err) => assert.fail(String(err)));
      const { socket, sent } = fakeSocket();
      const client = hub.register(ws, socket);
      await hub.subscribe(client, 's:d', 2);
      assert.deepEqual(sent[0], { type: 'reset', stream: 's:d', missedAfter: 2, resumesAt: 6 });
      assert.deepEqual(sent.slice(1).map((f) => f.seq), [6, 7]);
      const live = await append(app, ws, 's:d', 1);
      hub.publish(live);
      hub.publish(live);
      assert.deepEqual(sent.slice(1).map((f) => f.seq), [6, 7, 8], 'a repeated publish is not delivered twice');
    });

    test('a subscription from a sequence number in the future is clamped to the head', async () => {
      await append(app, ws, 's:e', 2);
      const hub = createHub(app.ctx.db, () => undefined);
      const { socket, sent } = fakeSocket();
      const client = hub.register(ws, socket);
      assert.equal(await hub.subscribe(client, 's:e', 999), 2);
      hub.publish(await append(app, ws, 's:e', 1));
      assert.deepEqual(sent.map((f) => f.seq), [3]);
    });

    test('events published out of order are delivered in order at once, without a database read', async () => {
      await append(app, ws, 's:g', 3);
      const hub = createHub(app.ctx.db, () => undefined);
      const clients = [fakeSocket(), fakeSocket()];
      for (const c of clients) await hub.subscribe(hub.register(ws, c.socket), 's:g', 0);
      for (const c of clients) c.sent.length = 0;
      // Fresh subscribers at seq 3; what follows is new.
      const [f1, f2, f3] = await append(app, ws, 's:g', 3);
      hub.publish([f3!]);
      hub.publish([f1!]);
      hub.publish([f2!]);
      // Synchronously, before any query could have run: the buffer reordered them.
      for (const c of clients) assert.deepEqual(c.sent.map((f) => f.seq), [f1!.seq, f2!.seq, f3!.seq]);
    });

    test('an event whose predecessor never arrives is handed on after a short hold, and the gap filled from the database', async () => {
      const hub = createHub(app.ctx.db, () => undefined);
      const { socket, sent } = fakeSocket();
      await hub.subscribe(hub.register(ws, socket), 's:h');
      const [h1, h2] = await append(app, ws, 's:h', 2);
      hub.publish([h2!]);
      assert.equal(sent.length, 0, 'held while its predecessor may still come');
      await new Promise((r) => setTimeout(r, 400));
      assert.deepEqual(sent.map((f) => f.seq), [h1!.seq, h2!.seq]);
    });

    test('a client too slow to drain its socket is disconnected instead of buffered without bound', async () => {
      const hub = createHub(app.ctx.db, () => undefined);
      const { socket, sent } = fakeSocket(64 * 1024 * 1024);
      const client = hub.register(ws, socket);
      await hub.subscribe(client, 's:f');
      hub.publish(await append(app, ws, 's:f', 1));
      assert.equal(socket.closed, 4008);
      assert.equal(sent.length, 0);
    });
  });
}
