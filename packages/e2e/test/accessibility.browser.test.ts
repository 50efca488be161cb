import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../../server/test/support/test-app.ts';
import { startE2e, type E2e } from './e2e-app.ts';
import { call, createTenant, PASSWORD, startConversation, visitor, type Tenant } from '../../server/test/support/api-client.ts';
import { appMessages, inboxItems, loginEmployee, openVisitor, openWidget } from './chat-pages.ts';
import { axeViolations } from './axe.ts';

describe('Accessibility and keyboard use in Chromium', () => {
  let e2e: E2e;
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let acme: Tenant;
  const errors: string[] = [];

  before(async () => {
    e2e = await startE2e();
    ({ app, browser, base } = e2e);
    acme = await createTenant(app, 'Acme A11y');
    const team = await call(app, 'POST', '/api/teams', { session: acme.admin, body: { name: 'Ventas' } });
    assert.equal(team.status, 201);
    for (const [name, email] of [['Lucía Romero', 'lucia@example.com'], ['Tom Baker', 'tom@example.com']] as const) {
      const v = await visitor(app, acme.publicKey, { name, email });
      await startConversation(app, v, `Hola, soy ${name}: ¿me ayudáis con un pedido?`);
    }
  });
  after(() => e2e?.close());

  test('the login page, the inbox with a conversation open and the admin screens have no WCAG A/AA violations', async () => {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(base + '/');
    await page.getByTestId('login-email').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'login page');
    await context.close();

    const employee = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    await inboxItems(employee.page).first().click();
    await appMessages(employee.page).first().waitFor();
    await employee.page.getByTestId('customer-panel').waitFor();
    assert.deepEqual(await axeViolations(employee.page), [], 'inbox and conversation');
    for (const section of ['employees', 'teams', 'widget']) {
      await employee.page.goto(`${base}/admin/${section}`);
      await employee.page.getByTestId(`admin-${section}`).waitFor();
      assert.deepEqual(await axeViolations(employee.page), [], `admin ${section}`);
    }
    await employee.context.close();
  });

  test('the widget, closed and open, has no WCAG A/AA violations', async () => {
    const v = await openVisitor(browser, `${base}/demo?workspace=${acme.publicKey}`, errors);
    await v.page.getByTestId('vinculo-launcher').waitFor();
    const closed = (await axeViolations(v.page)).filter((x) => x.includes('vinculo') || x.includes('data-vinculo'));
    assert.deepEqual(closed, [], 'launcher');
    await openWidget(v.page);
    const open = (await axeViolations(v.page)).filter((x) => x.includes('vinculo') || x.includes('data-vinculo'));
    assert.deepEqual(open, [], 'open panel');
    await v.context.close();
  });

  test('an employee can sign in, pick a conversation and reply with the keyboard alone', async () => {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(base + '/');
    await page.getByTestId('login-email').focus();
    await page.keyboard.type(acme.admin.email);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'login-password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('connection-status').and(page.locator('[data-state="online"]')).waitFor();

    // Into the inbox list, then down with the arrow key to the second conversation.
    await inboxItems(page).first().focus();
    const first = await inboxItems(page).first().getAttribute('data-conversation-id');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-conversation-id'));
    assert.ok(focused && focused !== first, 'ArrowDown moves to the next conversation');
    await page.keyboard.press('Enter');
    await appMessages(page).first().waitFor();
    assert.equal(new URL(page.url()).pathname, `/conversations/${focused}`);

    await page.getByTestId('reply-input').focus();
    await page.keyboard.type('Claro, dime el número de pedido.');
    await page.keyboard.press('Enter');
    await appMessages(page).filter({ hasText: 'dime el número de pedido' }).waitFor();
    assert.equal(await page.getByTestId('reply-input').inputValue(), '', 'the box is emptied after sending');
    await context.close();
  });

  test('a visitor can open, use and close the widget with the keyboard; focus returns to the launcher', async () => {
    const v = await openVisitor(browser, `${base}/demo?workspace=${acme.publicKey}`, errors);
    await v.page.getByTestId('vinculo-launcher').focus();
    await v.page.keyboard.press('Enter');
    await v.page.getByTestId('vinculo-panel').waitFor();
    const inPanel = await v.page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? null);
    assert.equal(inPanel, 'vinculo-input', 'focus moves into the message box');
    await v.page.keyboard.type('Hola desde el teclado');
    await v.page.keyboard.press('Enter');
    await v.page.getByTestId('vinculo-message').filter({ hasText: 'Hola desde el teclado' }).waitFor();
    await v.page.keyboard.press('Escape');
    await v.page.getByTestId('vinculo-panel').waitFor({ state: 'detached' });
    const back = await v.page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? null);
    assert.equal(back, 'vinculo-launcher');
    await v.context.close();
  });

  test('no page errors', () => assert.deepEqual(errors, []));
});
