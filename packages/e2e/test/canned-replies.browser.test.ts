import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../server/test/support/test-app.ts';
import { startE2e, type E2e } from './e2e-app.ts';
import { call, createTenant, PASSWORD, startConversation, visitor, type Tenant } from '../../server/test/support/api-client.ts';
import { appMessages, inboxItems, loginEmployee, openVisitor, openWidget, pendingIn, widgetSend } from './chat-pages.ts';
import { axeViolations } from './axe.ts';

// Screenshots for the README are refreshed with VINCULO_SCREENSHOTS_DIR=docs (see README).
const screenshotDir = process.env.VINCULO_SCREENSHOTS_DIR;

// The reply the employee has been pasting to everybody, with only the name changed.
const GENERIC = 'lamentamos mucho las molestias con tu envío. Hemos revisado tu caso y el paquete saldrá de nuestro almacén mañana por la mañana.';
const template = (name: string) => `Hola ${name}, ${GENERIC} Gracias por tu paciencia.`;
const PERSONAL = 'sé que lo necesitas para el viernes y no quiero que te quedes sin él: he pedido al almacén que lo envíen hoy mismo por mensajería urgente y te aviso yo en cuanto salga, sin que tengas que volver a escribirnos.';
const CUSTOMER_SAYS = 'Hola, mi pedido todavía no ha llegado y lo necesito sin falta para el viernes';

