import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { storeAttachment } from '../src/modules/attachments/attachment.service.ts';
import { tenantScope } from '../src/platform/db/tenant-scope.ts';
import { metaSignatureValid } from '../src/modules/channels/webhook-signature.ts';
import { normaliseWhatsApp } from '../src/modules/channels/whatsapp/whatsapp.normalise.ts';
import { call, createTenant, type Tenant } from './support/api-client.ts';
import { CHANNEL_TEST_ENV, fixturesDir, startFakeNetwork, type FakeAnswer } from './support/fake-network.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { waitFor } from './support/wait-for.ts';
import { TestSocket } from './support/ws-client.ts';

const fixture = (name: string) => fs.readFileSync(new URL(`whatsapp/${name}`, fixturesDir));
const fixtureJson = (name: string) => JSON.parse(fixture(name).toString('utf8'));
const APP_SECRET = 'test-app-secret-0123456789';
const IMAGE = Buffer.from('a whatsapp image, in bytes');
const sign = (body: string | Buffer, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

// Every pywa fixture uses the same message id; each test message gets its own, and is addressed to
// the test channel's number (the docs-based fixtures name another).
function withId(name: string, id: string, at?: Date) {
  const body = fixtureJson(name);
  const value = body.entry[0].changes[0].value;
  value.metadata.phone_number_id = '1122334455667';
  for (const m of value.messages ?? []) {
    m.id = id;
    if (at) m.timestamp = String(Math.floor(at.getTime() / 1000));
  }
  for (const s of value.statuses ?? []) s.id = id;
  return JSON.stringify(body);
}

describe('WhatsApp normalisation and signature (fixtures)', () => {
  test('the worked X-Hub-Signature-256 example verifies on the raw bytes, not on a re-serialisation', () => {
    const body = fs.readFileSync(new URL('whatsapp/signature-example/body.json', fixturesDir));
    const secret = '4f7e2b9c1a6d8e0f3b5a7c9d2e4f6a8b';
    assert.ok(metaSignatureValid(secret, body, 'sha256=bc90ca165ec7375a5c9c1ab7a095b1a2ebc6c92a51a6cf45d183bf753738b441'));
    const unescaped = fs.readFileSync(new URL('whatsapp/signature-example/body.unescaped-utf8.json', fixturesDir));
    assert.equal(metaSignatureValid(secret, unescaped, 'sha256=bc90ca165ec7375a5c9c1ab7a095b1a2ebc6c92a51a6cf45d183bf753738b441'), false);
    assert.equal(metaSignatureValid(secret, body, undefined), false);
  });

  test('text, image, voice note, location, contacts, interactive, template button and reaction become readable text; an unknown type a placeholder', () => {
    const textOf = (name: string) => normaliseWhatsApp(fixtureJson(name)).messages[0]!.text;
    assert.equal(textOf('inbound-text.json'), 'Body Text');
    assert.match(textOf('inbound-image.json'), /^\[image\]/);
    assert.match(textOf('inbound-audio-voice-note.json'), /^\[voice note\]/);
    assert.match(textOf('inbound-audio-file-forwarded.json'), /^\[audio\]/);
    assert.match(textOf('inbound-document.json'), /^\[document: .+\]/);
    assert.match(textOf('inbound-location.json'), /^\[location\] Facebook HQ, 1 Hacker Way.*\(37\.4611978, -122\.2164385\)/);
    assert.match(textOf('inbound-contacts.json'), /^\[contacts\] Chandler Bing \+1 555-555-5555/);
    assert.ok(textOf('inbound-interactive-button-reply.json').length > 0);
    assert.ok(textOf('inbound-interactive-list-reply.json').includes(' — '));
    assert.ok(!textOf('inbound-button-template-quick-reply.json').startsWith('[unsupported'));
    assert.match(textOf('inbound-reaction.json'), /^\[reaction\]/);
    const odd = fixtureJson('inbound-text.json');
    odd.entry[0].changes[0].value.messages[0] = { from: '972987654321', id: 'wamid.odd', timestamp: '1697043223', type: 'order', order: { catalog_id: '1' } };
    assert.equal(normaliseWhatsApp(odd).messages[0]!.text, '[unsupported WhatsApp message type "order"]');
    const image = normaliseWhatsApp(fixtureJson('inbound-image.json')).messages[0]!;
    assert.equal((image.original as { media: { id: string } }).media.id, '65463453');
    // That number is not a valid one: the business-scoped user id keys the customer instead.
    assert.deepEqual(image.identity, { channel: 'whatsapp-user', externalId: 'US.13491208655302741918' });
    const spanish = fixtureJson('inbound-text.json');
    spanish.entry[0].changes[0].value.contacts[0].wa_id = '34612345678';
    spanish.entry[0].changes[0].value.messages[0].from = '34612345678';
    assert.deepEqual(normaliseWhatsApp(spanish).messages[0]!.identity, { channel: 'whatsapp', externalId: '+34612345678' });
  });

  test('statuses: played counts as read, a failure carries its code and details', () => {
    assert.equal(normaliseWhatsApp(fixtureJson('status-played-voice.json')).statuses[0]!.status, 'read');
    const failed = normaliseWhatsApp(fixtureJson('status-failed-131047-reengagement.json')).statuses[0]!;
    assert.equal(failed.status, 'failed');
    assert.match(failed.error!, /131047.*24 hours/);
  });
});

for (const backend of backends()) {
  describe(`WhatsApp channel end to end (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    let hookPath: string;
    let verifyToken: string;
    let channelId: string;
    let mode: 'ok' | 'down' | 'window' = 'ok';
    let fake: Awaited<ReturnType<typeof startFakeNetwork>>;

    const post = (body: string, signature = sign(body)) =>
      app.server.inject({ method: 'POST', url: hookPath, payload: body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } });
    const messageCount = async () => Number((await app.ctx.db.selectFrom('messages').select((e) => e.fn.countAll().as('n')).where('workspace_id', '=', acme.workspaceId).executeTakeFirstOrThrow()).n);
    const messagesOf = async (conversationId: string) => (await call(app, 'GET', `/api/conversations/${conversationId}/messages`, { session: acme.admin })).body.items as any[];
    const reply = (conversationId: string, text: string) => call(app, 'POST', `/api/conversations/${conversationId}/messages`, { session: acme.admin, body: { text, idempotencyKey: randomUUID() } });
    const upload = async (fileName: string, contentType: string, content: Buffer) =>
      (await storeAttachment(tenantScope(app.ctx.db, acme.workspaceId), app.ctx.storage, { type: 'employee', id: acme.admin.employeeId }, { fileName, contentType, data: Readable.from([content]) })).id;
    const deliveryOf = (conversationId: string, messageId: string, status: string) =>
      waitFor(async () => {
        const m = (await messagesOf(conversationId)).find((x) => x.id === messageId);
        return m?.delivery?.status === status ? m.delivery : undefined;
      }, `delivery ${status}`, 15_000);

    before(async () => {
      fake = await startFakeNetwork((req): FakeAnswer => {
        if (req.method === 'GET' && req.path === '/v25.0/65463453') return { status: 200, body: { url: `${fake.url}/lookaside/65463453`, mime_type: 'image/jpeg', id: '65463453' } };
        if (req.method === 'GET' && req.path === '/lookaside/65463453')
          return req.headers.authorization === 'Bearer EAAG-secret-token' ? { status: 200, body: IMAGE, contentType: 'image/jpeg' } : { status: 401, body: {} };
        if (req.path === '/v25.0/1122334455667/media') return { status: 200, body: { id: 'media-upload-1' } };
        if (req.method === 'GET') return { status: 404, body: { error: { message: 'Unsupported get request', code: 100 } } };
        if (mode === 'down') return { status: 503, body: { error: { message: 'Service temporarily unavailable', code: 2 } } };
        if (mode === 'window' && req.json?.type === 'text') return { status: 400, body: fixtureJson('send-message-error-131047.json') };
        return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: req.json?.to, wa_id: req.json?.to }], messages: [{ id: `wamid.out-${randomUUID()}` }] } };
      });
      app = await createTestApp(backend, CHANNEL_TEST_ENV);
      acme = await createTenant(app, 'Acme');
      const created = await call(app, 'POST', '/api/channels', {
        session: acme.admin,
        body: { kind: 'whatsapp', name: 'WhatsApp ventas', settings: { phoneNumberId: '1122334455667', apiBaseUrl: `${fake.url}/v25.0` }, secrets: { accessToken: 'EAAG-secret-token', appSecret: APP_SECRET } },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      channelId = created.body.id;
      verifyToken = created.body.verifyToken;
      hookPath = new URL(created.body.webhookUrl).pathname;
    });
    after(async () => {
      await app.teardown();
      await fake.close();
    });

    test('the admin API returns the webhook URL and verify token, says which secrets are set and never shows them; they are sealed at rest', async () => {
      const list = await call(app, 'GET', '/api/channels', { session: acme.admin });
      assert.equal(list.status, 200);
      const view = list.body.items[0];
      assert.match(view.webhookUrl, /^https:\/\/vinculo\.example\.com\/api\/channels\/hooks\/whatsapp\/[\w-]+$/);
      assert.deepEqual(view.secrets, { accessToken: true, appSecret: true });
      assert.ok(!JSON.stringify(list.body).includes('EAAG-secret-token') && !JSON.stringify(list.body).includes(APP_SECRET));
      const row = await app.ctx.db.selectFrom('channels').select('secrets').where('id', '=', channelId).executeTakeFirstOrThrow();
      assert.ok(row.secrets?.startsWith('v1.') && !row.secrets.includes('EAAG'));
      const bad = await call(app, 'POST', '/api/channels', { session: acme.admin, body: { kind: 'whatsapp', name: 'x', settings: {}, secrets: {} } });
      assert.equal(bad.status, 400);
      const kinds = await call(app, 'GET', '/api/channels/kinds', { session: acme.admin });
      const wa = kinds.body.items.find((k: { kind: string }) => k.kind === 'whatsapp');
      assert.deepEqual(wa.requiredSecrets, ['accessToken', 'appSecret']);
      assert.deepEqual(wa.settings.required, ['phoneNumberId']);
      const removed = await call(app, 'PATCH', `/api/channels/${channelId}`, { session: acme.admin, body: { secrets: { appSecret: null } } });
      assert.equal(removed.status, 400, 'a required secret cannot be removed');
    });

    test('the channel endpoints are in the OpenAPI document', async () => {
      const doc = await app.server.inject({ method: 'GET', url: '/api/openapi.json' });
      assert.equal(doc.statusCode, 200);
      const paths = Object.keys(JSON.parse(doc.body).paths);
      for (const p of ['/api/channels', '/api/channels/{id}', '/api/channels/{id}/deliveries', '/api/channels/hooks/{kind}/{key}', '/api/conversations/{id}/whatsapp-template', '/api/messages/{id}/channel']) assert.ok(paths.includes(p), p);
    });

    test("Meta's handshake echoes the challenge only with the right verify token", async () => {
      const ok = await app.server.inject({ method: 'GET', url: `${hookPath}?hub.mode=subscribe&hub.challenge=2011496851&hub.verify_token=${verifyToken}` });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.body, '2011496851');
      const wrong = await app.server.inject({ method: 'GET', url: `${hookPath}?hub.mode=subscribe&hub.challenge=2011496851&hub.verify_token=nope` });
      assert.equal(wrong.statusCode, 403);
    });

    let conversationId: string;
    test('an inbound text creates customer, conversation and message (emotion read); the same webhook twice stores one message', async () => {
      const body = withId('inbound-text.json', 'wamid.in-1', new Date());
      const first = await post(body);
      assert.equal(first.statusCode, 200, first.body);
      const again = await post(body);
      assert.equal(again.statusCode, 200);
      const convs = await call(app, 'GET', '/api/conversations?channel=whatsapp', { session: acme.admin });
      assert.equal(convs.body.items.length, 1);
      conversationId = convs.body.items[0].id;
      const items = await messagesOf(conversationId);
      assert.equal(items.length, 1);
      assert.equal(items[0].text, 'Body Text');
      assert.ok(items[0].emotion, 'the emotion engine read the message like a widget message');
      const identity = await app.ctx.db.selectFrom('customer_identities').selectAll().where('workspace_id', '=', acme.workspaceId).where('channel', '=', 'whatsapp-user').executeTakeFirstOrThrow();
      assert.equal(identity.external_id, 'US.13491208655302741918');
      const channel = await call(app, 'GET', `/api/channels/${channelId}`, { session: acme.admin });
      assert.ok(channel.body.health.lastInboundAt);
    });

    test('a bad signature is refused with 401 and stores nothing', async () => {
      const before = await messageCount();
      const body = withId('inbound-image.json', 'wamid.in-forged');
      const res = await post(body, sign(body, 'not-the-app-secret'));
      assert.equal(res.statusCode, 401);
      const unsigned = await app.server.inject({ method: 'POST', url: hookPath, payload: body, headers: { 'content-type': 'application/json' } });
      assert.equal(unsigned.statusCode, 401);
      assert.equal(await messageCount(), before);
    });

    test('a malformed payload is a 400, stores nothing and is logged on the channel health', async () => {
      const before = await messageCount();
      const res = await post('{"object":"whatsapp_business_account"}');
      assert.equal(res.statusCode, 400);
      assert.match(JSON.parse(res.body).error.message, /entry/);
      const notJson = await post('not json at all');
      assert.equal(notJson.statusCode, 400);
      assert.equal(await messageCount(), before);
      const channel = await call(app, 'GET', `/api/channels/${channelId}`, { session: acme.admin });
      assert.match(channel.body.health.lastError, /malformed/i);
    });

    test('image, voice note, location and contacts join the same conversation as readable text', async () => {
      for (const [i, name] of ['inbound-image.json', 'inbound-audio-voice-note.json', 'inbound-location.json', 'inbound-contacts.json'].entries()) {
        const res = await post(withId(name, `wamid.media-${i}`, new Date()));
        assert.equal(res.statusCode, 200, res.body);
      }
      const items = await messagesOf(conversationId);
      const texts = items.map((m) => m.text);
      assert.equal(texts.length, 5);
      assert.equal(texts[1], '[image]');
      // The image was fetched from the Graph API with the token and stored; the voice note's media
      // id is unknown to the fake API, so the message says so and is kept all the same.
      assert.deepEqual(items[1].attachments.map((a: { fileName: string }) => a.fileName), ['image.jpg']);
      const bytes = await app.server.inject({ method: 'GET', url: `/api/attachments/${items[1].attachments[0].id}`, headers: { cookie: acme.admin.cookie } });
      assert.ok(IMAGE.equals(bytes.rawPayload));
      assert.match(texts[2], /^\[voice note\]\n\[voice-note: not fetched, Unsupported get request \(HTTP 404\)\]$/);
      assert.match(texts[3], /^\[location\]/);
      assert.match(texts[4], /^\[contacts\]/);
      const original = await call(app, 'GET', `/api/messages/${(await messagesOf(conversationId))[1].id}/channel`, { session: acme.admin });
      assert.equal(original.status, 200);
      assert.equal(original.body.original.media.id, '65463453');
    });

    test("an employee's reply goes to the Cloud API; sent, delivered and read receipts update it", async () => {
      const res = await reply(conversationId, 'Hola, ya lo miramos');
      assert.equal(res.status, 201);
      await deliveryOf(conversationId, res.body.message.id, 'sent');
      const sent = fake.requests.at(-1)!;
      assert.equal(sent.path, '/v25.0/1122334455667/messages');
      assert.equal(sent.headers.authorization, 'Bearer EAAG-secret-token');
      assert.deepEqual(sent.json, { messaging_product: 'whatsapp', recipient_type: 'individual', to: '972987654321', type: 'text', text: { preview_url: false, body: 'Hola, ya lo miramos' } });
      const row = await app.ctx.db.selectFrom('channel_messages').select('external_id').where('message_id', '=', res.body.message.id).executeTakeFirstOrThrow();
      // Out of order: "read" first, then a late "delivered" must not take it back.
      assert.equal((await post(withId('status-read.json', row.external_id!))).statusCode, 200);
      await deliveryOf(conversationId, res.body.message.id, 'read');
      assert.equal((await post(withId('status-delivered.json', row.external_id!))).statusCode, 200);
      assert.equal((await messagesOf(conversationId)).find((m) => m.id === res.body.message.id).delivery.status, 'read');
    });

    test('a reply with a PDF uploads it to the media endpoint and sends it as a document by id', async () => {
      const before = fake.requests.length;
      const pdfBytes = Buffer.from('%PDF-1.4 factura');
      const res = await call(app, 'POST', `/api/conversations/${conversationId}/messages`, { session: acme.admin, body: { text: 'Te adjunto la factura', attachmentIds: [await upload('factura.pdf', 'application/pdf', pdfBytes)], idempotencyKey: randomUUID() } });
      await deliveryOf(conversationId, res.body.message.id, 'sent');
      const [text, uploaded, document] = fake.requests.slice(before);
      assert.equal(text!.json.text.body, 'Te adjunto la factura');
      assert.equal(uploaded!.path, '/v25.0/1122334455667/media');
      assert.match(uploaded!.body, /name="messaging_product"\r\n\r\nwhatsapp/);
      assert.match(uploaded!.body, /name="file"; filename="factura.pdf"\r\nContent-Type: application\/pdf\r\n\r\n%PDF-1.4 factura/);
      assert.deepEqual(document!.json, { messaging_product: 'whatsapp', recipient_type: 'individual', to: '972987654321', type: 'document', document: { id: 'media-upload-1', filename: 'factura.pdf' } });
    });

    test("one app's webhook carries several numbers: each message goes to its number's channel, an unknown number is left out and noted", async () => {
      const second = await call(app, 'POST', '/api/channels', {
        session: acme.admin,
        body: { kind: 'whatsapp', name: 'WhatsApp postventa', settings: { phoneNumberId: '9988776655443', apiBaseUrl: `${fake.url}/v25.0` }, secrets: { accessToken: 'EAAG-secret-token', appSecret: APP_SECRET } },
      });
      const forSecond = JSON.parse(withId('inbound-text.json', 'wamid.second-number', new Date()));
      forSecond.entry[0].changes[0].value.metadata.phone_number_id = '9988776655443';
      assert.equal((await post(JSON.stringify(forSecond))).statusCode, 200);
      const row = await app.ctx.db.selectFrom('channel_messages').select(['channel_id', 'conversation_id']).where('external_id', '=', 'wamid.second-number').executeTakeFirstOrThrow();
      assert.equal(row.channel_id, second.body.id);
      const res = await reply(row.conversation_id, 'Desde postventa');
      await deliveryOf(row.conversation_id, res.body.message.id, 'sent');
      assert.equal(fake.requests.at(-1)!.path, '/v25.0/9988776655443/messages');
      const before = await messageCount();
      const stray = JSON.parse(withId('inbound-text.json', 'wamid.unknown-number', new Date()));
      stray.entry[0].changes[0].value.metadata.phone_number_id = '1111111111111';
      assert.equal((await post(JSON.stringify(stray))).statusCode, 200);
      assert.equal(await messageCount(), before);
      const health = (await call(app, 'GET', `/api/channels/${channelId}`, { session: acme.admin })).body.health;
      assert.match(health.lastError, /account 1111111111111/);
    });

    test('the API failing is retried with backoff, then the message is marked failed with the reason', async () => {
      mode = 'down';
      const calls = fake.requests.length;
      const res = await reply(conversationId, 'Este no saldrá');
      const delivery = await deliveryOf(conversationId, res.body.message.id, 'failed');
      mode = 'ok';
      assert.equal(fake.requests.length - calls, 3, 'three attempts (VINCULO_CHANNEL_MAX_ATTEMPTS)');
      assert.match(delivery.error, /Gave up after 3 attempts: Service temporarily unavailable \(HTTP 503\)/);
      const deliveries = await call(app, 'GET', `/api/channels/${channelId}/deliveries?status=failed`, { session: acme.admin });
      assert.equal(deliveries.body.items[0].attempts, 3);
    });

    test('a failed status webhook (131047) marks a sent message failed with the reason', async () => {
      const res = await reply(conversationId, 'Otro mensaje');
      await deliveryOf(conversationId, res.body.message.id, 'sent');
      const row = await app.ctx.db.selectFrom('channel_messages').select('external_id').where('message_id', '=', res.body.message.id).executeTakeFirstOrThrow();
      await post(withId('status-failed-131047-reengagement.json', row.external_id!));
      const delivery = await deliveryOf(conversationId, res.body.message.id, 'failed');
      assert.match(delivery.error, /131047/);
    });

    test('outside the 24-hour window a free reply is refused with the reason (409) and an approved template goes out', async () => {
      await app.ctx.db.updateTable('channel_messages').set({ created_at: new Date(Date.now() - 25 * 3600_000) } as never).where('channel_id', '=', channelId).where('direction', '=', 'inbound').execute();
      const before = fake.requests.length;
      const refused = await reply(conversationId, '¿Sigues ahí?');
      assert.equal(refused.status, 409);
      assert.match(refused.body.error.message, /24 hours/);
      assert.equal(refused.body.error.details.reason, 'whatsapp_window_closed');
      // A reply over the employee's WebSocket meets the same check, and nothing is stored.
      if (!app.server.server.listening) await app.server.listen({ port: 0, host: '127.0.0.1' });
      const port = (app.server.server.address() as AddressInfo).port;
      const ws = await TestSocket.open(`ws://127.0.0.1:${port}/api/realtime`, { cookie: acme.admin.cookie });
      try {
        await ws.next((f) => f.type === 'ready');
        const key = randomUUID();
        ws.send({ type: 'send', conversationId, text: '¿Sigues ahí? (socket)', idempotencyKey: key });
        const frame = await ws.next((f) => f.type === 'error' && f.ref === key);
        assert.deepEqual([(frame.error as { code: string }).code, (frame.error as { details: { reason: string } }).details.reason], ['conflict', 'whatsapp_window_closed']);
        assert.equal(await app.ctx.db.selectFrom('messages').select('id').where('idempotency_key', '=', key).executeTakeFirst(), undefined);
      } finally {
        await ws.close();
      }
      const state = await call(app, 'GET', `/api/conversations/${conversationId}/channel`, { session: acme.admin });
      assert.equal(state.body.canReply, false);
      assert.equal(state.body.templateRequired, true);
      const template = await call(app, 'POST', `/api/conversations/${conversationId}/whatsapp-template`, {
        session: acme.admin,
        body: { name: 'seguimiento_pedido', language: 'es', parameters: ['Lucía', '4821'], idempotencyKey: randomUUID() },
      });
      assert.equal(template.status, 201, JSON.stringify(template.body));
      await deliveryOf(conversationId, template.body.message.id, 'sent');
      const sent = fake.requests.at(-1)!;
      assert.equal(fake.requests.length, before + 1, 'only the template reached the API');
      assert.equal(sent.json.type, 'template');
      assert.deepEqual(sent.json.template, { name: 'seguimiento_pedido', language: { code: 'es' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Lucía' }, { type: 'text', text: '4821' }] }] });
    });

    test('the network refusing a send (131047 as an HTTP 400) fails it at once, without retries', async () => {
      await app.ctx.db.updateTable('channel_messages').set({ created_at: new Date() } as never).where('channel_id', '=', channelId).where('direction', '=', 'inbound').execute();
      mode = 'window';
      const calls = fake.requests.length;
      const res = await reply(conversationId, 'Hola de nuevo');
      const delivery = await deliveryOf(conversationId, res.body.message.id, 'failed');
      mode = 'ok';
      assert.equal(fake.requests.length - calls, 1);
      assert.match(delivery.error, /Re-engagement message: Message failed to send because more than 24 hours/);
    });
  });
}
