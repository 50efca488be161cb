import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { addEmployee, bearer, call, createTenant, login, PASSWORD, startConversation, visitor, type Tenant } from './support/api-client.ts';

for (const backend of backends()) {
  describe(`REST API (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    before(async () => {
      app = await createTestApp(backend);
      acme = await createTenant(app, 'Acme');
    });
    after(() => app.teardown());

    test('health reports the database backend', async () => {
      const res = await call(app, 'GET', '/api/health');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.database, backend);
    });

    test('OpenAPI document lists the API, generated from the Zod schemas, and docs page is served', async () => {
      const res = await call(app, 'GET', '/api/openapi.json');
      assert.equal(res.status, 200);
      assert.match(res.body.openapi, /^3\./);
      const login = res.body.paths['/api/auth/login'].post;
      assert.ok(login.requestBody.content['application/json'].schema.properties.email, 'login body schema is documented');
      for (const p of ['/api/conversations', '/api/customers/{id}', '/api/widget/session', '/api/conversations/{id}/messages']) {
        assert.ok(res.body.paths[p], `${p} documented`);
      }
      const docs = await app.server.inject({ method: 'GET', url: '/api/docs/' });
      assert.equal(docs.statusCode, 200);
      assert.match(docs.body, /swagger/i);
    });

    test('login: wrong password is 401, the session cookie is httpOnly and SameSite', async () => {
      const bad = await call(app, 'POST', '/api/auth/login', { body: { email: acme.admin.email, password: 'wrong password' } });
      assert.equal(bad.status, 401);
      assert.equal(bad.body.error.code, 'unauthorized');
      const res = await app.server.inject({ method: 'POST', url: '/api/auth/login', payload: { email: acme.admin.email, password: PASSWORD } });
      assert.equal(res.statusCode, 200);
      const cookie = String(res.headers['set-cookie']);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.doesNotMatch(res.body, /password_hash|scrypt/);
    });

    test('cookie-authenticated writes need the CSRF token', async () => {
      const res = await call(app, 'POST', '/api/customers', { headers: { cookie: acme.admin.cookie }, body: { name: 'Lucía' } });
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'csrf_failed');
      const wrong = await call(app, 'POST', '/api/customers', { headers: { cookie: acme.admin.cookie, 'x-csrf-token': 'nope' }, body: { name: 'Lucía' } });
      assert.equal(wrong.status, 403);
      const ok = await call(app, 'POST', '/api/customers', { session: acme.admin, body: { name: 'Lucía' } });
      assert.equal(ok.status, 201);
    });

    test('logout ends the session', async () => {
      const s = await login(app, acme.admin.email);
      assert.equal((await call(app, 'POST', '/api/auth/logout', { session: s })).status, 204);
      assert.equal((await call(app, 'GET', '/api/auth/me', { session: s })).status, 401);
    });

    test('customers: create with identities, search, update, link identity, conflict on a taken identity', async () => {
      const created = await call(app, 'POST', '/api/customers', {
        session: acme.admin,
        body: { name: 'María García', email: 'Maria@Example.com', locale: 'es', identities: [{ channel: 'whatsapp', externalId: '+34600111222' }] },
      });
      assert.equal(created.status, 201);
      assert.equal(created.body.email, 'maria@example.com');
      assert.equal(created.body.identities[0].channel, 'whatsapp');
      const found = await call(app, 'GET', '/api/customers?q=garc', { session: acme.admin });
      assert.ok(found.body.items.some((c: { id: string }) => c.id === created.body.id));
      const patched = await call(app, 'PATCH', `/api/customers/${created.body.id}`, { session: acme.admin, body: { phone: '+34 600 111 222', attributes: { plan: 'gold' } } });
      assert.equal(patched.status, 200);
      assert.equal(patched.body.attributes.plan, 'gold');
      const other = await call(app, 'POST', '/api/customers', { session: acme.admin, body: { name: 'Otro' } });
      const taken = await call(app, 'POST', `/api/customers/${other.body.id}/identities`, { session: acme.admin, body: { channel: 'whatsapp', externalId: '+34600111222' } });
      assert.equal(taken.status, 409);
      const linked = await call(app, 'POST', `/api/customers/${other.body.id}/identities`, { session: acme.admin, body: { channel: 'email', externalId: 'otro@example.com' } });
      assert.equal(linked.status, 201);
    });

    test('customer list pages with a cursor without repeats', async () => {
      for (let i = 0; i < 5; i++) await call(app, 'POST', '/api/customers', { session: acme.admin, body: { name: `Paged ${i}` } });
      const seen = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await call(app, 'GET', `/api/customers?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { session: acme.admin });
        for (const c of res.body.items) {
          assert.ok(!seen.has(c.id), 'no customer twice');
          seen.add(c.id);
        }
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      const all = await call(app, 'GET', '/api/customers?limit=200', { session: acme.admin });
      assert.equal(seen.size, all.body.items.length);
    });

    test('conversations: start, reply, assign to an employee and team, resolve, reopen, notes, filters', async () => {
      const agent = await addEmployee(app, acme, 'agent');
      const team = await call(app, 'POST', '/api/teams', { session: acme.admin, body: { name: `Soporte ${randomUUID().slice(0, 4)}` } });
      assert.equal(team.status, 201);
      const customer = await call(app, 'POST', '/api/customers', { session: acme.admin, body: { name: 'John Smith', locale: 'en' } });
      const conv = await call(app, 'POST', '/api/conversations', { session: agent, body: { customerId: customer.body.id, channel: 'email', subject: 'Invoice' } });
      assert.equal(conv.status, 201);
      assert.equal(conv.body.status, 'open');

      const key = randomUUID();
      const reply = await call(app, 'POST', `/api/conversations/${conv.body.id}/messages`, { session: agent, body: { text: 'Hi John, on it.', idempotencyKey: key } });
      assert.equal(reply.status, 201);
      assert.equal(reply.body.message.direction, 'outbound');
      assert.equal(reply.body.message.authorName, 'A agent');
      const again = await call(app, 'POST', `/api/conversations/${conv.body.id}/messages`, { session: agent, body: { text: 'Hi John, on it.', idempotencyKey: key } });
      assert.equal(again.status, 200);
      assert.equal(again.body.duplicate, true);
      assert.equal(again.body.message.id, reply.body.message.id);
      const history = await call(app, 'GET', `/api/conversations/${conv.body.id}/messages`, { session: agent });
      assert.equal(history.body.items.length, 1, 'a retried send made no second message');
      assert.ok(history.body.streamSeq >= 1);

      const assigned = await call(app, 'PATCH', `/api/conversations/${conv.body.id}`, { session: agent, body: { assigneeId: agent.employeeId, teamId: team.body.id } });
      assert.equal(assigned.status, 200);
      assert.equal(assigned.body.assigneeId, agent.employeeId);
      const mine = await call(app, 'GET', '/api/conversations?assignee=me', { session: agent });
      assert.deepEqual(mine.body.items.map((c: { id: string }) => c.id), [conv.body.id]);
      const byTeam = await call(app, 'GET', `/api/conversations?teamId=${team.body.id}&status=open,pending`, { session: agent });
      assert.equal(byTeam.body.items.length, 1);

      const resolved = await call(app, 'PATCH', `/api/conversations/${conv.body.id}`, { session: agent, body: { status: 'resolved' } });
      assert.equal(resolved.body.status, 'resolved');
      assert.ok(resolved.body.resolvedAt);
      assert.equal((await call(app, 'GET', `/api/conversations?status=open&assignee=me`, { session: agent })).body.items.length, 0);
      const reopened = await call(app, 'PATCH', `/api/conversations/${conv.body.id}`, { session: agent, body: { status: 'open' } });
      assert.equal(reopened.body.resolvedAt, null);

      const note = await call(app, 'POST', `/api/conversations/${conv.body.id}/notes`, { session: agent, body: { text: 'VIP: handle with care' } });
      assert.equal(note.status, 201);
      const notes = await call(app, 'GET', `/api/conversations/${conv.body.id}/notes`, { session: agent });
      assert.equal(notes.body.items[0].text, 'VIP: handle with care');

      const audit = await call(app, 'GET', '/api/audit-log', { session: acme.admin });
      const actions = audit.body.items.map((a: { action: string }) => a.action);
      for (const a of ['conversation.created', 'conversation.updated', 'employee.created', 'team.created', 'auth.login']) assert.ok(actions.includes(a), `audit has ${a}`);
    });

    test('a customer writing into a resolved conversation reopens it', async () => {
      const v = await visitor(app, acme.publicKey);
      const { conversation } = await startConversation(app, v);
      await call(app, 'PATCH', `/api/conversations/${conversation.id}`, { session: acme.admin, body: { status: 'resolved' } });
      const sent = await call(app, 'POST', `/api/widget/conversations/${conversation.id}/messages`, { headers: bearer(v.token), body: { text: 'One more thing', idempotencyKey: randomUUID() } });
      assert.equal(sent.status, 201);
      const conv = await call(app, 'GET', `/api/conversations/${conversation.id}`, { session: acme.admin });
      assert.equal(conv.body.status, 'open');
    });

    test('roles: an agent cannot add employees or read the audit log; admins can', async () => {
      const agent = await addEmployee(app, acme, 'agent');
      const res = await call(app, 'POST', '/api/employees', { session: agent, body: { email: 'x@example.test', name: 'X', role: 'admin' } });
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'forbidden');
      assert.equal((await call(app, 'GET', '/api/audit-log', { session: agent })).status, 403);
      assert.equal((await call(app, 'GET', '/api/workspace', { session: agent })).body.identitySecret, undefined);
      assert.ok((await call(app, 'GET', '/api/workspace', { session: acme.admin })).body.identitySecret);
    });

    test('a deactivated employee loses their session', async () => {
      const agent = await addEmployee(app, acme, 'agent');
      await call(app, 'PATCH', `/api/employees/${agent.employeeId}`, { session: acme.admin, body: { active: false } });
      assert.equal((await call(app, 'GET', '/api/auth/me', { session: agent })).status, 401);
      const relogin = await call(app, 'POST', '/api/auth/login', { body: { email: agent.email, password: PASSWORD } });
      assert.equal(relogin.status, 401);
    });

    test('API tokens: shown once, stored hashed, work without CSRF, revocable', async () => {
      const created = await call(app, 'POST', '/api/api-tokens', { session: acme.admin, body: { name: 'CRM sync', role: 'agent' } });
      assert.equal(created.status, 201);
      const token: string = created.body.token;
      assert.match(token, /^vk_/);
      const listed = await call(app, 'GET', '/api/api-tokens', { session: acme.admin });
      assert.ok(!JSON.stringify(listed.body).includes(token), 'the token is never listed again');
      const stored = await app.ctx.db.selectFrom('api_tokens').select('token_hash').where('id', '=', created.body.id).executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, token);
      const inUrl = await call(app, 'GET', `/api/customers?token=${token}`);
      assert.equal(inUrl.status, 401, 'tokens in URLs are for WebSocket upgrades only, not REST');
      const use = await call(app, 'POST', '/api/customers', { headers: bearer(token), body: { name: 'Via token' } });
      assert.equal(use.status, 201);
      const denied = await call(app, 'POST', '/api/employees', { headers: bearer(token), body: { email: 'y@example.test', name: 'Y', role: 'agent' } });
      assert.equal(denied.status, 403, 'an agent token has agent rights only');
      assert.equal((await call(app, 'DELETE', `/api/api-tokens/${created.body.id}`, { session: acme.admin })).status, 204);
      assert.equal((await call(app, 'GET', '/api/customers', { headers: bearer(token) })).status, 401);
    });

    test('widget: a visitor starts a conversation, a retried start makes nothing twice, reads the reply', async () => {
      const v = await visitor(app, acme.publicKey, { name: 'Ana', email: 'ana@example.com', locale: 'es' });
      const key = randomUUID();
      const first = await call(app, 'POST', '/api/widget/conversations', { headers: bearer(v.token), body: { text: '¿Dónde está mi pedido?', idempotencyKey: key } });
      assert.equal(first.status, 201);
      const retry = await call(app, 'POST', '/api/widget/conversations', { headers: bearer(v.token), body: { text: '¿Dónde está mi pedido?', idempotencyKey: key } });
      assert.equal(retry.status, 200);
      assert.equal(retry.body.conversation.id, first.body.conversation.id);
      assert.equal(retry.body.message.id, first.body.message.id);
      await call(app, 'POST', `/api/conversations/${first.body.conversation.id}/messages`, { session: acme.admin, body: { text: 'Llega mañana', idempotencyKey: randomUUID() } });
      const history = await call(app, 'GET', `/api/widget/conversations/${first.body.conversation.id}/messages`, { headers: bearer(v.token) });
      assert.deepEqual(history.body.items.map((m: { text: string }) => m.text), ['¿Dónde está mi pedido?', 'Llega mañana']);
      const mine = await call(app, 'GET', '/api/widget/conversations', { headers: bearer(v.token) });
      assert.equal(mine.body.items.length, 1);
      const customer = await call(app, 'GET', `/api/customers/${v.customerId}`, { session: acme.admin });
      assert.equal(customer.body.name, 'Ana');
    });

    test('attachments: upload, attach to a message, download with safe headers', async () => {
      const v = await visitor(app, acme.publicKey);
      const { conversation } = await startConversation(app, v);
      const boundary = 'vinculoboundary';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="foto.png"\r\nContent-Type: image/png\r\n\r\nPNGDATA\r\n--${boundary}--\r\n`;
      const up = await app.server.inject({ method: 'POST', url: '/api/widget/attachments', headers: { ...bearer(v.token), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
      assert.equal(up.statusCode, 201, up.body);
      const att = up.json() as { id: string; sizeBytes: number };
      assert.equal(att.sizeBytes, 7);
      const sent = await call(app, 'POST', `/api/widget/conversations/${conversation.id}/messages`, { headers: bearer(v.token), body: { attachmentIds: [att.id], idempotencyKey: randomUUID() } });
      assert.equal(sent.status, 201);
      assert.equal(sent.body.message.attachments[0].fileName, 'foto.png');
      const dl = await app.server.inject({ method: 'GET', url: `/api/attachments/${att.id}`, headers: { cookie: acme.admin.cookie } });
      assert.equal(dl.statusCode, 200);
      assert.equal(dl.body, 'PNGDATA');
      assert.match(String(dl.headers['content-disposition']), /^attachment/);
      assert.equal(dl.headers['x-content-type-options'], 'nosniff');
    });
  });
}
