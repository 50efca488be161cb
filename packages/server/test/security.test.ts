import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { addEmployee, bearer, call, createTenant, startConversation, visitor, type Reply, type Tenant } from './support/api-client.ts';
import { identityHash } from '../src/modules/widget/visitor.service.ts';

const isClearError = (res: Reply, status: number, code?: string) => {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(typeof res.body.error.message, 'string');
  assert.ok(res.body.error.message.length > 5, 'the message says what is wrong');
  if (code) assert.equal(res.body.error.code, code);
};

for (const backend of backends()) {
  describe(`tenancy and security (${backend})`, () => {
    let app: TestApp;
    let a: Tenant;
    let b: Tenant;
    const bIds: Record<string, string> = {};
    before(async () => {
      app = await createTestApp(backend, { VINCULO_MAX_UPLOAD_BYTES: '2048', VINCULO_MAX_MESSAGE_CHARS: '500' });
      a = await createTenant(app, 'Alfa');
      b = await createTenant(app, 'Beta');
      const bAgent = await addEmployee(app, b, 'agent');
      bIds.employee = bAgent.employeeId;
      const team = await call(app, 'POST', '/api/teams', { session: b.admin, body: { name: 'Ventas' } });
      bIds.team = team.body.id;
      const v = await visitor(app, b.publicKey);
      bIds.customer = v.customerId;
      const started = await startConversation(app, v);
      bIds.conversation = started.conversation.id;
      const token = await call(app, 'POST', '/api/api-tokens', { session: b.admin, body: { name: 'b' } });
      bIds.apiToken = token.body.id;
      const boundary = 'xx';
      const up = await app.server.inject({
        method: 'POST',
        url: '/api/widget/attachments',
        headers: { ...bearer(v.token), 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.txt"\r\nContent-Type: text/plain\r\n\r\nsecret of B\r\n--${boundary}--\r\n`,
      });
      bIds.attachment = (up.json() as { id: string }).id;
    });
    after(() => app.teardown());

    test('an employee of workspace A gets 404 for every resource of workspace B', async () => {
      const s = a.admin;
      const probes: [string, string, unknown?][] = [
        ['GET', `/api/customers/${bIds.customer}`],
        ['PATCH', `/api/customers/${bIds.customer}`, { name: 'hijack' }],
        ['POST', `/api/customers/${bIds.customer}/identities`, { channel: 'email', externalId: 'z@example.com' }],
        ['GET', `/api/conversations/${bIds.conversation}`],
        ['PATCH', `/api/conversations/${bIds.conversation}`, { status: 'resolved' }],
        ['GET', `/api/conversations/${bIds.conversation}/messages`],
        ['POST', `/api/conversations/${bIds.conversation}/messages`, { text: 'hi', idempotencyKey: randomUUID() }],
        ['GET', `/api/conversations/${bIds.conversation}/notes`],
        ['POST', `/api/conversations/${bIds.conversation}/notes`, { text: 'peek' }],
        ['GET', `/api/employees/${bIds.employee}`],
        ['PATCH', `/api/employees/${bIds.employee}`, { role: 'admin' }],
        ['PATCH', `/api/teams/${bIds.team}`, { name: 'x' }],
        ['DELETE', `/api/teams/${bIds.team}`],
        ['DELETE', `/api/api-tokens/${bIds.apiToken}`],
        ['GET', `/api/attachments/${bIds.attachment}`],
      ];
      for (const [method, url, body] of probes) {
        const res = await call(app, method as 'GET', url, { session: s, body });
        assert.equal(res.status, 404, `${method} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, 'not_found');
      }
      // Nor can B's records be reached by reference from A.
      const conv = await call(app, 'POST', '/api/conversations', { session: s, body: { customerId: bIds.customer } });
      assert.equal(conv.status, 404);
      const mine = await call(app, 'POST', '/api/customers', { session: s, body: { name: 'Mine' } });
      const own = await call(app, 'POST', '/api/conversations', { session: s, body: { customerId: mine.body.id } });
      const assign = await call(app, 'PATCH', `/api/conversations/${own.body.id}`, { session: s, body: { assigneeId: bIds.employee, teamId: bIds.team } });
      isClearError(assign, 400, 'validation_failed');
      // Lists never include B's rows.
      for (const url of ['/api/customers?limit=200', '/api/conversations?limit=200', '/api/employees', '/api/teams', '/api/audit-log?limit=500']) {
        const res = await call(app, 'GET', url, { session: s });
        const text = JSON.stringify(res.body);
        for (const id of Object.values(bIds)) assert.ok(!text.includes(id), `${url} leaks ${id}`);
      }
      // B's data is untouched.
      const check = await call(app, 'GET', `/api/conversations/${bIds.conversation}`, { session: b.admin });
      assert.equal(check.body.status, 'open');
    });

    test("a visitor cannot read or write another visitor's conversation or files", async () => {
      const stranger = await visitor(app, b.publicKey);
      const h = bearer(stranger.token);
      isClearError(await call(app, 'GET', `/api/widget/conversations/${bIds.conversation}/messages`, { headers: h }), 404, 'not_found');
      isClearError(await call(app, 'GET', `/api/widget/conversations/${bIds.conversation}`, { headers: h }), 404);
      isClearError(await call(app, 'POST', `/api/widget/conversations/${bIds.conversation}/messages`, { headers: h, body: { text: 'x', idempotencyKey: randomUUID() } }), 404);
      isClearError(await call(app, 'GET', `/api/widget/attachments/${bIds.attachment}`, { headers: h }), 404);
      const { conversation } = await startConversation(app, stranger);
      isClearError(await call(app, 'POST', `/api/widget/conversations/${conversation.id}/messages`, { headers: h, body: { attachmentIds: [bIds.attachment], idempotencyKey: randomUUID() } }), 400);
      // Employee endpoints refuse visitor tokens.
      isClearError(await call(app, 'GET', '/api/conversations', { headers: h }), 401);
      // A visitor of workspace A cannot reach B at all.
      const fromA = await visitor(app, a.publicKey);
      isClearError(await call(app, 'GET', `/api/widget/conversations/${bIds.conversation}/messages`, { headers: bearer(fromA.token) }), 404);
    });

    test('a tampered visitor token is refused', async () => {
      const v = await visitor(app, a.publicKey);
      const [body, mac] = v.token.split('.');
      const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
      claims.c = bIds.customer;
      const forged = `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${mac}`;
      isClearError(await call(app, 'GET', '/api/widget/conversations', { headers: bearer(forged) }), 401, 'unauthorized');
    });

    test('identity verification: a correctly signed user id is one verified customer; a wrong signature is anonymous', async () => {
      const userId = 'user-42';
      const hash = identityHash(a.identitySecret, userId);
      const s1 = await call(app, 'POST', '/api/widget/session', { body: { workspace: a.publicKey, identity: { userId, userHash: hash } } });
      const s2 = await call(app, 'POST', '/api/widget/session', { body: { workspace: a.publicKey, identity: { userId, userHash: hash.toUpperCase() } } });
      assert.equal(s1.body.verified, true);
      assert.equal(s1.body.customerId, s2.body.customerId, 'the same user on another device is the same customer');
      const forged = await call(app, 'POST', '/api/widget/session', { body: { workspace: a.publicKey, identity: { userId, userHash: identityHash('guessed secret', userId) } } });
      assert.equal(forged.status, 200);
      assert.equal(forged.body.verified, false);
      assert.notEqual(forged.body.customerId, s1.body.customerId, 'an unsigned claim never reaches the real user');
      const otherWs = await call(app, 'POST', '/api/widget/session', { body: { workspace: b.publicKey, identity: { userId, userHash: hash } } });
      assert.equal(otherWs.body.verified, false, "A's signature means nothing in B");
      const unknown = await call(app, 'POST', '/api/widget/session', { body: { workspace: 'pk_nope' } });
      isClearError(unknown, 404);
    });

    test('bad input gets a clear 4xx, never a 500', async () => {
      const s = a.admin;
      const badJson = await app.server.inject({ method: 'POST', url: '/api/customers', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, payload: '{"name": ' });
      assert.equal(badJson.statusCode, 400);
      assert.equal(badJson.json().error.code, 'bad_request');
      const missing = await call(app, 'POST', '/api/conversations', { session: s, body: {} });
      isClearError(missing, 400, 'validation_failed');
      assert.match(missing.body.error.message, /customerId/);
      const notUuid = await call(app, 'GET', '/api/conversations/not-a-uuid', { session: s });
      isClearError(notUuid, 400, 'validation_failed');
      assert.match(notUuid.body.error.message, /params\.id/);
      isClearError(await call(app, 'GET', `/api/conversations/${randomUUID()}`, { session: s }), 404, 'not_found');
      isClearError(await call(app, 'GET', `/api/customers/${randomUUID()}`, { session: s }), 404, 'not_found');
      isClearError(await call(app, 'GET', '/api/nowhere', { session: s }), 404, 'not_found');
      isClearError(await call(app, 'GET', '/api/customers?cursor=garbage', { session: s }), 400, 'validation_failed');
      isClearError(await call(app, 'GET', '/api/conversations?status=closed', { session: s }), 400, 'validation_failed');
      isClearError(await call(app, 'PATCH', `/api/conversations/${randomUUID()}`, { session: s, body: {} }), 400, 'validation_failed');
      isClearError(await call(app, 'POST', '/api/employees', { session: s, body: { email: 'not-an-email', name: 'x', role: 'boss' } }), 400, 'validation_failed');

      const v = await visitor(app, a.publicKey);
      const { conversation } = await startConversation(app, v);
      const tooLong = await call(app, 'POST', `/api/widget/conversations/${conversation.id}/messages`, { headers: bearer(v.token), body: { text: 'x'.repeat(501), idempotencyKey: randomUUID() } });
      isClearError(tooLong, 400, 'validation_failed');
      assert.match(tooLong.body.error.message, /500/);
      const empty = await call(app, 'POST', `/api/widget/conversations/${conversation.id}/messages`, { headers: bearer(v.token), body: { text: '   ', idempotencyKey: randomUUID() } });
      isClearError(empty, 400, 'validation_failed');
      const noKey = await call(app, 'POST', `/api/widget/conversations/${conversation.id}/messages`, { headers: bearer(v.token), body: { text: 'hola' } });
      isClearError(noKey, 400);
      assert.match(noKey.body.error.message, /idempotencyKey/);

      const boundary = 'bb';
      const big = await app.server.inject({
        method: 'POST',
        url: '/api/widget/attachments',
        headers: { ...bearer(v.token), 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n${'z'.repeat(5000)}\r\n--${boundary}--\r\n`,
      });
      assert.equal(big.statusCode, 413, big.body);
      assert.equal(big.json().error.code, 'payload_too_large');
      const stored = await app.ctx.db.selectFrom('attachments').select('id').where('file_name', '=', 'big.bin').execute();
      assert.equal(stored.length, 0, 'an oversized upload leaves nothing behind');
      const notMultipart = await call(app, 'POST', '/api/widget/attachments', { headers: bearer(v.token), body: { file: 'x' } });
      isClearError(notMultipart, 415);
      const history = await call(app, 'GET', `/api/widget/conversations/${conversation.id}/messages`, { headers: bearer(v.token) });
      assert.equal(history.body.items.length, 1, 'rejected sends stored nothing');
    });
  });
}
