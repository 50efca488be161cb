import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../server/test/support/test-app.ts';
import { startE2e, type E2e } from './e2e-app.ts';
import { createTenant, PASSWORD, type Tenant } from '../../server/test/support/api-client.ts';
import { appMessages, inboxItems, loginEmployee, openVisitor, openWidget, widgetMessages, widgetSend } from './chat-pages.ts';

const MARTA = { name: 'Marta Gil', email: 'marta@acme.test', password: 'marta-password-123' };

describe('Admin screens, assignment, filters, notes and languages in Chromium', () => {
  let e2e: E2e;
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let acme: Tenant;
  const errors: string[] = [];

  before(async () => {
    e2e = await startE2e();
    ({ app, browser, base } = e2e);
    acme = await createTenant(app, 'Acme Admin');
  });
  after(() => e2e?.close());

  const selectIn = (page: Page, testId: string, value: string) => page.getByTestId(testId).selectOption(value);

  test('an admin creates a team and an employee and styles the widget; a visitor sees the new look', async () => {
    const admin = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    const page = admin.page;
    await page.getByTestId('nav-admin').click();

    await page.goto(`${base}/admin/teams`);
    await page.getByTestId('team-name').fill('Soporte');
    await page.getByTestId('team-create').click();
    await page.getByTestId('team-row').filter({ hasText: 'Soporte' }).waitFor();

    await page.goto(`${base}/admin/employees`);
    await page.getByTestId('employee-name').fill(MARTA.name);
    await page.getByTestId('employee-email').fill(MARTA.email);
    await selectIn(page, 'employee-role', 'agent');
    await page.getByTestId('employee-team').selectOption({ label: 'Soporte' });
    await page.getByTestId('employee-password').fill(MARTA.password);
    await page.getByTestId('employee-create').click();
    await page.getByTestId('employee-row').filter({ hasText: MARTA.email }).waitFor();
    // A server-side validation error is shown in the form, not swallowed.
    await page.getByTestId('employee-name').fill('Sin correo');
    await page.getByTestId('employee-email').fill('not-an-email');
    await page.getByTestId('employee-create').click();
    assert.equal(await page.getByTestId('employee-row').filter({ hasText: 'Sin correo' }).count(), 0);

    await page.goto(`${base}/admin/widget`);
    await page.getByTestId('widget-color').fill('#7a1f5c');
    await page.getByLabel('Saludo en español').fill('¡Bienvenida a Aurora! ¿En qué te ayudamos?');
    await page.getByLabel('Saludo en inglés').fill('Welcome to Aurora! How can we help?');
    await page.getByLabel('Horario de atención').fill('L–V 9:00–18:00');
    await page.getByTestId('widget-save').click();
    await page.getByText('Guardado.').waitFor();
    const snippet = await page.getByTestId('widget-snippet').innerText();
    assert.ok(snippet.includes(`data-workspace="${acme.publicKey}"`) && snippet.includes(`${base}/widget.js`), snippet);
    await admin.context.close();

    const stored = await app.ctx.db.selectFrom('employees').select(['role', 'team_id']).where('email', '=', MARTA.email).executeTakeFirstOrThrow();
    assert.equal(stored.role, 'agent');
    assert.ok(stored.team_id);

    for (const [locale, greeting] of [
      ['es-ES', '¡Bienvenida a Aurora!'],
      ['en-GB', 'Welcome to Aurora!'],
    ] as const) {
      const v = await openVisitor(browser, `${base}/demo?workspace=${acme.publicKey}`, errors, locale);
      const launcher = v.page.getByTestId('vinculo-launcher');
      assert.equal(await launcher.getAttribute('aria-label'), locale === 'es-ES' ? 'Abrir chat' : 'Open chat');
      assert.equal(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(122, 31, 92)');
      await openWidget(v.page);
      await v.page.getByTestId('vinculo-panel').getByText(greeting).waitFor();
      await v.page.getByTestId('vinculo-panel').getByText('L–V 9:00–18:00').waitFor();
      await v.context.close();
    }
  });

  test('assignment, mine/unassigned/status filters, notes kept from the customer, unread counts, resolve and reopen', async () => {
    const visitor = await openVisitor(browser, `${base}/demo?workspace=${acme.publicKey}`, errors);
    await openWidget(visitor.page);
    await widgetSend(visitor.page, 'Mi factura está mal, me habéis cobrado dos veces');

    const admin = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    const a = admin.page;
    await inboxItems(a).first().waitFor();
    await inboxItems(a).first().click();
    await appMessages(a).first().waitFor();
    await a.getByTestId('assign-employee').selectOption({ label: MARTA.name });
    await a.getByTestId('assign-team').selectOption({ label: 'Soporte' });
    await a.getByTestId('note-input').fill('Revisar el cobro doble en la pasarela antes de responder');
    await a.getByTestId('note-send').click();
    await a.getByTestId('note').filter({ hasText: 'cobro doble en la pasarela' }).waitFor();

    // The admin's "mine" and "unassigned" are empty now; "all" still has it.
    await selectIn(a, 'inbox-filter-assignee', 'mine');
    await inboxItems(a).first().waitFor({ state: 'detached' });
    await selectIn(a, 'inbox-filter-assignee', 'unassigned');
    await a.waitForTimeout(300);
    assert.equal(await inboxItems(a).count(), 0);
    await selectIn(a, 'inbox-filter-assignee', 'all');
    await inboxItems(a).first().waitFor();

    const marta = await loginEmployee(browser, base, MARTA.email, MARTA.password, errors);
    const m = marta.page;
    await selectIn(m, 'inbox-filter-assignee', 'mine');
    await inboxItems(m).first().waitFor();
    assert.equal(await inboxItems(m).count(), 1);
    assert.equal(await inboxItems(m).first().getAttribute('data-unread'), '1');
    await inboxItems(m).first().click();
    await m.getByTestId('note').filter({ hasText: 'cobro doble en la pasarela' }).waitFor();
    await inboxItems(m).first().and(m.locator('[data-unread="0"]')).waitFor();

    // While Marta reads this one, a second visitor writes: it arrives unread, the open one stays read.
    const second = await openVisitor(browser, `${base}/demo?workspace=${acme.publicKey}`, errors);
    await openWidget(second.page);
    await widgetSend(second.page, 'Hello, is the stoneware vase dishwasher safe?');
    await selectIn(m, 'inbox-filter-assignee', 'all');
    const vaseRow = inboxItems(m).filter({ hasText: 'stoneware vase' });
    await vaseRow.waitFor();
    assert.equal(await vaseRow.getAttribute('data-unread'), '1');
    assert.equal(await m.getByTestId('unread-total').getAttribute('data-unread'), '1');

    // The note never reaches the customer.
    await visitor.page.waitForTimeout(500);
    assert.equal(await widgetMessages(visitor.page).count(), 1);
    assert.equal(await visitor.page.getByText('cobro doble en la pasarela').count(), 0);

    // Resolve: it leaves the active list and shows under "resolved"; the visitor is told; reopen brings it back.
    await inboxItems(m).filter({ hasText: 'cobrado dos veces' }).click();
    await m.getByTestId('resolve-button').click();
    await m.getByTestId('reopen-button').waitFor();
    await inboxItems(m).filter({ hasText: 'cobrado dos veces' }).waitFor({ state: 'detached' });
    await selectIn(m, 'inbox-filter-status', 'resolved');
    await inboxItems(m).filter({ hasText: 'cobrado dos veces' }).waitFor();
    await m.getByTestId('reopen-button').click();
    await m.getByTestId('resolve-button').waitFor();
    const row = await app.ctx.db.selectFrom('conversations').select(['status', 'assignee_id']).where('workspace_id', '=', acme.workspaceId).orderBy('created_at').executeTakeFirstOrThrow();
    assert.equal(row.status, 'open');
    assert.ok(row.assignee_id);
    for (const c of [visitor, second, admin, marta]) await c.context.close();
  });

  test('each employee picks the language of the interface, and it sticks after a reload', async () => {
    const admin = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    const p = admin.page;
    await p.getByRole('heading', { name: 'Bandeja' }).waitFor();
    await p.getByTestId('language-switch').selectOption('en');
    await p.getByRole('heading', { name: 'Inbox' }).waitFor();
    assert.equal(await p.locator('html').getAttribute('lang'), 'en');
    await p.reload();
    await p.getByRole('heading', { name: 'Inbox' }).waitFor();
    await p.getByTestId('language-switch').selectOption('es');
    await p.getByRole('heading', { name: 'Bandeja' }).waitFor();
    await admin.context.close();
  });

  test('no page errors', () => assert.deepEqual(errors, []));
});
