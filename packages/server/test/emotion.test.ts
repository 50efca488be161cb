import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { bearer, call, createTenant, startConversation, visitor, type Tenant, type Visitor } from './support/api-client.ts';
import { eventOf, TestSocket } from './support/ws-client.ts';
import { waitFor } from './support/wait-for.ts';

for (const backend of backends()) {
  describe(`Emotion in the message flow (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    let base: string;
    const sockets: TestSocket[] = [];

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

    const say = (v: Visitor, conversationId: string, text: string) =>
      call(app, 'POST', `/api/widget/conversations/${conversationId}/messages`, { headers: bearer(v.token), body: { text, idempotencyKey: randomUUID() } });
    const moodOf = (customerId: string) => call(app, 'GET', `/api/customers/${customerId}/mood`, { session: acme.admin });
    const pointsAfter = (customerId: string, n: number) =>
      waitFor(async () => {
        const res = await moodOf(customerId);
        return res.body.points.length >= n ? res.body : undefined;
      }, `${n} mood points`);

    test('a customer message is read as it is stored and pushed live with its emotion; the customer never sees it', async () => {
      const emp = await TestSocket.open(`${base}/api/realtime`, { cookie: acme.admin.cookie });
      sockets.push(emp);
      await emp.next((f) => f.type === 'ready');
      const v = await visitor(app, acme.publicKey);
      const start = await call(app, 'POST', '/api/widget/conversations', {
        headers: bearer(v.token),
        body: { text: 'Estoy harto: es la tercera vez que me cobráis de más y nadie me contesta', idempotencyKey: randomUUID() },
      });
      assert.equal(start.status, 201);
      assert.equal(start.body.message.emotion, undefined, 'the visitor is not shown our reading of their feelings');
      const conversationId = start.body.conversation.id as string;

      const live = await emp.next((f) => f.type === 'event' && eventOf(f).type === 'message.created');
      const emotion = eventOf(live).data.message.emotion;
      assert.equal(emotion.polarity, 'negative');
      assert.ok(['anger', 'disgust'].includes(emotion.emotion), `angry, got ${emotion.emotion}`);
      assert.equal(emotion.alert, true);
      assert.ok(emotion.cues.length > 0, 'cues say why');
      assert.match(emotion.model, /^vinculo-emotion\//);
      // The customer's new mood travels in the same frame (no second event per message) and is what gets stored.
      const live2 = eventOf(live).data.mood;
      assert.equal(live2.customerId, v.customerId);
      assert.equal(live2.mood.label, 'negative');
      assert.equal(live2.point.messageId, eventOf(live).data.message.id);
      const stored = await pointsAfter(v.customerId, 1);
      assert.equal(stored.points[0].score, live2.point.score);
      assert.equal(stored.current.trend, live2.mood.trend);

      const listed = await call(app, 'GET', `/api/conversations/${conversationId}/messages`, { session: acme.admin });
      assert.equal(listed.body.items[0].emotion.emotion, emotion.emotion);
      const inbox = await call(app, 'GET', '/api/conversations', { session: acme.admin });
      const row = inbox.body.items.find((c: { id: string }) => c.id === conversationId);
      assert.equal(row.lastMessage.emotion.alert, true);

      const reply = await call(app, 'POST', `/api/conversations/${conversationId}/messages`, { session: acme.admin, body: { text: 'Lo siento mucho, lo reviso ahora', idempotencyKey: randomUUID() } });
      assert.equal(reply.body.message.emotion, null, "an employee's words are not read as the customer's mood");

      const widgetList = await call(app, 'GET', `/api/widget/conversations/${conversationId}/messages`, { headers: bearer(v.token) });
      assert.ok(widgetList.body.items.every((m: Record<string, unknown>) => !('emotion' in m)));
      const vis = await TestSocket.open(`${base}/api/widget/realtime?token=${v.token}&conversationId=${conversationId}`);
      sockets.push(vis);
      await vis.next((f) => f.type === 'ready');
      vis.send({ type: 'send', conversationId, text: '¿Hola?', idempotencyKey: randomUUID() });
      const ack = await vis.next((f) => f.type === 'ack');
      assert.equal((ack.message as Record<string, unknown>).emotion, undefined);
      const pushed = await vis.next((f) => f.type === 'event' && eventOf(f).type === 'message.created');
      assert.equal(eventOf(pushed).data.message.emotion, undefined);
    });

    test("the customer's mood follows their messages only, with a trend and a timeline", async () => {
      const v = await visitor(app, acme.publicKey);
      const { conversation } = await startConversation(app, v, 'Me decepcionó mucho el servicio, esperaba más de vosotros');
      let mood = await pointsAfter(v.customerId, 1);
      assert.ok(mood.current.score < 0, `negative after a disappointed message: ${mood.current.score}`);
      assert.equal(mood.current.label, 'negative');

      await say(v, conversation.id, 'No funciona nada, estoy muy enfadado, quiero darme de baja');
      mood = await pointsAfter(v.customerId, 2);
      const worst = mood.current.score;
      await call(app, 'POST', `/api/conversations/${conversation.id}/messages`, { session: acme.admin, body: { text: '¡Genial! Muchas gracias, un placer', idempotencyKey: randomUUID() } });
      for (const text of ['¡Ya funciona! Muchísimas gracias por la ayuda 😊', 'Genial, de verdad, gracias, sois los mejores', 'Todo perfecto, muy contento con la solución']) {
        await say(v, conversation.id, text);
      }
      mood = await pointsAfter(v.customerId, 5);
      assert.equal(mood.points.length, 5, "the employee's cheerful reply is not a point");
      assert.ok(mood.current.score > worst + 0.3, `recovers: ${worst} → ${mood.current.score}`);
      assert.equal(mood.current.trend, 'improving');
      const scores = mood.points.map((p: { score: number }) => p.score);
      assert.ok(scores[4] > scores[1], 'the timeline goes up after the complaint');
      assert.deepEqual(
        mood.points.map((p: { at: string }) => p.at),
        [...mood.points.map((p: { at: string }) => p.at)].sort(),
        'in time order',
      );
    });

    test('an employee corrects a label: it is stored, shown, replayed into the mood and exported', async () => {
      const v = await visitor(app, acme.publicKey);
      const { conversation, message } = await startConversation(app, v, 'Me habéis dejado sin palabras con este pedido');
      const before = await pointsAfter(v.customerId, 1);
      const other = await createTenant(app, 'Other');

      const bad = await call(app, 'PUT', `/api/messages/${message.id}/emotion`, { session: acme.admin, body: { emotion: 'furious' } });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /emotion/);
      const foreign = await call(app, 'PUT', `/api/messages/${message.id}/emotion`, { session: other.admin, body: { emotion: 'anger' } });
      assert.equal(foreign.status, 404);

      // The customer was delighted, whatever the model made of "sin palabras".
      const fixed = await call(app, 'PUT', `/api/messages/${message.id}/emotion`, { session: acme.admin, body: { emotion: 'joy' } });
      assert.equal(fixed.status, 200);
      assert.deepEqual({ emotion: fixed.body.corrected.emotion, polarity: fixed.body.corrected.polarity }, { emotion: 'joy', polarity: 'positive' });
      assert.equal(fixed.body.emotion, before.points[0].emotion, "the model's own label is kept beside the correction");
      const listed = await call(app, 'GET', `/api/conversations/${conversation.id}/messages`, { session: acme.admin });
      assert.equal(listed.body.items[0].emotion.corrected.emotion, 'joy');
      const after = await call(app, 'GET', `/api/customers/${v.customerId}/mood`, { session: acme.admin });
      assert.equal(after.body.points[0].emotion, 'joy');
      assert.ok(after.body.points[0].score > 0, `the replayed mood is positive: ${after.body.points[0].score}`);
      if (before.points[0].emotion !== 'joy') assert.ok(after.body.points[0].score > before.points[0].score);

      const reply = await call(app, 'POST', `/api/conversations/${conversation.id}/messages`, { session: acme.admin, body: { text: 'Lo siento', idempotencyKey: randomUUID() } });
      const notInbound = await call(app, 'PUT', `/api/messages/${reply.body.message.id}/emotion`, { session: acme.admin, body: { emotion: 'joy' } });
      assert.equal(notInbound.status, 400);

      const tsv = await app.server.inject({ method: 'GET', url: '/api/emotion/corrections.tsv', headers: { cookie: acme.admin.cookie } });
      assert.equal(tsv.statusCode, 200);
      const lines = tsv.body.trim().split('\n');
      assert.equal(lines[0], 'text\temotion\tpolarity\tpredicted\tlanguage\tcorrected_at');
      assert.ok(lines.some((l) => l.startsWith('Me habéis dejado sin palabras con este pedido\tjoy\tpositive\t')), tsv.body);
      const otherTsv = await app.server.inject({ method: 'GET', url: '/api/emotion/corrections.tsv', headers: { cookie: other.admin.cookie } });
      assert.equal(otherTsv.body.trim().split('\n').length, 1, 'another workspace exports none of these');
    });
  });
}
