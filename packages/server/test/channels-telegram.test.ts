import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { CHANNEL_KINDS } from '../src/modules/channels/channel-adapters.ts';
import { queueForgottenReplies } from '../src/modules/channels/channel-outbound.service.ts';
import { createSecretBox } from '../src/modules/channels/channel-secrets.ts';
import { normaliseTelegram } from '../src/modules/channels/telegram/telegram.adapter.ts';
import { call } from './support/api-client.ts';
import { startChannelHarness, type Harness } from './support/channel-harness.ts';
import { fixturesDir, type FakeAnswer } from './support/fake-network.ts';
import { backends } from './support/test-app.ts';

const fixture = (name: string) => fs.readFileSync(new URL(`telegram/${name}`, fixturesDir), 'utf8');
const json = (name: string) => JSON.parse(fixture(name));
const PHOTO = Buffer.from('\xff\xd8\xff\xe0 a small jpeg for the test', 'latin1');

describe('Telegram normalisation (fixtures)', () => {
  test('text, photo with caption, voice, document, location, contact and a button tap become readable text', () => {
    const textOf = (name: string) => normaliseTelegram(json(name)).messages[0]!.text;
    assert.match(textOf('update-message-text.json'), /4821/);
    assert.equal(textOf('update-message-photo.json'), '[photo] Así llegó la caja 📦');
    assert.equal(textOf('update-message-voice.json'), '[voice note, 7 s]');
    assert.match(textOf('update-message-document.json'), /^\[document: .+\]/);
    assert.equal(textOf('update-message-location.json'), '[location] (40.416793, -3.703811)');
    assert.equal(textOf('update-message-contact.json'), '[contact] Lucía Martín 34612345678');
    assert.match(textOf('update-callback-query.json'), /^\[button\] csat:/);
    assert.match(textOf('update-message-start-command.json'), /^\/start/);
    assert.match(textOf('update-edited-message.json'), /^\[edited\]/);
    // The largest size is the one kept for fetching.
    const photo = normaliseTelegram(json('update-message-photo.json')).messages[0]!;
    assert.equal((photo.original as { media: { width: number } }).media.width, 1280);
    assert.deepEqual(photo.identity, { channel: 'telegram', externalId: '5123456789' });
    assert.equal(photo.externalId, '5123456789:413');
  });

  test("Telegram's own older test updates are accepted too; an unknown message kind is a placeholder", () => {
    for (const name of fs.readdirSync(new URL('telegram/legacy/', fixturesDir))) {
      const batch = normaliseTelegram(JSON.parse(fs.readFileSync(new URL(`telegram/legacy/${name}`, fixturesDir), 'utf8')));
      assert.equal(batch.messages.length, 1, name);
      assert.ok(batch.messages[0]!.text.length > 0, name);
    }
    const poll = json('update-message-text.json');
    delete poll.message.text;
    delete poll.message.entities;
    poll.message.poll = { id: '1', question: '?' };
    assert.equal(normaliseTelegram(poll).messages[0]!.text, '[unsupported Telegram message]');
  });
});

