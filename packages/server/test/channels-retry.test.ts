import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { addEmployee, call, createTenant } from './support/api-client.ts';
import { startChannelHarness, type Harness } from './support/channel-harness.ts';
import { fixturesDir, type FakeAnswer } from './support/fake-network.ts';
import { backends } from './support/test-app.ts';

const fixture = (name: string) => fs.readFileSync(new URL(`telegram/${name}`, fixturesDir), 'utf8');

for (const backend of backends()) {
  describe(`Retrying a failed channel send from the admin screen (${backend})`, () => {
    let h: Harness;
    let down = false;
    let photosDown = false;
    let conversationId: string;
    const retry = (messageId: string, session = h.tenant.admin, channelId: string = h.view.id) =>
      call(h.app, 'POST', `/api/channels/${channelId}/deliveries/${messageId}/retry`, { session });

    before(async () => {
      h = await startChannelHarness(
        backend,
        (url) => ({ kind: 'telegram', name: 'Bot soporte', settings: { apiBaseUrl: url }, secrets: { botToken: '7012345678:AAE-test-token' } }),
        (req, i): FakeAnswer => {
          if (photosDown && req.path.endsWith('/sendPhoto')) return { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } };
          if (down) return { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } };
          const sent = JSON.parse(fixture('sendMessage-response.json'));
          sent.result.message_id = 2000 + i;
          return { status: 200, body: sent };
        },
      );
      const res = await h.app.server.inject({ method: 'POST', url: h.hookPath, payload: fixture('update-message-text.json'), headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': h.view.verifyToken } });
      assert.equal(res.statusCode, 200, res.body);
      conversationId = (await h.conversations('telegram'))[0].id;
    });
    after(() => h.close());

    test('a reply that failed while the Bot API was down goes out once an admin retries it', async () => {
      down = true;
      const res = await h.reply(conversationId, 'Saldrá al reintentar');
      const messageId = res.body.message.id;
      await h.deliveryOf(conversationId, messageId, 'failed');
      const failed = (await call(h.app, 'GET', `/api/channels/${h.view.id}/deliveries?status=failed`, { session: h.tenant.admin })).body.items;
      assert.equal(failed.length, 1);
      assert.equal(failed[0].attempts, 3);
      down = false;
      const before = h.fake.requests.length;

      const retried = await retry(messageId);
      assert.equal(retried.status, 202, JSON.stringify(retried.body));
      await h.deliveryOf(conversationId, messageId, 'sent');
      assert.equal(h.fake.requests.length - before, 1, 'sent once');
      assert.equal(h.fake.requests.at(-1)!.json.text, 'Saldrá al reintentar');
      const [row] = (await call(h.app, 'GET', `/api/channels/${h.view.id}/deliveries`, { session: h.tenant.admin })).body.items;
      assert.deepEqual([row.messageId, row.status, row.error, row.attempts], [messageId, 'sent', null, 1]);
      const audit = await h.app.ctx.db.selectFrom('audit_log').select('action').where('workspace_id', '=', h.tenant.workspaceId).where('action', '=', 'channel.delivery_retried').execute();
      assert.equal(audit.length, 1);

      // Sent now: nothing to retry.
      const again = await retry(messageId);
      assert.equal(again.status, 409);
      assert.match(again.body.error.message, /Only a failed send can be retried; this one is sent/);
    });

    test('a reply whose text already arrived is not sent twice', async () => {
      photosDown = true;
      const res = await h.replyWithFile(conversationId, 'Texto y foto', { fileName: 'foto.jpg', contentType: 'image/jpeg', content: Buffer.from('JPEG') });
      await h.deliveryOf(conversationId, res.body.message.id, 'failed');
      photosDown = false;
      const before = h.fake.requests.length;
      const retried = await retry(res.body.message.id);
      assert.equal(retried.status, 409);
      assert.match(retried.body.error.message, /already reached the customer/);
      assert.equal(h.fake.requests.length, before);
    });

    test('a paused channel, an agent, another workspace and an unknown message are refused cleanly', async () => {
      down = true;
      const res = await h.reply(conversationId, 'Otra que falla');
      const messageId = res.body.message.id;
      await h.deliveryOf(conversationId, messageId, 'failed');
      down = false;

      const agent = await addEmployee(h.app, h.tenant, 'agent');
      assert.equal((await retry(messageId, agent)).status, 403);
      const other = await createTenant(h.app, 'Otra');
      assert.equal((await retry(messageId, other.admin)).status, 404);
      assert.equal((await retry('00000000-0000-4000-8000-000000000000')).status, 404);
      assert.equal((await retry('not-a-uuid')).status, 400);

      await call(h.app, 'PATCH', `/api/channels/${h.view.id}`, { session: h.tenant.admin, body: { active: false } });
      const paused = await retry(messageId);
      assert.equal(paused.status, 409);
      assert.match(paused.body.error.message, /paused/);
      await call(h.app, 'PATCH', `/api/channels/${h.view.id}`, { session: h.tenant.admin, body: { active: true } });
      assert.equal((await retry(messageId)).status, 202);
      await h.deliveryOf(conversationId, messageId, 'sent');
    });
  });
}
