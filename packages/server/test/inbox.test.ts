import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { addEmployee, bearer, call, createTenant, startConversation, visitor, type Tenant } from './support/api-client.ts';

for (const backend of backends()) {
  describe(`Inbox rows and read markers (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    before(async () => {
      app = await createTestApp(backend);
      acme = await createTenant(app, 'Acme');
    });
    after(() => app.teardown());

    const inboxRow = async (session: Tenant['admin'], id: string) => {
      const res = await call(app, 'GET', '/api/conversations?limit=200', { session });
      assert.equal(res.status, 200);
      return res.body.items.find((c: { id: string }) => c.id === id);
    };

    test('each row carries the customer, the last message and the unread count for the signed-in employee', async () => {
      const v = await visitor(app, acme.publicKey, { name: 'Lucía Pérez', email: 'lucia@example.com' });
      const { conversation } = await startConversation(app, v, 'Hola, mi pedido no llega');
      await call(app, 'POST', `/api/widget/conversations/${conversation.id}/messages`, { headers: bearer(v.token), body: { text: '¿Alguien me lee?', idempotencyKey: randomUUID() } });

      const row = await inboxRow(acme.admin, conversation.id);
      const { mood, ...who } = row.customer;
      assert.deepEqual(who, { id: v.customerId, name: 'Lucía Pérez', email: 'lucia@example.com' });
      assert.ok(mood === null || ['negative', 'neutral', 'positive'].includes(mood.label), 'the mood, once the first message has been read');
      assert.equal(row.lastMessage.text, '¿Alguien me lee?');
      assert.equal(row.lastMessage.direction, 'inbound');
      assert.equal(row.unreadCount, 2);

      const read = await call(app, 'POST', `/api/conversations/${conversation.id}/read`, { session: acme.admin });
      assert.equal(read.status, 200);
      assert.equal((await inboxRow(acme.admin, conversation.id)).unreadCount, 0);

      // Another employee's markers are their own; the employee's own reply never counts as unread.
      const agent = await addEmployee(app, acme, 'agent');
      assert.equal((await inboxRow(agent, conversation.id)).unreadCount, 2);
      await call(app, 'POST', `/api/conversations/${conversation.id}/messages`, { session: acme.admin, body: { text: 'Ya lo miro', idempotencyKey: randomUUID() } });
      await call(app, 'POST', `/api/widget/conversations/${conversation.id}/messages`, { headers: bearer(v.token), body: { text: 'Gracias', idempotencyKey: randomUUID() } });
      const after = await inboxRow(acme.admin, conversation.id);
      assert.equal(after.unreadCount, 1);
      assert.equal(after.lastMessage.text, 'Gracias');
      assert.equal((await inboxRow(agent, conversation.id)).unreadCount, 3);
    });

    test('marking read is scoped to the workspace and validated', async () => {
      const other = await createTenant(app, 'Other');
      const v = await visitor(app, acme.publicKey);
      const { conversation } = await startConversation(app, v);
      const foreign = await call(app, 'POST', `/api/conversations/${conversation.id}/read`, { session: other.admin });
      assert.equal(foreign.status, 404);
      const bad = await call(app, 'POST', '/api/conversations/not-a-uuid/read', { session: acme.admin });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /id/);
    });
  });
}
