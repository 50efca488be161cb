import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addEmployee, call, createTenant, PASSWORD, type Tenant } from '../../server/test/support/api-client.ts';
import { CHANNEL_TEST_ENV, fixturesDir, startFakeNetwork, type FakeAnswer } from '../../server/test/support/fake-network.ts';
import { waitFor } from '../../server/test/support/wait-for.ts';
import { axeViolations } from './axe.ts';
import { inboxItems, loginEmployee, type Employee } from './chat-pages.ts';
import { startE2e, type E2e } from './e2e-app.ts';

const BOT_TOKEN = '7012345678:AAE-e2e-token';
const fixture = (name: string) => fs.readFileSync(new URL(`telegram/${name}`, fixturesDir), 'utf8');

describe('Channel setup screens and health in Chromium (Telegram against a local fake Bot API)', () => {
  let e2e: E2e;
  let acme: Tenant;
  let admin: Employee;
  let page: Page;
  let down = false;
  let fake: Awaited<ReturnType<typeof startFakeNetwork>>;
  const errors: string[] = [];
  const row = () => page.getByTestId('channel-row').filter({ hasText: 'Bot soporte' });
  const channelId = async () => (await row().getAttribute('data-channel-id'))!;

  before(async () => {
    fake = await startFakeNetwork((req, i): FakeAnswer => {
      if (req.path.endsWith('/setWebhook')) return { status: 200, body: JSON.parse(fixture('setWebhook-response.json')) };
      if (down) return { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } };
      const sent = JSON.parse(fixture('sendMessage-response.json'));
      sent.result.message_id = 3000 + i;
      return { status: 200, body: sent };
    });
    e2e = await startE2e({ env: CHANNEL_TEST_ENV });
    acme = await createTenant(e2e.app, 'Acme Canales');
    admin = await loginEmployee(e2e.browser, e2e.base, acme.admin.email, PASSWORD, errors);
    page = admin.page;
  });
  after(async () => {
    await admin?.context.close();
    await e2e?.close();
    await fake?.close();
  });

  test('an admin adds a Telegram channel through the generated form; a wrong value shows the server’s message under its field', async () => {
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-nav-channels').click();
    await page.getByTestId('admin-channels').getByText('Aún no hay canales').waitFor();
    assert.equal(await page.getByTestId('channel-health-badge').count(), 0, 'no channel, nothing to flag');

    await page.getByTestId('channel-kind').selectOption('telegram');
    const form = page.getByTestId('channel-form');
    await form.getByTestId('channel-name').fill('Bot soporte');
    // Generated from the kind's JSON schema: the API base URL (format uri) and the bot token (a secret).
    assert.equal(await form.getByTestId('channel-field-apiBaseUrl').getAttribute('type'), 'url');
    assert.equal(await form.getByTestId('channel-secret-botToken').getAttribute('type'), 'password');
    await form.getByTestId('channel-field-apiBaseUrl').fill('no-es-una-url');
    await form.getByTestId('channel-secret-botToken').fill(BOT_TOKEN);
    await form.getByTestId('channel-save').click();
    const fieldError = page.locator('#channel-settings-apiBaseUrl-error');
    await fieldError.waitFor();
    assert.equal(await fieldError.innerText(), 'must be an absolute http(s) URL');
    assert.equal(await form.getByTestId('channel-field-apiBaseUrl').getAttribute('aria-invalid'), 'true');
    assert.match(await form.getByTestId('channel-form-error').innerText(), /Invalid telegram settings/);
    assert.deepEqual(await axeViolations(page), [], 'the form with a server error');
    assert.equal((await call(e2e.app, 'GET', '/api/channels', { session: acme.admin })).body.items.length, 0, 'nothing was created');

    await form.getByTestId('channel-field-apiBaseUrl').fill(fake.url);
    await form.getByTestId('channel-save').click();
    await page.getByTestId('channel-created').waitFor();
    await row().waitFor();
    assert.equal(await page.locator('#channel-settings-apiBaseUrl-error').count(), 0);

    // Listed with its health: nothing has arrived yet, so it asks for attention, and says why.
    assert.equal(await row().getByTestId('channel-health').getAttribute('data-level'), 'attention');
    assert.match(await row().getByTestId('channel-health-reasons').innerText(), /Aún no ha llegado ningún mensaje/);
    assert.equal(await row().getByTestId('channel-last-inbound').innerText(), 'nunca');

    // The webhook URL and verify token to paste, as the server built them, with a working copy button.
    const [view] = (await call(e2e.app, 'GET', '/api/channels', { session: acme.admin })).body.items;
    assert.equal(await row().getByTestId('channel-webhook-url').innerText(), view.webhookUrl);
    assert.match(view.webhookUrl, /^https:\/\/vinculo\.example\.com\/api\/channels\/hooks\/telegram\/\S+$/);
    assert.equal(await row().getByTestId('channel-verify-token').innerText(), view.verifyToken);
    await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.base });
    await row().getByRole('button', { name: /Copiar: URL del webhook/ }).click();
    await row().getByText('Copiado', { exact: true }).first().waitFor();
    assert.equal(await page.evaluate('navigator.clipboard.readText()'), view.webhookUrl);

    // The secret is write-only: the edit form says it is set and never shows it.
    await row().getByTestId('channel-edit').click();
    assert.equal(await row().getByTestId('channel-secret-state-botToken').innerText(), 'guardado');
    assert.equal(await row().getByTestId('channel-secret-botToken').inputValue(), '');
    assert.ok(!(await page.content()).includes(BOT_TOKEN), 'the token is nowhere in the page');
    await row().getByRole('button', { name: 'Cancelar' }).click();

    // Telegram's "register webhook" calls setWebhook with the URL and the token as secret_token.
    await row().getByTestId('channel-telegram-register').click();
    await row().getByText('Telegram aceptó el webhook: Webhook was set').waitFor();
    const set = fake.requests.find((r) => r.path === `/bot${BOT_TOKEN}/setWebhook`)!;
    assert.equal(set.json.url, view.webhookUrl);
    assert.equal(set.json.secret_token, view.verifyToken);

    // A channel waiting for its first message shows in the header too, as needing attention.
    const badge = page.getByTestId('channel-health-badge');
    await badge.waitFor();
    assert.equal(await badge.getAttribute('data-level'), 'attention');
  });

  test('a failing channel shows the header badge; its failed reply is listed with the reason and retried', async () => {
    const id = await channelId();
    const hookPath = new URL((await call(e2e.app, 'GET', `/api/channels/${id}`, { session: acme.admin })).body.webhookUrl).pathname;
    const { verifyToken } = (await call(e2e.app, 'GET', `/api/channels/${id}`, { session: acme.admin })).body;
    const update = await e2e.app.server.inject({ method: 'POST', url: hookPath, payload: fixture('update-message-text.json'), headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': verifyToken } });
    assert.equal(update.statusCode, 200, update.body);

    // A message arrived: the channel is fine and the badge goes away.
    await page.reload();
    await row().getByTestId('channel-health').and(page.locator('[data-level="ok"]')).waitFor();
    await page.getByTestId('channel-health-badge').waitFor({ state: 'detached' });

    // The conversation is in the inbox, named by its network.
    await page.goto(`${e2e.base}/`);
    await inboxItems(page).first().waitFor();
    assert.equal(await inboxItems(page).first().locator('.channel').getAttribute('data-channel'), 'telegram');
    assert.equal(await inboxItems(page).first().locator('.channel').innerText(), 'Telegram');

    // The Bot API goes down: a reply is retried, then fails.
    down = true;
    const conversationId = (await call(e2e.app, 'GET', '/api/conversations?channel=telegram', { session: acme.admin })).body.items[0].id;
    const sent = await call(e2e.app, 'POST', `/api/conversations/${conversationId}/messages`, { session: acme.admin, body: { text: 'Te mandamos otra caja hoy', idempotencyKey: randomUUID() } });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const messageId = sent.body.message.id;
    const deliveryOf = (status: string) =>
      waitFor(async () => {
        const m = (await call(e2e.app, 'GET', `/api/conversations/${conversationId}/messages`, { session: acme.admin })).body.items.find((x: { id: string }) => x.id === messageId);
        return m?.delivery?.status === status ? m.delivery : undefined;
      }, `delivery ${status}`, 15_000);
    await deliveryOf('failed');

    // The header says so on any page (here the inbox, after the focus refresh) and leads to the channel.
    await page.reload();
    const badge = page.getByTestId('channel-health-badge');
    await badge.and(page.locator('[data-level="failing"]')).waitFor();
    assert.equal(await badge.getAttribute('title'), 'Canales con fallos: 1');
    assert.match(await badge.textContent() ?? '', /Canales.*Canales con fallos: 1/);
    await badge.click();
    await page.waitForURL(`${e2e.base}/admin/channels`);
    assert.equal(await row().getByTestId('channel-health').getAttribute('data-level'), 'failing');
    const reasons = await row().getByTestId('channel-health-reasons').innerText();
    assert.match(reasons, /Respuestas fallidas en las últimas 24 horas: 1\./);
    assert.match(reasons, /Bad Gateway/);
    assert.equal(await row().getByTestId('channel-failed').innerText(), '1');

    await row().getByTestId('channel-failed-toggle').click();
    const failed = row().getByTestId('failed-delivery');
    await failed.waitFor();
    assert.match(await failed.innerText(), /Gave up after 3 attempts: Telegram: Bad Gateway \(HTTP 502\)/);
    assert.match(await failed.innerText(), /Intentos: 3/);
    assert.deepEqual(await axeViolations(page), [], 'a failing channel, its failed replies and the header badge');

    // The network is back: the admin retries and the reply leaves once.
    down = false;
    const before = fake.requests.length;
    await failed.getByTestId('delivery-retry').click();
    await row().getByText('En cola para enviarse de nuevo.').waitFor();
    await deliveryOf('sent');
    assert.equal(fake.requests.length - before, 1);
    assert.equal(fake.requests.at(-1)!.json.text, 'Te mandamos otra caja hoy');
    await row().getByTestId('channel-failed-toggle').click();
    await row().getByTestId('channel-failed-toggle').click();
    await row().getByText('No hay respuestas fallidas.').waitFor();
  });

  test('an admin pauses and enables the channel; the webhook then answers 404', async () => {
    const id = await channelId();
    await row().getByTestId('channel-toggle').click();
    await row().getByTestId('channel-health').and(page.locator('[data-level="paused"]')).waitFor();
    const { webhookUrl, verifyToken } = (await call(e2e.app, 'GET', `/api/channels/${id}`, { session: acme.admin })).body;
    const res = await e2e.app.server.inject({ method: 'POST', url: new URL(webhookUrl).pathname, payload: fixture('update-message-voice.json'), headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': verifyToken } });
    assert.equal(res.statusCode, 404);
    await row().getByTestId('channel-toggle').click();
    await row().getByText('Canal activado.').waitFor();
    assert.notEqual(await row().getByTestId('channel-health').getAttribute('data-level'), 'paused');
    assert.deepEqual(errors, []);
  });

  test('an e-mail channel: addresses and the optional outgoing server group, with the server’s message under the address', async () => {
    await page.getByTestId('channel-kind').selectOption('email');
    const form = page.getByTestId('channel-form').and(page.locator('[data-kind="email"]'));
    await form.getByTestId('channel-name').fill('Soporte');
    await form.getByTestId('channel-addresses').fill('soporte@tienda.example, no-es-correo');
    await form.getByTestId('channel-field-smtp.host').fill('smtp.tienda.example');
    await form.getByTestId('channel-field-smtp.port').fill('465');
    await form.getByTestId('channel-field-smtp.secure').check();
    await form.getByTestId('channel-secret-smtpPassword').fill('clave-del-correo');
    await form.getByTestId('channel-save').click();
    await page.locator('#channel-addresses-error').waitFor();
    assert.equal(await page.locator('#channel-addresses-error').innerText(), 'must be an email address');

    await form.getByTestId('channel-addresses').fill('soporte@tienda.example');
    await form.getByTestId('channel-save').click();
    const mail = page.locator('[data-testid="channel-row"][data-kind="email"]');
    await mail.waitFor();
    const stored = (await call(e2e.app, 'GET', '/api/channels', { session: acme.admin })).body.items.find((c: { kind: string }) => c.kind === 'email');
    assert.deepEqual(stored.settings, { smtp: { host: 'smtp.tienda.example', port: 465, secure: true } });
    assert.deepEqual(stored.addresses, ['soporte@tienda.example']);
    assert.deepEqual(stored.secrets, { smtpPassword: true });
    // This test server runs without its SMTP listener: mail could not arrive, and the screen says so.
    assert.equal(await mail.getByTestId('channel-health').getAttribute('data-level'), 'failing');
    assert.match(await mail.getByTestId('channel-health-reasons').innerText(), /El receptor de correo no está en marcha/);
    assert.equal(await mail.getByTestId('channel-webhook-url').count(), 0, 'e-mail has no webhook');
  });

  test('a manager sees the channels and their health but cannot change them', async () => {
    const manager = await addEmployee(e2e.app, acme, 'manager');
    const m = await loginEmployee(e2e.browser, e2e.base, manager.email, PASSWORD, errors);
    await m.page.goto(`${e2e.base}/admin/channels`);
    await m.page.getByTestId('channel-row').first().waitFor();
    assert.equal(await m.page.getByTestId('channel-row').count(), 2);
    assert.equal(await m.page.getByTestId('channel-edit').count(), 0);
    assert.equal(await m.page.getByTestId('channel-kind').count(), 0);
    assert.equal(await m.page.getByTestId('channel-telegram-register').count(), 0);
    await m.page.getByTestId('channel-health-badge').waitFor();
    await m.context.close();
    assert.deepEqual(errors, []);
  });
});
