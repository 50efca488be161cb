import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { call, createTenant, PASSWORD, type Tenant } from '../../server/test/support/api-client.ts';
import { CHANNEL_TEST_ENV, fixturesDir, startFakeNetwork, type FakeAnswer } from '../../server/test/support/fake-network.ts';
import { waitFor } from '../../server/test/support/wait-for.ts';
import { appMessages, loginEmployee, replyFromApp, type Employee } from './chat-pages.ts';
import { startE2e, type E2e } from './e2e-app.ts';

const APP_SECRET = 'e2e-app-secret-0123456789';
const PHONE_ID = '1122334455667';
const sign = (body: string) => `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
const fixtureJson = (name: string) => JSON.parse(fs.readFileSync(new URL(`whatsapp/${name}`, fixturesDir), 'utf8'));

// A WhatsApp webhook body from the documented fixture, addressed to our number.
function inbound(id: string, text: string) {
  const body = fixtureJson('inbound-text.json');
  const value = body.entry[0].changes[0].value;
  value.metadata.phone_number_id = PHONE_ID;
  value.contacts[0].wa_id = '34612345678';
  value.messages[0] = { ...value.messages[0], id, from: '34612345678', timestamp: String(Math.floor(Date.now() / 1000)), text: { body: text } };
  return JSON.stringify(body);
}
function status(id: string, state: 'delivered' | 'read') {
  const body = fixtureJson('status-played-voice.json');
  const value = body.entry[0].changes[0].value;
  value.metadata.phone_number_id = PHONE_ID;
  value.statuses[0] = { ...value.statuses[0], id, status: state, timestamp: String(Math.floor(Date.now() / 1000)) };
  return JSON.stringify(body);
}

describe('Replies through a channel in the web app (WhatsApp, Chromium)', () => {
  let e2e: E2e;
  let acme: Tenant;
  let hookPath: string;
  let employee: Employee;
  let conversationId: string;
  let mode: 'ok' | 'down' = 'ok';
  const sentIds: string[] = [];
  const errors: string[] = [];
  let fake: Awaited<ReturnType<typeof startFakeNetwork>>;

  const post = (body: string) => e2e.app.server.inject({ method: 'POST', url: hookPath, payload: body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) } });
  const lastReply = () => appMessages(employee.page).and(employee.page.locator('[data-direction="outbound"]')).last();

  before(async () => {
    fake = await startFakeNetwork((req): FakeAnswer => {
      if (mode === 'down') return { status: 503, body: { error: { message: 'Service temporarily unavailable', code: 2 } } };
      const id = `wamid.e2e-${randomUUID()}`;
      sentIds.push(id);
      return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: req.json?.to, wa_id: req.json?.to }], messages: [{ id }] } };
    });
    e2e = await startE2e({ env: CHANNEL_TEST_ENV });
    acme = await createTenant(e2e.app, 'Acme WhatsApp');
    const created = await call(e2e.app, 'POST', '/api/channels', {
      session: acme.admin,
      body: { kind: 'whatsapp', name: 'WhatsApp ventas', settings: { phoneNumberId: PHONE_ID, apiBaseUrl: `${fake.url}/v25.0` }, secrets: { accessToken: 'EAAG-e2e-token', appSecret: APP_SECRET } },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    hookPath = new URL(created.body.webhookUrl).pathname;
    assert.equal((await post(inbound('wamid.in-1', 'Hola, ¿dónde está mi pedido 4821?'))).statusCode, 200);
    conversationId = (await waitFor(async () => e2e.app.ctx.db.selectFrom('conversations').select('id').where('workspace_id', '=', acme.workspaceId).where('channel', '=', 'whatsapp').executeTakeFirst(), 'the WhatsApp conversation')).id;
    employee = await loginEmployee(e2e.browser, e2e.base, acme.admin.email, PASSWORD, errors);
    await employee.page.goto(`${e2e.base}/conversations/${conversationId}`);
    await appMessages(employee.page).filter({ hasText: 'pedido 4821' }).waitFor();
  });
  after(async () => {
    await e2e?.close();
    await fake?.close();
  });

  test('a reply shows sent, then read as the receipts arrive', async () => {
    await replyFromApp(employee.page, 'Hola Lucía, tu pedido 4821 sale hoy.');
    await lastReply().getByTestId('delivery').and(employee.page.locator('[data-status="sent"]')).waitFor({ timeout: 15_000 });
    assert.match(await lastReply().getByTestId('delivery').innerText(), /Enviado/);
    assert.equal((await post(status(sentIds.at(-1)!, 'read'))).statusCode, 200);
    await lastReply().getByTestId('delivery').and(employee.page.locator('[data-status="read"]')).waitFor({ timeout: 15_000 });
    assert.match(await lastReply().getByTestId('delivery').innerText(), /Leído/);
  });

  test("when the network keeps failing, the reply is marked not delivered with the network's reason", async () => {
    mode = 'down';
    await replyFromApp(employee.page, 'Te escribo de nuevo por el pedido 4821.');
    const mark = lastReply().getByTestId('delivery').and(employee.page.locator('[data-status="failed"]'));
    await mark.waitFor({ timeout: 20_000 });
    assert.match(await mark.innerText(), /No entregado: Gave up after 3 attempts: Service temporarily unavailable \(HTTP 503\)/);
    mode = 'ok';
  });

  test("outside WhatsApp's 24-hour window the employee is told why and sends an approved template instead", async () => {
    await e2e.app.ctx.db.updateTable('channel_messages').set({ created_at: new Date(Date.now() - 25 * 3600_000) } as never).where('conversation_id', '=', conversationId).where('direction', '=', 'inbound').execute();
    await employee.page.reload();
    const block = employee.page.getByTestId('channel-block');
    await block.waitFor();
    assert.match(await block.innerText(), /24 hours/);
    // A free reply is refused with the reason, and nothing reaches the network.
    const before = fake.requests.length;
    await replyFromApp(employee.page, '¿Sigues ahí?');
    await employee.page.getByRole('alert').filter({ hasText: /24 hours/ }).first().waitFor();
    assert.equal(fake.requests.length, before);
    await block.getByLabel('Nombre de la plantilla aprobada').fill('seguimiento_pedido');
    await block.getByLabel('Parámetros ({{1}}, {{2}}…), uno por línea').fill('Lucía\n4821');
    await block.getByRole('button', { name: 'Enviar plantilla' }).click();
    await appMessages(employee.page).filter({ hasText: '[template seguimiento_pedido] Lucía · 4821' }).waitFor();
    await waitFor(async () => (fake.requests.length > before ? true : undefined), 'the template at the network', 15_000);
    assert.equal(fake.requests.at(-1)!.json.type, 'template');
    assert.deepEqual(fake.requests.at(-1)!.json.template.name, 'seguimiento_pedido');
    assert.deepEqual(errors, []);
  });
});
