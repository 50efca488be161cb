import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../server/test/support/browser.ts';
import { backends, createTestApp, type TestApp } from '../../server/test/support/test-app.ts';
import { createTenant, PASSWORD, type Tenant } from '../../server/test/support/api-client.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';
import {
  appMessages,
  inboxItems,
  loginEmployee,
  makePng,
  MEDIA_FLAGS,
  openFirstConversation,
  openVisitor,
  openWidget,
  pendingIn,
  replyFromApp,
  widgetMessages,
  widgetSend,
} from './chat-pages.ts';

// Screenshots for the README are refreshed with VINCULO_SCREENSHOTS_DIR=docs (see README).
const screenshotDir = process.env.VINCULO_SCREENSHOTS_DIR;

// PostgreSQL when the run has one (it is what production uses), else PGlite.
const backend = backends().includes('postgres') ? 'postgres' : 'pglite';

describe(`Widget and web app in Chromium (${backend})`, () => {
  let app: TestApp;
  let browser: Browser;
  let proxy: TcpProxy;
  let base: string;
  let viaProxy: string;
  const errors: string[] = [];

  before(async () => {
    app = await createTestApp(backend);
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    // Visitors reach the server through a cable the tests can pull; employees connect directly.
    proxy = await startTcpProxy(port);
    viaProxy = `http://localhost:${proxy.port}`;
    browser = await launchBrowser(MEDIA_FLAGS);
  });
  after(async () => {
    await browser?.close();
    await proxy?.close();
    await app?.teardown();
  });

  const tenant = (name: string): Promise<Tenant> => createTenant(app, name);
  const countIn = (texts: string[], text: string) => texts.filter((t) => t.includes(text)).length;

  test('a visitor writes from /demo, the employee sees it live and replies, typing shows both ways, reloads keep the history', async () => {
    const acme = await tenant('Acme Chat');
    const visitor = await openVisitor(browser, `${viaProxy}/demo?workspace=${acme.publicKey}`, errors);
    const employee = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    assert.equal(await inboxItems(employee.page).count(), 0);

    await openWidget(visitor.page);
    await visitor.page.getByTestId('vinculo-name').fill('Lucía Romero');
    await visitor.page.getByTestId('vinculo-email').fill('lucia.romero@example.com');
    await visitor.page.getByTestId('vinculo-contact-save').click();
    await widgetSend(visitor.page, 'Hola, ¿tenéis la taza esmaltada en azul?');
    await widgetMessages(visitor.page).filter({ hasText: 'taza esmaltada' }).waitFor();
    await pendingIn(visitor.page).first().waitFor({ state: 'detached', timeout: 10_000 });

    // No reload: the conversation arrives over the employee's WebSocket, unread, with the visitor's name.
    const item = inboxItems(employee.page).first();
    await item.waitFor({ timeout: 10_000 });
    assert.match(await item.innerText(), /taza esmaltada/);
    await item.getByText('Lucía Romero').waitFor({ timeout: 5_000 });
    assert.equal(await item.getAttribute('data-unread'), '1');
    await openFirstConversation(employee.page);
    await appMessages(employee.page).filter({ hasText: 'taza esmaltada' }).waitFor();

    // Typing: the visitor types, the employee sees it; then the other way round.
    await visitor.page.getByTestId('vinculo-input').pressSequentially('Tamb', { delay: 40 });
    await employee.page.getByTestId('typing-indicator').waitFor({ timeout: 5_000 });
    await visitor.page.getByTestId('vinculo-input').fill('');
    await employee.page.getByTestId('reply-input').pressSequentially('Hola', { delay: 40 });
    await visitor.page.getByTestId('vinculo-typing').waitFor({ timeout: 5_000 });

    await replyFromApp(employee.page, 'Hola, sí: te la reservo ahora mismo.');
    await widgetMessages(visitor.page).filter({ hasText: 'te la reservo' }).waitFor({ timeout: 10_000 });
    await visitor.page.getByTestId('vinculo-typing').waitFor({ state: 'detached', timeout: 10_000 });
    await widgetSend(visitor.page, '¡Genial, gracias! 😊');
    await appMessages(employee.page).filter({ hasText: 'Genial, gracias' }).waitFor({ timeout: 10_000 });

    if (screenshotDir) {
      await visitor.page.screenshot({ path: path.join(screenshotDir, 'widget.png') });
      await employee.page.screenshot({ path: path.join(screenshotDir, 'web-app-conversation.png') });
    }

    // Both reload: the same history, in order, nothing doubled.
    const expected = ['taza esmaltada', 'te la reservo', 'Genial, gracias'];
    await visitor.page.reload();
    await openWidget(visitor.page);
    await widgetMessages(visitor.page).filter({ hasText: 'Genial, gracias' }).waitFor();
    const visitorTexts = await widgetMessages(visitor.page).allInnerTexts();
    await employee.page.reload();
    await appMessages(employee.page).filter({ hasText: 'Genial, gracias' }).waitFor();
    const employeeTexts = await appMessages(employee.page).allInnerTexts();
    for (const texts of [visitorTexts, employeeTexts]) {
      assert.equal(texts.length, 3, texts.join(' | '));
      expected.forEach((e, i) => assert.ok(texts[i]!.includes(e), `message ${i} is "${e}": ${texts[i]}`));
    }

    // A new tab of the same visitor continues the same conversation.
    const tab = await visitor.context.newPage();
    await tab.goto(`${viaProxy}/demo?workspace=${acme.publicKey}`);
    await openWidget(tab);
    await widgetMessages(tab).filter({ hasText: 'Genial, gracias' }).waitFor();
    assert.equal(await widgetMessages(tab).count(), 3);
    assert.deepEqual([...visitor.dialogs, ...employee.dialogs], []);
    await visitor.context.close();
    await employee.context.close();
  });

  test('an image and a voice note sent from the widget arrive, show and play in the web app', async () => {
    const acme = await tenant('Acme Media');
    const visitor = await openVisitor(browser, `${viaProxy}/demo?workspace=${acme.publicKey}`, errors);
    const employee = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    await openWidget(visitor.page);
    await widgetSend(visitor.page, 'Os mando una foto y un audio');
    await visitor.page.getByTestId('vinculo-file').setInputFiles({ name: 'taza-rota.png', mimeType: 'image/png', buffer: await makePng(browser) });
    await widgetMessages(visitor.page).locator('img').first().waitFor({ timeout: 10_000 });

    // The fake capture device plays a beep: record a little over a second of it.
    await visitor.page.getByTestId('vinculo-record').click();
    await visitor.page.waitForTimeout(1500);
    await visitor.page.getByTestId('vinculo-record').click();
    await widgetMessages(visitor.page).locator('audio').first().waitFor({ timeout: 10_000 });

    await openFirstConversation(employee.page);
    const img = appMessages(employee.page).locator('img').first();
    await img.waitFor({ timeout: 10_000 });
    await employee.page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle());
    assert.equal(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth), 96);

    const audio = appMessages(employee.page).locator('audio').first();
    await audio.waitFor({ timeout: 10_000 });
    const played = await audio.evaluate(async (el) => {
      const a = el as HTMLAudioElement;
      a.muted = true;
      await a.play();
      await new Promise((r) => setTimeout(r, 400));
      return { currentTime: a.currentTime, error: a.error?.code ?? null };
    });
    assert.equal(played.error, null);
    assert.ok(played.currentTime > 0, `the voice note plays (currentTime ${played.currentTime})`);
    const stored = await app.ctx.db.selectFrom('attachments').select(['content_type', 'size_bytes']).where('workspace_id', '=', acme.workspaceId).execute();
    assert.ok(stored.some((a) => a.content_type === 'image/png'));
    assert.ok(stored.some((a) => a.content_type.startsWith('audio/') && Number(a.size_bytes) > 1000), JSON.stringify(stored));
    await visitor.context.close();
    await employee.context.close();
  });

  test('markup in a message or a name is shown as text, never run', async () => {
    const acme = await tenant('Acme XSS');
    const payload = '<img src=x onerror=alert(1)>';
    const visitor = await openVisitor(browser, `${viaProxy}/demo?workspace=${acme.publicKey}`, errors);
    const employee = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    await openWidget(visitor.page);
    await visitor.page.getByTestId('vinculo-name').fill('<script>alert("name")</script>');
    await visitor.page.getByTestId('vinculo-email').fill('xss@example.com');
    await visitor.page.getByTestId('vinculo-contact-save').click();
    await widgetSend(visitor.page, payload);
    await widgetMessages(visitor.page).filter({ hasText: payload }).waitFor();

    await inboxItems(employee.page).first().waitFor({ timeout: 10_000 });
    await openFirstConversation(employee.page);
    const message = appMessages(employee.page).filter({ hasText: payload });
    await message.waitFor();
    assert.ok((await message.innerText()).includes(payload));
    assert.equal(await message.locator('img').count(), 0, 'no <img> element was created from the text');
    await employee.page.getByTestId('customer-panel').getByText('<script>alert("name")</script>').first().waitFor({ timeout: 10_000 });
    assert.equal(await employee.page.locator('img[src="x"]').count(), 0);
    assert.equal(await visitor.page.locator('img[src="x"]').count(), 0);
    await employee.page.waitForTimeout(300);
    assert.deepEqual([...visitor.dialogs, ...employee.dialogs], []);
    await visitor.context.close();
    await employee.context.close();
  });

  test('losing the connection and coming back delivers every message once', async () => {
    const acme = await tenant('Acme Offline');
    const visitor = await openVisitor(browser, `${viaProxy}/demo?workspace=${acme.publicKey}`, errors);
    const employee = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    await openWidget(visitor.page);
    await widgetSend(visitor.page, 'Primer mensaje, con conexión');
    await inboxItems(employee.page).first().waitFor({ timeout: 10_000 });
    await openFirstConversation(employee.page);
    await visitor.page.getByTestId('vinculo-status').and(visitor.page.locator('[data-state="online"]')).waitFor();

    // Pull the cable: connections drop, and the browser reports itself offline.
    proxy.cut();
    await visitor.context.setOffline(true);
    await visitor.page.getByTestId('vinculo-status').and(visitor.page.locator('[data-state="offline"], [data-state="reconnecting"]')).waitFor({ timeout: 10_000 });
    const offline = ['Sin conexión 1', 'Sin conexión 2', 'Sin conexión 3'];
    for (const text of offline) await widgetSend(visitor.page, text);
    assert.equal(await pendingIn(visitor.page).count(), 3);
    // Meanwhile the employee replies; the visitor must catch up on it after reconnecting.
    await replyFromApp(employee.page, 'Respuesta mientras estabas fuera');
    await appMessages(employee.page).filter({ hasText: 'Respuesta mientras estabas fuera' }).waitFor();

    await visitor.context.setOffline(false);
    proxy.restore();
    await visitor.page.getByTestId('vinculo-status').and(visitor.page.locator('[data-state="online"]')).waitFor({ timeout: 15_000 });
    await widgetMessages(visitor.page).filter({ hasText: 'Respuesta mientras estabas fuera' }).waitFor({ timeout: 10_000 });
    await appMessages(employee.page).filter({ hasText: 'Sin conexión 3' }).waitFor({ timeout: 15_000 });
    await pendingIn(visitor.page).first().waitFor({ state: 'detached', timeout: 10_000 });

    const employeeTexts = await appMessages(employee.page).allInnerTexts();
    const visitorTexts = await widgetMessages(visitor.page).allInnerTexts();
    for (const text of offline) {
      assert.equal(countIn(employeeTexts, text), 1, `employee sees "${text}" once`);
      assert.equal(countIn(visitorTexts, text), 1, `visitor sees "${text}" once`);
    }
    assert.equal(countIn(visitorTexts, 'Respuesta mientras estabas fuera'), 1);
    const rows = await app.ctx.db.selectFrom('messages').select('text').where('workspace_id', '=', acme.workspaceId).where('text', 'like', 'Sin conexión%').execute();
    assert.deepEqual(rows.map((r) => r.text).sort(), offline);

    // And after a reload, still once each, in the order they were written.
    await visitor.page.reload();
    await openWidget(visitor.page);
    await widgetMessages(visitor.page).filter({ hasText: 'Sin conexión 3' }).waitFor();
    const reloaded = (await widgetMessages(visitor.page).allInnerTexts()).filter((t) => t.includes('Sin conexión'));
    assert.deepEqual(reloaded.map((t) => offline.find((o) => t.includes(o))), offline);
    await visitor.context.close();
    await employee.context.close();
  });

  test('no page errors in either client', () => {
    assert.deepEqual(errors, []);
  });
});

if (screenshotDir) fs.mkdirSync(screenshotDir, { recursive: true });
