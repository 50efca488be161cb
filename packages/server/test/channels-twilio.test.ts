import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { normaliseTwilio } from '../src/modules/channels/twilio/twilio.adapter.ts';
import { twilioSignature, twilioSignatureValid } from '../src/modules/channels/webhook-signature.ts';
import { startChannelHarness, type Harness } from './support/channel-harness.ts';
import { fixturesDir, type FakeAnswer } from './support/fake-network.ts';
import { backends } from './support/test-app.ts';

const fixture = (name: string) => fs.readFileSync(new URL(`twilio/${name}`, fixturesDir), 'utf8');
const params = (form: string): Array<[string, string]> => [...new URLSearchParams(form).entries()];
const withParams = (form: string, changes: Record<string, string>) => {
  const p = new URLSearchParams(form);
  for (const [k, v] of Object.entries(changes)) p.set(k, v);
  return p.toString();
};
const ACCOUNT = 'AC5f1e2d3c4b5a69788796a5b4c3d2e1f0';
const TOKEN = '9f3b7c2e8a1d4f6b0c5e7a9d2b4f6c8e';

describe('Twilio signature and normalisation (fixtures)', () => {
  test("Twilio's own test vector (twilio-python) and the worked example verify", () => {
    const vector: Array<[string, string]> = [['CallSid', 'CA1234567890ABCDE'], ['Caller', '+14158675309'], ['Digits', '1234'], ['From', '+14158675309'], ['To', '+18005551212']];
    assert.equal(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', vector), 'RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    const sms = params(fixture('inbound-sms.form'));
    const url = 'https://vinculo.example.com/webhooks/twilio/sms';
    assert.ok(twilioSignatureValid(TOKEN, url, sms, 'nV+yl8oSq8o9Ps+aFEzLR/E+FVI='));
    // The same request signed with the port written out is accepted too, as Twilio's SDKs do.
    assert.ok(twilioSignatureValid(TOKEN, url, sms, '4+3QYxvM1FLm1BjuAXHpOlFtvRo='));
    assert.equal(twilioSignatureValid(TOKEN, url, sms.filter(([k]) => k !== 'ToCity'), 'nV+yl8oSq8o9Ps+aFEzLR/E+FVI='), false, 'blank parameters are signed too');
    assert.equal(twilioSignatureValid('other-token', url, sms, 'nV+yl8oSq8o9Ps+aFEzLR/E+FVI='), false);
  });

  test('SMS, MMS (media as placeholders), WhatsApp-through-Twilio and status callbacks', () => {
    const sms = normaliseTwilio(params(fixture('inbound-sms.form'))).messages[0]!;
    assert.match(sms.text, /cobro duplicado del pedido 4821/);
    assert.deepEqual(sms.identity, { channel: 'sms', externalId: '+34612345678' });
    const mms = normaliseTwilio(params(fixture('inbound-mms.form'))).messages[0]!;
    assert.equal(mms.text, 'Así llegó la caja 📦\n[image/jpeg]\n[video/mp4]');
    const wa = normaliseTwilio(params(fixture('inbound-whatsapp-via-twilio.form'))).messages[0]!;
    assert.deepEqual(wa.identity, { channel: 'whatsapp', externalId: '+34612345678' });
    assert.equal(wa.peer, 'whatsapp:+34612345678');
    assert.equal(wa.profile.name, 'Lucía Martín');
    assert.equal(normaliseTwilio(params(fixture('status-delivered.form'))).statuses[0]!.status, 'delivered');
    assert.deepEqual(normaliseTwilio(params(fixture('status-queued.form'))).statuses, []);
    const undelivered = normaliseTwilio(params(fixture('status-undelivered-30003.form'))).statuses[0]!;
    assert.equal(undelivered.status, 'failed');
    assert.match(undelivered.error!, /undelivered \(error 30003/);
  });
});

for (const backend of backends()) {
  describe(`Twilio SMS channel end to end (${backend})`, () => {
    let h: Harness;
    let mode: 'ok' | 'down' | 'invalid' = 'ok';
    let conversationId: string;
    let url: string;
    const post = (form: string, signature = twilioSignature(TOKEN, url, params(form))) =>
      h.app.server.inject({ method: 'POST', url: h.hookPath, payload: form, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature } });

    before(async () => {
      h = await startChannelHarness(
        backend,
        (base) => ({ kind: 'sms', name: 'SMS', settings: { accountSid: ACCOUNT, from: '+34910000000', apiBaseUrl: base }, secrets: { authToken: TOKEN } }),
        (req, i): FakeAnswer => {
          if (req.method === 'GET' && req.path.startsWith('/media/'))
            return req.headers.authorization === `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}` ? { status: 200, body: Buffer.from(req.path), contentType: 'image/jpeg' } : { status: 401, body: {} };
          if (mode === 'down') return { status: 503, body: { code: 20503, message: 'Service unavailable', status: 503 } };
          if (mode === 'invalid') return { status: 400, body: JSON.parse(fixture('messages-create-error-21211.json')) };
          return { status: 201, body: { ...JSON.parse(fixture('messages-create-response.json')), sid: `SM${String(i).padStart(32, '0')}` } };
        },
      );
      url = h.view.webhookUrl;
    });
    after(() => h.close());

    test('a wrong signature is 401 and stores nothing', async () => {
      const form = fixture('inbound-sms.form');
      assert.equal((await post(form, 'nV+yl8oSq8o9Ps+aFEzLR/E+FVI=')).statusCode, 401);
      assert.equal((await post(form, '')).statusCode, 401);
      assert.equal(await h.messageCount(), 0);
    });

    test('an inbound SMS is stored once however often Twilio retries it, answered with empty TwiML', async () => {
      const form = fixture('inbound-sms.form');
      const first = await post(form);
      assert.equal(first.statusCode, 200, first.body);
      assert.match(first.headers['content-type'] as string, /text\/xml/);
      assert.match(first.body, /<Response><\/Response>/);
      assert.equal((await post(form)).statusCode, 200);
      const mms = withParams(fixture('inbound-mms.form'), { MediaUrl0: `${h.fake.url}/media/ME1`, MediaUrl1: `${h.fake.url}/media/ME2` });
      assert.equal((await post(mms)).statusCode, 200);
      const convs = await h.conversations('sms');
      assert.equal(convs.length, 1);
      conversationId = convs[0].id;
      const items = await h.messagesOf(conversationId);
      assert.equal(items.length, 2);
      assert.deepEqual(items[1].attachments.map((a: { fileName: string; contentType: string }) => [a.fileName, a.contentType]), [['media-1.jpg', 'image/jpeg'], ['media-2.mp4', 'video/mp4']]);
      const bytes = await h.app.server.inject({ method: 'GET', url: `/api/attachments/${items[1].attachments[1].id}`, headers: { cookie: h.tenant.admin.cookie } });
      assert.equal(bytes.body, '/media/ME2');
      assert.ok(items[0].emotion);
    });

    test('a malformed body is a 400 and logged on the channel health', async () => {
      const res = await post('Body=hola&From=%2B34612345678');
      assert.equal(res.statusCode, 400);
      assert.match((await h.health()).lastError, /malformed.*MessageSid/i);
    });

    test("an employee's reply goes to the Messages API; status callbacks update it", async () => {
      const res = await h.reply(conversationId, 'Ya hemos anulado el cobro duplicado.');
      await h.deliveryOf(conversationId, res.body.message.id, 'sent');
      const sent = h.fake.requests.at(-1)!;
      assert.equal(sent.path, `/2010-04-01/Accounts/${ACCOUNT}/Messages.json`);
      assert.equal(sent.headers.authorization, `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`);
      const form = Object.fromEntries(new URLSearchParams(sent.body));
      assert.deepEqual(form, { To: '+34612345678', Body: 'Ya hemos anulado el cobro duplicado.', StatusCallback: url, From: '+34910000000' });
      const sid = await h.externalIdOf(res.body.message.id);
      assert.equal((await post(withParams(fixture('status-delivered.form'), { MessageSid: sid, SmsSid: sid }))).statusCode, 200);
      await h.deliveryOf(conversationId, res.body.message.id, 'delivered');
    });

    test('a reply with a photo goes as MMS: Twilio gets a signed link that serves the file, and only that', async () => {
      const photo = Buffer.from('MMS-PHOTO-BYTES');
      const res = await h.replyWithFile(conversationId, 'La etiqueta', { fileName: 'etiqueta.jpg', contentType: 'image/jpeg', content: photo });
      await h.deliveryOf(conversationId, res.body.message.id, 'sent');
      const form = new URLSearchParams(h.fake.requests.at(-1)!.body);
      assert.equal(form.get('Body'), 'La etiqueta');
      const link = new URL(form.getAll('MediaUrl')[0]!);
      assert.equal(link.origin, 'https://vinculo.example.com');
      const file = await h.app.server.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
      assert.equal(file.statusCode, 200, file.body);
      assert.equal(file.headers['content-type'], 'image/jpeg');
      assert.ok(photo.equals(file.rawPayload));
      const tampered = await h.app.server.inject({ method: 'GET', url: `${link.pathname}${link.search.slice(0, -3)}xyz` });
      assert.equal(tampered.statusCode, 404);
    });

    test('a WhatsApp message through Twilio is answered from the WhatsApp form of the number', async () => {
      assert.equal((await post(fixture('inbound-whatsapp-via-twilio.form'))).statusCode, 200);
      const conv = (await h.conversations('sms')).find((c) => c.id !== conversationId)!;
      const res = await h.reply(conv.id, 'Sí, el sábado abrimos de 10 a 14.');
      await h.deliveryOf(conv.id, res.body.message.id, 'sent');
      const form = new URLSearchParams(h.fake.requests.at(-1)!.body);
      assert.equal(form.get('To'), 'whatsapp:+34612345678');
      assert.equal(form.get('From'), 'whatsapp:+34910000000');
    });

    test('a refused number fails at once with the reason; an unavailable API is retried then failed', async () => {
      mode = 'invalid';
      let calls = h.fake.requests.length;
      const refused = await h.reply(conversationId, 'x');
      const first = await h.deliveryOf(conversationId, refused.body.message.id, 'failed');
      assert.equal(h.fake.requests.length - calls, 1);
      assert.match(first.error, /Twilio 21211: Invalid 'To' Phone Number/);
      mode = 'down';
      calls = h.fake.requests.length;
      const res = await h.reply(conversationId, 'y');
      const second = await h.deliveryOf(conversationId, res.body.message.id, 'failed');
      mode = 'ok';
      assert.equal(h.fake.requests.length - calls, 3);
      assert.match(second.error, /Gave up after 3 attempts: Twilio 20503: Service unavailable \(HTTP 503\)/);
    });
  });
}
