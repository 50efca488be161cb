import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { normaliseMessaging } from '../src/modules/channels/meta/messenger.adapter.ts';
import { startChannelHarness, type Harness } from './support/channel-harness.ts';
import { fixturesDir, type FakeAnswer } from './support/fake-network.ts';
import { backends } from './support/test-app.ts';

type Network = 'messenger' | 'instagram';
const fixture = (network: Network, name: string) => fs.readFileSync(new URL(`${network}/${name}`, fixturesDir), 'utf8');
const json = (network: Network, name: string) => JSON.parse(fixture(network, name));
const APP_SECRET = 'meta-app-secret-for-tests';
const IMAGE = Buffer.from('not really a jpeg, but bytes all the same');
const sign = (body: string, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('Messenger and Instagram normalisation (fixtures)', () => {
  test('text, image, audio, sticker, quick reply, reply-to, postbacks (both shapes) and reactions are kept; echoes skipped', () => {
    const one = (name: string) => normaliseMessaging('messenger', json('messenger', name)).messages;
    assert.match(one('inbound-text.json')[0]!.text, /talla 38/);
    assert.equal(one('inbound-attachment-image.json')[0]!.text, '[image]');
    assert.equal(one('inbound-attachment-audio.json')[0]!.text, '[audio]');
    assert.equal(one('inbound-attachment-sticker.json')[0]!.text, '[sticker]');
    assert.equal(one('inbound-quick-reply.json')[0]!.text, 'Sí, cambiarlas');
    assert.ok(one('inbound-reply-to.json')[0]!.original!.replyTo);
    assert.equal(one('messaging-postbacks.json')[0]!.text.startsWith('[button]'), true);
    const bare = normaliseMessaging('messenger', json('messenger', 'messaging-postbacks.docs-field-value-shape.json')).messages[0]!;
    assert.equal(bare.text, '[button] Hablar con una persona');
    assert.equal(bare.peer, 'uRef-6a1f0c9e2b7d');
    assert.equal(one('message-reaction.json')[0]!.text, '[reaction] ❤️');
    assert.equal(one('message-echo.json').length, 0);
    const reads = normaliseMessaging('messenger', json('messenger', 'message-reads.json')).statuses[0]!;
    assert.equal(reads.status, 'read');
    assert.equal(reads.watermark?.before.getTime(), 1762164419871);
    const ig = (name: string) => normaliseMessaging('instagram', json('instagram', name));
    assert.match(ig('inbound-text.json').messages[0]!.text, /Canarias/);
    assert.deepEqual(ig('inbound-text.json').messages[0]!.identity, { channel: 'instagram', externalId: '1144869297013457' });
    assert.equal(ig('inbound-attachment-image.json').messages[0]!.text, '[image]');
    assert.equal(ig('messaging-seen.json').statuses[0]!.status, 'read');
    assert.equal(ig('message-unreaction.json').messages[0]!.text, '[reaction] removed');
    const odd = json('instagram', 'inbound-attachment-image.json');
    odd.entry[0].messaging[0].message.attachments[0].type = 'hologram';
    assert.equal(normaliseMessaging('instagram', odd).messages[0]!.text, '[unsupported Instagram attachment "hologram"]');
    assert.throws(() => normaliseMessaging('instagram', json('messenger', 'inbound-text.json')), /Not a instagram notification/);
  });
});

for (const backend of backends()) {
  for (const network of ['messenger', 'instagram'] as const) {
    describe(`${network} channel end to end (${backend})`, () => {
      let h: Harness;
      let down = false;
      let windowClosed = false;
      let conversationId: string;
      const account = network === 'messenger' ? '104389502749851' : '17841405309211844';
      const post = (body: string, signature = sign(body)) =>
        h.app.server.inject({ method: 'POST', url: h.hookPath, payload: body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } });

      before(async () => {
        h = await startChannelHarness(
          backend,
          (url) =>
            network === 'messenger'
              ? { kind: 'messenger', name: 'Página', settings: { pageId: account, apiBaseUrl: url }, secrets: { pageAccessToken: 'EAAB-page-token', appSecret: APP_SECRET } }
              : { kind: 'instagram', name: 'Instagram', settings: { accountId: account, apiBaseUrl: url }, secrets: { accessToken: 'IGAA-token', appSecret: APP_SECRET } },
          (req, i): FakeAnswer =>
            windowClosed ? { status: 400, body: JSON.parse(fixture('messenger', 'send-api-error-outside-window.json')) } : req.path === '/cdn/image.jpg' ? { status: 200, body: IMAGE, contentType: 'image/jpeg' } : req.path === '/cdn/gone.jpg' ? { status: 404, body: {} } : down ? { status: 500, body: { error: { message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException', code: 2 } } } : { status: 200, body: { recipient_id: req.json?.recipient?.id, message_id: `m_out_${i}` } },
        );
      });
      after(() => h.close());

      test('the hub challenge answers only the verify token', async () => {
        const ok = await h.app.server.inject({ method: 'GET', url: `${h.hookPath}?hub.mode=subscribe&hub.challenge=77&hub.verify_token=${h.view.verifyToken}` });
        assert.equal(ok.body, '77');
        const no = await h.app.server.inject({ method: 'GET', url: `${h.hookPath}?hub.mode=subscribe&hub.challenge=77&hub.verify_token=x` });
        assert.equal(no.statusCode, 403);
      });

      test('a bad signature is 401 and stores nothing; a good one stores the text once however often it comes', async () => {
        const body = fixture(network, 'inbound-text.json');
        assert.equal((await post(body, sign(body, 'wrong'))).statusCode, 401);
        assert.equal(await h.messageCount(), 0);
        assert.equal((await post(body)).statusCode, 200);
        assert.equal((await post(body)).statusCode, 200);
        const image = json(network, 'inbound-attachment-image.json');
        image.entry[0].messaging[0].message.attachments[0].payload.url = `${h.fake.url}/cdn/image.jpg`;
        assert.equal((await post(JSON.stringify(image))).statusCode, 200);
        image.entry[0].messaging[0].message.mid = 'm_expired_link';
        image.entry[0].messaging[0].message.attachments[0].payload.url = `${h.fake.url}/cdn/gone.jpg`;
        assert.equal((await post(JSON.stringify(image))).statusCode, 200, 'a file that cannot be fetched does not lose the message');
        const convs = await h.conversations(network);
        assert.equal(convs.length, 1);
        conversationId = convs[0].id;
        const items = await h.messagesOf(conversationId);
        assert.equal(items.length, 3);
        assert.equal(items[1].text, '[image]');
        assert.equal(items[1].attachments[0].fileName, 'image-1.jpg');
        const bytes = await h.app.server.inject({ method: 'GET', url: `/api/attachments/${items[1].attachments[0].id}`, headers: { cookie: h.tenant.admin.cookie } });
        assert.ok(IMAGE.equals(bytes.rawPayload));
        assert.equal(items[2].attachments.length, 0);
        assert.match(items[2].text, /^\[image\]\n\[image-1: not fetched, the network answered 404\]$/);
      });

      test('a malformed payload is a 400 and logged on the channel health', async () => {
        const res = await post('{"object":"page-or-what","entry":{}}');
        assert.equal(res.statusCode, 400);
        assert.match((await h.health()).lastError, /malformed/i);
      });

      test("an employee's reply goes to the Send API; delivery and read receipts update it", async () => {
        const res = await h.reply(conversationId, '¡Sí! Te reservo un par.');
        await h.deliveryOf(conversationId, res.body.message.id, 'sent');
        const sent = h.fake.requests.at(-1)!;
        assert.equal(sent.path, `/${account}/messages`);
        assert.equal(sent.headers.authorization, `Bearer ${network === 'messenger' ? 'EAAB-page-token' : 'IGAA-token'}`);
        const peer = network === 'messenger' ? '7120384512349876' : '1144869297013457';
        assert.deepEqual(sent.json, { recipient: { id: peer }, messaging_type: 'RESPONSE', message: { text: '¡Sí! Te reservo un par.' } });
        const mid = await h.externalIdOf(res.body.message.id);
        if (network === 'messenger') {
          const deliveries = json('messenger', 'message-deliveries.json');
          deliveries.entry[0].messaging[0].delivery.mids = [mid];
          await post(JSON.stringify(deliveries));
          await h.deliveryOf(conversationId, res.body.message.id, 'delivered');
          const reads = json('messenger', 'message-reads.json');
          reads.entry[0].messaging[0].read.watermark = Date.now() + 1000;
          await post(JSON.stringify(reads));
        } else {
          const seen = json('instagram', 'messaging-seen.json');
          seen.entry[0].messaging[0].read.mid = mid;
          await post(JSON.stringify(seen));
        }
        await h.deliveryOf(conversationId, res.body.message.id, 'read');
      });

      test('a reply with an image goes with the message (Messenger: multipart filedata; Instagram: a signed link)', async () => {
        const before = h.fake.requests.length;
        const res = await h.replyWithFile(conversationId, '', { fileName: 'botas.jpg', contentType: 'image/jpeg', content: Buffer.from('JPEG-BOTAS') });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        await h.deliveryOf(conversationId, res.body.message.id, 'sent');
        const sent = h.fake.requests.slice(before);
        assert.equal(sent.length, 1, 'no empty text message before the file');
        assert.equal(sent[0]!.path, `/${account}/messages`);
        if (network === 'messenger') {
          assert.match(sent[0]!.body, /name="message"\r\n\r\n\{"attachment":\{"type":"image","payload":\{"is_reusable":false\}\}\}/);
          assert.match(sent[0]!.body, /name="filedata"; filename="botas.jpg"\r\nContent-Type: image\/jpeg\r\n\r\nJPEG-BOTAS/);
        } else {
          // Instagram fetches the file from its signed link.
          const link = new URL(sent[0]!.json.message.attachment.payload.url);
          assert.equal(sent[0]!.json.message.attachment.type, 'image');
          const file = await h.app.server.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
          assert.equal(file.body, 'JPEG-BOTAS');
        }
      });

      test("outside Meta's messaging window the reply fails at once with Meta's reason", async () => {
        windowClosed = true;
        const calls = h.fake.requests.length;
        const res = await h.reply(conversationId, 'Demasiado tarde');
        const delivery = await h.deliveryOf(conversationId, res.body.message.id, 'failed');
        windowClosed = false;
        assert.equal(h.fake.requests.length - calls, 1);
        assert.equal(delivery.error, '(#10) This message is sent outside of allowed window. (HTTP 400)');
      });

      test('the Graph API failing is retried, then the message is failed with the reason', async () => {
        down = true;
        const calls = h.fake.requests.length;
        const res = await h.reply(conversationId, 'No saldrá');
        const delivery = await h.deliveryOf(conversationId, res.body.message.id, 'failed');
        down = false;
        assert.equal(h.fake.requests.length - calls, 3);
        assert.match(delivery.error, /Gave up after 3 attempts: An unexpected error has occurred/);
      });
    });
  }
}