describe('Canned-reply guard, snippets and personalisation in Chromium (pglite)', () => {
  let e2e: E2e;
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let acme: Tenant;
  const errors: string[] = [];

  before(async () => {
    e2e = await startE2e();
    ({ app, browser, base } = e2e);
    acme = await createTenant(app, 'Acme Respuestas');
  });
  after(() => e2e?.close());

  // Two other customers already got the same templated reply from this employee.
  async function seedTemplatedReplies(): Promise<void> {
    const conversations: string[] = [];
    for (const name of ['Ana Ruiz', 'Pedro Sanz']) {
      const v = await visitor(app, acme.publicKey, { name });
      const { conversation } = await startConversation(app, v, 'Mi paquete no llega, ¿qué pasa?');
      const first = name.split(' ')[0]!;
      const sent = await call(app, 'POST', `/api/conversations/${conversation.id}/messages`, {
        session: acme.admin,
        body: { text: template(first), idempotencyKey: randomUUID() },
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      conversations.push(conversation.id);
    }
    // The index is written by a listener once the replies are committed: each one must see the other.
    await until(async () => {
      for (const id of conversations) {
        const check = await call(app, 'POST', '/api/replies/check', { session: acme.admin, body: { conversationId: id, text: template('Lucía') } });
        if (check.status !== 200 || check.body.sentToOthers < 1) return false;
      }
      return true;
    }, 'the seeded replies were not indexed');
  }

  const input = (page: Page) => page.getByTestId('reply-input');
  const warning = (page: Page) => page.getByTestId('canned-warning');

  test('the warning, personalising, sending anyway, snippets with gaps, and the personalisation rate', async () => {
    await seedTemplatedReplies();

    const customer = await openVisitor(browser, `${base}/demo?workspace=${acme.publicKey}`, errors);
    await openWidget(customer.page);
    await customer.page.getByTestId('vinculo-name').fill('Lucía Romero');
    await customer.page.getByTestId('vinculo-email').fill('lucia.romero@example.com');
    await customer.page.getByTestId('vinculo-contact-save').click();
    await widgetSend(customer.page, CUSTOMER_SAYS);
    await pendingIn(customer.page).first().waitFor({ state: 'detached', timeout: 10_000 });

    const employee = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    const page = employee.page;
    await inboxItems(page).filter({ hasText: 'Lucía Romero' }).click();
    await appMessages(page).filter({ hasText: 'sin falta para el viernes' }).waitFor();

    // Pasting the same reply (another customer's name left in) brings up the notice while typing.
    await input(page).fill(template('Ana'));
    await warning(page).waitFor({ timeout: 10_000 });
    assert.equal(await warning(page).getAttribute('data-sent-to-others'), '2');
    assert.match(await warning(page).innerText(), /casi igual a 2 que ya se enviaron a otros clientes — personalízala/);
    assert.equal(await page.locator('[role="status"]').filter({ has: warning(page) }).count(), 1, 'a polite live region, not a dialog');
    assert.equal(await page.getByRole('dialog').count(), 0);
    const examples = warning(page).getByTestId('canned-example');
    assert.equal(await examples.first().isVisible(), false, 'examples start collapsed');
    if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, 'web-app-canned-reply.png') });
    await warning(page).locator('summary').click();
    await examples.first().waitFor();
    assert.equal(await examples.count(), 2);
    const exampleText = await warning(page).locator('details').innerText();
    assert.match(exampleText, /Ana Ruiz/);
    assert.match(exampleText, /Pedro Sanz/);
    assert.match(exampleText, /parecida al \d+ %/);
    const nameChip = warning(page).locator('[data-testid="canned-suggestion"][data-kind="first_name"] button');
    assert.equal(await nameChip.innerText(), 'Usa su nombre: Lucía');
    assert.ok((await warning(page).locator('[data-testid="canned-suggestion"][data-kind="last_message"]').innerText()).includes('viernes'), 'what she wrote is suggested');
    assert.deepEqual(await axeViolations(page), [], 'composer with the canned-reply notice open');

    // The name chip fixes the greeting; the employee's own words make the reply personal: the notice goes.
    await nameChip.click();
    const named = await input(page).inputValue();
    assert.equal(named, template('Lucía'));
    assert.equal(await input(page).evaluate((el: HTMLTextAreaElement) => el.value.slice(0, el.selectionStart)), 'Hola Lucía', 'the caret follows the name');
    await input(page).fill(named.replace(GENERIC, PERSONAL));
    await warning(page).waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByTestId('reply-send').click();
    await appMessages(page).filter({ hasText: 'mensajería urgente' }).waitFor({ timeout: 10_000 });
    assert.equal(await input(page).inputValue(), '');

    // Sending the canned reply needs a second, explicit step, reachable from the keyboard.
    await input(page).fill(template('Lucía'));
    await input(page).press('Enter');
    await page.locator('[data-testid="canned-warning"][data-emphasised="true"]').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    assert.equal(await appMessages(page).filter({ hasText: 'saldrá de nuestro almacén' }).count(), 0, 'nothing went out yet');
    assert.equal(await input(page).inputValue(), template('Lucía'), 'the reply is kept');
    assert.match(await warning(page).innerText(), /envíala tal cual/);
    await page.getByTestId('send-anyway').focus();
    await page.keyboard.press('Enter');
    await appMessages(page).filter({ hasText: 'saldrá de nuestro almacén' }).waitFor({ timeout: 10_000 });
    await warning(page).waitFor({ state: 'detached' });
    assert.equal(await input(page).inputValue(), '');

    // An admin writes snippets; the server's validation error names the field.
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-nav-snippets').click();
    const admin = page.getByTestId('admin-snippets');
    await admin.waitFor();
    const form = admin.locator('form').first();
    await form.getByTestId('snippet-title').fill('Retraso del envío');
    await form.getByTestId('snippet-body').fill('Hola {nombre}, siento el retraso.');
    await form.getByTestId('snippet-save').click();
    const error = form.getByTestId('snippet-error');
    await error.waitFor();
    assert.match(await error.innerText(), /body\.body: unknown placeholder \{nombre\}/);
    assert.equal(await form.getByTestId('snippet-body').getAttribute('aria-invalid'), 'true');
    await form.getByTestId('snippet-body').fill('Hola {firstName}, siento mucho el retraso con tu pedido {lastOrder}. Lo he revisado con el almacén y te escribo en cuanto salga. Un saludo, {agentFirstName}.');
    await form.getByTestId('snippet-locale').selectOption('es');
    await form.getByTestId('snippet-save').click();
    await admin.getByTestId('snippet-row').filter({ hasText: 'Retraso del envío' }).waitFor();
    await form.getByTestId('snippet-title').fill('Todo resuelto');
    await form.getByTestId('snippet-body').fill('Gracias {firstName}, me alegra mucho que ya esté todo resuelto. Si necesitas cualquier otra cosa, aquí me tienes.');
    await form.getByTestId('snippet-save').click();
    await admin.getByTestId('snippet-row').filter({ hasText: 'Todo resuelto' }).waitFor();
    // Edit in place, then a throwaway one is deleted with an inline confirmation.
    const resolvedRow = admin.getByTestId('snippet-row').filter({ hasText: 'Todo resuelto' });
    await resolvedRow.getByRole('button', { name: 'Editar «Todo resuelto»' }).click();
    await resolvedRow.getByTestId('snippet-title').fill('Todo resuelto ✓');
    await resolvedRow.getByTestId('snippet-save').click();
    await admin.getByTestId('snippet-row').filter({ hasText: 'Todo resuelto ✓' }).waitFor();
    await form.getByTestId('snippet-title').fill('Borrador');
    await form.getByTestId('snippet-body').fill('Texto de prueba');
    await form.getByTestId('snippet-save').click();
    const draft = admin.getByTestId('snippet-row').filter({ hasText: 'Borrador' });
    await draft.getByRole('button', { name: 'Eliminar «Borrador»' }).click();
    await draft.getByTestId('snippet-delete-confirm').click();
    await draft.waitFor({ state: 'detached' });
    assert.equal(await admin.getByTestId('snippet-row').count(), 2);
    assert.deepEqual(await axeViolations(page), [], 'snippets screen');

    // In the conversation: the snippet is filled with Lucía's name; the unknown order is a gap.
    await page.goto(`${base}/`);
    await inboxItems(page).filter({ hasText: 'Lucía Romero' }).click();
    await appMessages(page).filter({ hasText: 'sin falta para el viernes' }).waitFor();
    await page.getByTestId('snippet-button').click();
    await page.getByTestId('snippet-item').first().waitFor();
    assert.equal(await page.getByTestId('snippet-item').count(), 2);
    await page.keyboard.type('retraso');
    assert.equal(await page.getByTestId('snippet-item').count(), 1);
    assert.deepEqual(await axeViolations(page), [], 'composer with the snippet list open');
    await page.keyboard.press('Enter');
    const gaps = page.getByTestId('snippet-gaps');
    await gaps.waitFor();
    const filled = await input(page).inputValue();
    assert.ok(filled.startsWith('Hola Lucía, siento mucho el retraso con tu pedido [[lastOrder]].'), filled);
    assert.ok(filled.endsWith('Un saludo, Acme.'), 'the employee signs with their first name');
    assert.match(await gaps.innerText(), /Falta un dato/);
    assert.equal(await gaps.locator('[data-placeholder="lastOrder"]').getAttribute('aria-label'), 'Completar: último pedido');
    assert.equal(await page.getByTestId('reply-send').isDisabled(), true, 'a gap blocks sending');
    assert.equal(await input(page).evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd)), '[[lastOrder]]', 'the gap is selected');
    await page.keyboard.type('PED-4471');
    await gaps.waitFor({ state: 'detached' });
    await page.getByTestId('reply-send').click();
    await appMessages(page).filter({ hasText: 'PED-4471' }).waitFor({ timeout: 10_000 });

    // Another snippet, sent as filled.
    await page.getByTestId('snippet-button').click();
    await page.getByTestId('snippet-item').filter({ hasText: 'Todo resuelto' }).click();
    await page.getByTestId('snippet-in-use').filter({ hasText: 'Todo resuelto' }).waitFor();
    assert.equal(await input(page).inputValue(), 'Gracias Lucía, me alegra mucho que ya esté todo resuelto. Si necesitas cualquier otra cosa, aquí me tienes.');
    await page.getByTestId('reply-send').click();
    await appMessages(page).filter({ hasText: 'me alegra mucho' }).waitFor({ timeout: 10_000 });

    const uses = await until(async () => {
      const rows = await app.ctx.db
        .selectFrom('snippet_uses')
        .innerJoin('snippets', 'snippets.id', 'snippet_uses.snippet_id')
        .select(['snippets.title', 'snippet_uses.unchanged', 'snippet_uses.employee_id'])
        .execute();
      return rows.length === 2 ? rows : undefined;
    }, 'the snippet uses were not recorded');
    assert.deepEqual(uses.map((u) => [u.title, u.unchanged]).sort(), [
      ['Retraso del envío', false],
      ['Todo resuelto ✓', true],
    ]);
    assert.ok(uses.every((u) => u.employee_id === acme.admin.employeeId));

    // Six replies: two seeded (the second canned), one personal, one sent anyway (canned), two snippets
    // (one unchanged). Half of them were personal.
    await page.getByTestId('nav-personalisation').click();
    const stats = page.getByTestId('personalisation-stats');
    const row = stats.locator(`[data-testid="personalisation-row"][data-employee-id="${acme.admin.employeeId}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-rate'), '0.5');
    assert.match(await row.innerText(), /Acme Respuestas Admin\s+6\s+2\s+2\s+1\s+50\s?%/);
    assert.deepEqual(await axeViolations(page), [], 'personalisation page');

    assert.deepEqual([...customer.dialogs, ...employee.dialogs], []);
    await customer.context.close();
    await employee.context.close();
  });

  test('no page errors', () => assert.deepEqual(errors, []));
});

async function until<T>(fn: () => Promise<T | undefined | false>, message: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(message);
    await new Promise((r) => setTimeout(r, 50));
  }
}