for (const backend of backends()) {
  describe(`Telegram channel end to end (${backend})`, () => {
    let h: Harness;
    let down = false;
    let photosDown = false;
    let conversationId: string;
    const post = (body: string, token: string = h.view.verifyToken) =>
      h.app.server.inject({ method: 'POST', url: h.hookPath, payload: body, headers: { 'content-type': 'application/json', ...(token ? { 'x-telegram-bot-api-secret-token': token } : {}) } });

    before(async () => {
      h = await startChannelHarness(
        backend,
        (url) => ({ kind: 'telegram', name: 'Bot soporte', settings: { apiBaseUrl: url }, secrets: { botToken: '7012345678:AAE-test-token' } }),
        (req, i): FakeAnswer => {
          if (req.path.endsWith('/setWebhook')) return { status: 200, body: JSON.parse(fixture('setWebhook-response.json')) };
          if (req.path.includes('/getFile?file_id=')) return { status: 200, body: { ok: true, result: { file_id: 'x', file_path: `files/${new URL(req.path, 'http://x').searchParams.get('file_id')!.slice(0, 8)}.bin` } } };
          if (req.path.startsWith('/file/bot7012345678:AAE-test-token/files/')) return { status: 200, body: PHOTO, contentType: 'image/jpeg' };
          if (photosDown && req.path.endsWith('/sendPhoto')) return { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } };
          if (down) return { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } };
          const sent = json('sendMessage-response.json');
          sent.result.message_id = 1000 + i;
          sent.result.text = req.json?.text;
          return { status: 200, body: sent };
        },
      );
    });
    after(() => h.close());

    test('the bot is told its webhook URL and secret token with setWebhook', async () => {
      const res = await call(h.app, 'POST', `/api/channels/${h.view.id}/telegram-webhook`, { session: h.tenant.admin });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.description, 'Webhook was set');
      const sent = h.fake.requests.at(-1)!;
      assert.equal(sent.path, '/bot7012345678:AAE-test-token/setWebhook');
      assert.deepEqual(sent.json, { url: h.view.webhookUrl, secret_token: h.view.verifyToken, allowed_updates: ['message', 'edited_message', 'callback_query'], drop_pending_updates: false });
    });

    test('the secret token is required: a wrong or missing one is 401 and stores nothing', async () => {
      const body = fixture('update-message-text.json');
      assert.equal((await post(body, 'wrong-token')).statusCode, 401);
      assert.equal((await post(body, '')).statusCode, 401);
      assert.equal(await h.messageCount(), 0);
    });

    test('updates create one conversation; the same update twice stores one message', async () => {
      for (const name of ['update-message-text.json', 'update-message-text.json', 'update-message-photo.json', 'update-message-voice.json', 'update-message-location.json', 'update-message-contact.json']) {
        const res = await post(fixture(name));
        assert.equal(res.statusCode, 200, res.body);
      }
      const convs = await h.conversations('telegram');
      assert.equal(convs.length, 1);
      conversationId = convs[0].id;
      const items = await h.messagesOf(conversationId);
      assert.equal(items.length, 5);
      assert.equal(items[1].text, '[photo] Así llegó la caja 📦');
      // The largest photo and the voice note were fetched through getFile and stored as attachments.
      assert.deepEqual(items[1].attachments.map((a: { fileName: string }) => a.fileName), ['photo.jpg']);
      assert.deepEqual(items[2].attachments.map((a: { fileName: string }) => a.fileName), ['voice.ogg']);
      const photoFetch = h.fake.requests.find((r) => r.path.includes('/getFile?'))!;
      assert.ok(photoFetch.path.endsWith(encodeURIComponent(json('update-message-photo.json').message.photo[3].file_id)));
      const bytes = await h.app.server.inject({ method: 'GET', url: `/api/attachments/${items[1].attachments[0].id}`, headers: { cookie: h.tenant.admin.cookie } });
      assert.ok(PHOTO.equals(bytes.rawPayload));
    });

    test('a malformed update is a 400 and is logged on the channel health', async () => {
      const before = await h.messageCount();
      const res = await post('{"message": {"text": "no update_id"}}');
      assert.equal(res.statusCode, 400);
      assert.equal(await h.messageCount(), before);
      assert.match((await h.health()).lastError, /malformed.*update_id/i);
    });

    test("an employee's reply is sent with sendMessage to the chat", async () => {
      const res = await h.reply(conversationId, 'Te mandamos otra caja hoy');
      await h.deliveryOf(conversationId, res.body.message.id, 'sent');
      const sent = h.fake.requests.at(-1)!;
      assert.equal(sent.path, '/bot7012345678:AAE-test-token/sendMessage');
      assert.deepEqual(sent.json, { chat_id: '5123456789', text: 'Te mandamos otra caja hoy' });
      assert.match(await h.externalIdOf(res.body.message.id), /^5123456789:\d+$/);
    });

    test('a reply with a photo sends the text, then the photo as multipart with its bytes', async () => {
      const before = h.fake.requests.length;
      const res = await h.replyWithFile(conversationId, 'Mira la etiqueta', { fileName: 'etiqueta.png', contentType: 'image/png', content: Buffer.from('PNG-BYTES-0123') });
      await h.deliveryOf(conversationId, res.body.message.id, 'sent');
      const [text, photo] = h.fake.requests.slice(before);
      assert.equal(text!.path, '/bot7012345678:AAE-test-token/sendMessage');
      assert.equal(photo!.path, '/bot7012345678:AAE-test-token/sendPhoto');
      assert.match(photo!.headers['content-type'] as string, /^multipart\/form-data/);
      assert.match(photo!.body, /name="chat_id"\r\n\r\n5123456789/);
      assert.match(photo!.body, /name="photo"; filename="etiqueta.png"\r\nContent-Type: image\/png\r\n\r\nPNG-BYTES-0123/);
    });

    test('when the text left but the photo failed, the reply fails saying so and is not sent twice', async () => {
      photosDown = true;
      const before = h.fake.requests.length;
      const res = await h.replyWithFile(conversationId, 'Texto y foto', { fileName: 'foto.jpg', contentType: 'image/jpeg', content: Buffer.from('JPEG') });
      const delivery = await h.deliveryOf(conversationId, res.body.message.id, 'failed');
      photosDown = false;
      assert.equal(h.fake.requests.length - before, 2, 'no retry: the text is not sent again');
      assert.match(delivery.error, /^Only 1 of 2 parts were sent; then: Telegram: Internal Server Error \(HTTP 500\)$/);
    });

    test('a reply the process stopped before queueing is queued at start-up; employees see each delivery change live', async () => {
      const row = await h.app.ctx.db
        .insertInto('messages')
        .values({ workspace_id: h.tenant.workspaceId, conversation_id: conversationId, direction: 'outbound', author_type: 'employee', author_id: h.tenant.admin.employeeId, text: 'Escrito justo antes de parar' })
        .returning('id')
        .executeTakeFirstOrThrow();
      assert.equal(await queueForgottenReplies(h.app.ctx, CHANNEL_KINDS), 1);
      assert.equal(await queueForgottenReplies(h.app.ctx, CHANNEL_KINDS), 0, 'queued once');
      h.app.channels.kick();
      await h.deliveryOf(conversationId, row.id, 'sent');
      assert.equal(h.fake.requests.at(-1)!.json.text, 'Escrito justo antes de parar');
      const events = await h.app.ctx.db.selectFrom('stream_events').select(['type', 'payload']).where('workspace_id', '=', h.tenant.workspaceId).where('type', '=', 'message.delivery').orderBy('seq').execute();
      const mine = events.filter((e) => (e.payload as { messageId: string }).messageId === row.id).map((e) => (e.payload as { delivery: { status: string } }).delivery.status);
      assert.deepEqual(mine, ['queued', 'sent']);
    });

    test('the Bot API failing is retried, then the message is failed with the reason', async () => {
      down = true;
      const calls = h.fake.requests.length;
      const res = await h.reply(conversationId, 'No saldrá');
      const delivery = await h.deliveryOf(conversationId, res.body.message.id, 'failed');
      down = false;
      assert.equal(h.fake.requests.length - calls, 3);
      assert.match(delivery.error, /Gave up after 3 attempts: Telegram: Bad Gateway \(HTTP 502\)/);
      const health = await h.health();
      assert.match(health.lastError, /Bad Gateway/);
      assert.ok(health.lastSentAt && health.lastInboundAt);
      assert.equal(health.failedLast24h, 2, 'this one and the half-sent photo');
      assert.equal(health.queued, 0);
    });

    test('secrets sealed under another key are reported, refused cleanly (401, not 500) and can be entered again', async () => {
      const foreign = createSecretBox('a-key-this-server-does-not-have-0123456789').seal({ botToken: 'x' });
      await h.app.ctx.db.updateTable('channels').set({ secrets: foreign }).where('id', '=', h.view.id).execute();
      const view = (await call(h.app, 'GET', `/api/channels/${h.view.id}`, { session: h.tenant.admin })).body;
      assert.deepEqual(view.secrets, { botToken: false });
      assert.match(view.health.lastError, /VINCULO_SECRETS_KEY/);
      assert.equal((await post(fixture('update-message-start-command.json'))).statusCode, 200, 'the secret token is not one of the sealed secrets');
      const fixed = await call(h.app, 'PATCH', `/api/channels/${h.view.id}`, { session: h.tenant.admin, body: { secrets: { botToken: '7012345678:AAE-test-token' } } });
      assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
      assert.deepEqual(fixed.body.secrets, { botToken: true });
    });
  });
}
