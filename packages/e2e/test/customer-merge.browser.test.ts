import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addEmployee, call, createTenant, PASSWORD, type Reply, type Tenant } from '../../server/test/support/api-client.ts';
import { backends, type TestApp } from '../../server/test/support/test-app.ts';
import { waitFor } from '../../server/test/support/wait-for.ts';
import { axeViolations } from './axe.ts';
import { loginEmployee, openVisitor, openWidget, pendingIn, widgetSend } from './chat-pages.ts';
import { startE2e, type E2e } from './e2e-app.ts';

// PostgreSQL when the run has one (the scan's name similarity is pg_trgm), else PGlite.
const backend = backends().includes('postgres') ? 'postgres' : 'pglite';

const ok = (res: Reply, status = 200) => {
  assert.equal(res.status, status, JSON.stringify(res.body));
  return res.body;
};

describe(`Duplicates queue, merge and unmerge in Chromium (${backend})`, () => {
  let e2e: E2e;
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let acme: Tenant;
  const errors: string[] = [];

  before(async () => {
    e2e = await startE2e({ backend });
    ({ app, browser, base } = e2e);
    acme = await createTenant(app, 'Acme Duplicados');
  });
  after(() => e2e?.close());

  const api = (method: 'GET' | 'POST', url: string, body?: unknown) => call(app, method, url, { session: acme.admin, ...(body === undefined ? {} : { body }) });
  const card = (page: Page, customerId: string) => page.locator(`[data-testid="duplicate-card"]:has([data-customer-id="${customerId}"])`);

  test('a widget visitor also created through the API → scan → merge choosing a value of the absorbed one → undo: both come back', async () => {
    // Marta writes from the widget, giving her name and email.
    const visitor = await openVisitor(browser, `${base}/demo?workspace=${acme.publicKey}`, errors);
    await openWidget(visitor.page);
    await visitor.page.getByTestId('vinculo-name').fill('Marta Gil');
    await visitor.page.getByTestId('vinculo-email').fill('marta.gil@example.com');
    await visitor.page.getByTestId('vinculo-contact-save').click();
    await widgetSend(visitor.page, 'Hola, ¿cuándo llega mi pedido?');
    await pendingIn(visitor.page).first().waitFor({ state: 'detached', timeout: 10_000 });
    const widgetConversation = await waitFor(
      () => app.ctx.db.selectFrom('conversations').select(['id', 'customer_id']).where('workspace_id', '=', acme.workspaceId).executeTakeFirst(),
      'the widget conversation',
    );
    const widgetId = widgetConversation.customer_id;
    assert.equal(ok(await api('GET', `/api/customers/${widgetId}`)).email, 'marta.gil@example.com');

    // The same person, typed in by someone in sales with her phone and a conversation of its own.
    const typed = ok(
      await api('POST', '/api/customers', { name: 'Marta Gil Soler', email: 'marta.gil@example.com', phone: '+34 600 111 222', attributes: { plan: 'oro' } }),
      201,
    );
    // An unverified email identity another customer holds is a 409 that proposes the pair. The widget
    // keeps the email on the profile only (its identity is the visitor), so today it links (201) and
    // the scan below is what finds the pair; either way the queue must show it.
    const taken = await api('POST', `/api/customers/${typed.id}/identities`, { channel: 'email', externalId: 'marta.gil@example.com' });
    assert.ok([201, 409].includes(taken.status), JSON.stringify(taken.body));
    const apiProposalId: string | null = taken.status === 409 ? taken.body.error.details.proposalId : null;
    const phoneCall = ok(await api('POST', '/api/conversations', { customerId: typed.id, channel: 'phone', subject: 'Llamada: pedido 1234' }), 201);
    // Two more pairs alike by name only: one to dismiss, one whose dismissal the server refuses.
    for (const name of ['Javier Martínez Ruiz', 'javier martinez ruiz', 'Lucía Fernández Gómez', 'Lucia Fernandez Gomez']) ok(await api('POST', '/api/customers', { name }), 201);

    const employee = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    const page = employee.page;
    await page.getByTestId('nav-duplicates').click();
    await page.getByRole('heading', { level: 1, name: 'Posibles duplicados' }).waitFor();
    await (apiProposalId ? page.locator(`[data-proposal-id="${apiProposalId}"]`) : page.getByTestId('duplicates-empty')).waitFor();

    // Scan: the counts it returns are shown; the queue then lists the pairs.
    await page.getByTestId('duplicates-scan-button').click();
    const scanned = page.getByTestId('duplicates-scan-result').getByRole('status');
    await scanned.waitFor({ timeout: 30_000 });
    assert.match(await scanned.innerText(), /^Revisados 6 clientes en 1 lotes: 3 posibles duplicados \(\d+\.\d s\)\.$/);
    await page.getByTestId('duplicate-card').nth(2).waitFor();
    assert.equal(await page.getByTestId('duplicate-card').count(), 3);

    const marta = card(page, widgetId);
    assert.equal(await marta.locator(`[data-customer-id="${typed.id}"]`).count(), 1, 'both customers side by side');
    const reasons = await marta.getByTestId('duplicate-reasons').innerText();
    assert.match(reasons, /mismo email marta\.gil@example\.com/);
    assert.match(await marta.innerText(), /\+34600111222/);
    assert.deepEqual(await axeViolations(page), [], 'the duplicates queue has no WCAG A/AA violations');

    // Dismiss: asks once more (focus on the confirmation, so Enter confirms), then the pair leaves the queue for good.
    const javierId = (await waitFor(async () => (await api('GET', '/api/customers?q=javier')).body.items[0]?.id as string | undefined, 'Javier')) as string;
    const javier = card(page, javierId);
    const javierProposal = (await javier.getAttribute('data-proposal-id'))!;
    await javier.getByTestId('duplicate-dismiss').click();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'duplicate-dismiss-confirm');
    await page.keyboard.press('Enter');
    await javier.waitFor({ state: 'detached' });
    assert.equal(ok(await api('GET', `/api/customers/duplicates/${javierProposal}`)).status, 'dismissed');

    // Someone else dismissed the Lucía pair meanwhile: the server's message is shown, not swallowed.
    const lucia = page.getByTestId('duplicate-card').filter({ hasText: 'Lucía Fernández Gómez' });
    ok(await api('POST', `/api/customers/duplicates/${await lucia.getAttribute('data-proposal-id')}/dismiss`));
    await lucia.getByTestId('duplicate-dismiss').click();
    await lucia.getByTestId('duplicate-dismiss-confirm').click();
    const refused = lucia.getByTestId('duplicate-error');
    await refused.waitFor();
    assert.equal(await refused.innerText(), 'This proposal is already dismissed');

    // The merge dialog: Escape leaves both untouched; Marta's widget record is older, so it stays by default.
    await marta.getByTestId('duplicate-merge').click();
    const dialog = page.getByTestId('merge-dialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await marta.getByTestId('duplicate-merge').click();
    await dialog.waitFor();
    assert.equal(await dialog.getByTestId('merge-survivor').locator(`input[value="${widgetId}"]`).isChecked(), true);
    const nameChoice = dialog.getByTestId('merge-choice-field:name');
    assert.equal(await nameChoice.getByRole('radio', { name: /Marta Gil \(valor de Marta Gil\)/ }).isChecked(), true, "the survivor's name is preselected");
    assert.equal(await dialog.getByTestId('merge-choice-field:phone').locator('input[value="absorbed"]').isChecked(), true, 'a gap is filled from the other');
    assert.equal(await dialog.getByTestId('merge-choice-attribute:plan').locator('input[value="absorbed"]').isChecked(), true);
    assert.match(await dialog.innerText(), /Igual en los dos: Correo electrónico\./);
    assert.deepEqual(await axeViolations(page), [], 'the merge dialog has no WCAG A/AA violations');
    // The name typed in by sales is the full one: the employee keeps it, with the keyboard.
    await nameChoice.locator('input[value="survivor"]').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await nameChoice.locator('input[value="absorbed"]').isChecked(), true);
    await dialog.getByTestId('merge-confirm').click();

    // The merged customer: the chosen name, both conversations, and the merge in the history.
    await page.waitForURL(`${base}/customers/${widgetId}`);
    const customerPage = page.getByTestId('customer-page');
    await customerPage.getByTestId('customer-name').filter({ hasText: 'Marta Gil Soler' }).waitFor();
    assert.match(await customerPage.getByTestId('customer-facts').innerText(), /\+34600111222/);
    assert.match(await customerPage.getByTestId('details-legacy').innerText(), /plan\s+oro/);
    const mergedActivity = customerPage.locator('[data-testid="activity-item"][data-kind="merge"]');
    assert.match(await mergedActivity.innerText(), /Otro cliente se fusionó en este/);
    assert.equal(await mergedActivity.getByRole('link', { name: 'Abrir el otro cliente' }).getAttribute('href'), `/customers/${typed.id}`);
    await customerPage.getByTestId('customer-conversation').nth(1).waitFor();
    assert.deepEqual((await customerPage.getByTestId('customer-conversation').allInnerTexts()).filter((t) => t.includes('Llamada: pedido 1234')).length, 1);
    const entry = customerPage.getByTestId('merge-entry');
    assert.equal(await entry.count(), 1);
    assert.match(await entry.innerText(), /Marta Gil Soler se fusionó en este cliente/);
    assert.match(await entry.innerText(), /Conversaciones movidas: 1 ·/);
    assert.deepEqual(await axeViolations(page), [], 'the customer page has no WCAG A/AA violations');

    const merged = ok(await api('GET', `/api/customers/${widgetId}`));
    assert.equal(merged.name, 'Marta Gil Soler');
    assert.equal(merged.phone, '+34600111222');
    assert.deepEqual(merged.attributes, { plan: 'oro' });
    assert.equal((await api('GET', `/api/customers/${typed.id}`)).status, 404, 'the absorbed customer is hidden');
    const underSurvivor = ok(await api('GET', `/api/conversations?customerId=${widgetId}`)).items.map((c: { id: string }) => c.id).sort();
    assert.deepEqual(underSurvivor, [widgetConversation.id, phoneCall.id].sort());
    const [merge] = ok(await api('GET', `/api/customers/${widgetId}/merges`)).items;
    assert.equal(merge.absorbedId, typed.id);
    assert.equal(merge.choices.fields.name, 'absorbed');
    assert.equal(merge.choices.fields.phone, 'absorbed');
    assert.equal(ok(await api('GET', `/api/customers/duplicates/${merge.proposalId}`)).status, 'merged');

    // Undo: both customers are back, each with its own conversation.
    await entry.getByTestId('merge-undo').click();
    const done = customerPage.getByTestId('unmerge-done');
    await done.waitFor();
    assert.equal(
      await done.innerText(),
      'Fusión deshecha: Marta Gil y Marta Gil Soler vuelven a ser clientes distintos. Abrir Marta Gil Soler',
    );
    await customerPage.getByTestId('customer-name').filter({ hasText: /^Marta Gil$/ }).waitFor();
    await customerPage.locator('[data-testid="merge-entry"][data-undone="true"]').waitFor();
    assert.equal(await customerPage.getByTestId('merge-undo').count(), 0);
    await customerPage.getByTestId('customer-conversation').nth(1).waitFor({ state: 'detached' });
    assert.equal(await customerPage.getByTestId('customer-conversation').getAttribute('data-conversation-id'), widgetConversation.id);

    await done.getByTestId('unmerge-restored-link').click();
    await page.waitForURL(`${base}/customers/${typed.id}`);
    await page.getByTestId('customer-name').filter({ hasText: 'Marta Gil Soler' }).waitFor();
    await page.locator(`[data-testid="customer-conversation"][data-conversation-id="${phoneCall.id}"]`).waitFor();
    assert.match(await page.getByTestId('merge-entry').innerText(), /Este cliente se fusionó en Marta Gil/);

    const survivor = ok(await api('GET', `/api/customers/${widgetId}`));
    const restored = ok(await api('GET', `/api/customers/${typed.id}`));
    assert.deepEqual([survivor.name, survivor.phone], ['Marta Gil', null]);
    assert.deepEqual([restored.name, restored.phone], ['Marta Gil Soler', '+34600111222']);
    assert.deepEqual(ok(await api('GET', `/api/conversations?customerId=${typed.id}`)).items.map((c: { id: string }) => c.id), [phoneCall.id]);
    assert.deepEqual(ok(await api('GET', `/api/conversations?customerId=${widgetId}`)).items.map((c: { id: string }) => c.id), [widgetConversation.id]);
    assert.ok(ok(await api('GET', `/api/customers/merges/${merge.id}`)).unmergedAt);
    assert.equal((await api('POST', `/api/customers/merges/${merge.id}/unmerge`, {})).status, 409, 'an undone merge cannot be undone twice');

    // The undone pair is not proposed again; nothing is left to review.
    await page.getByTestId('nav-duplicates').click();
    await page.getByTestId('duplicates-empty').waitFor();

    assert.deepEqual(errors, [], 'no uncaught errors in either page');
    await visitor.context.close();
    await employee.context.close();
  });

  test('an agent sees the queue, in English, without the buttons that decide', async () => {
    const other = await createTenant(app, 'Acme Agentes');
    for (const name of ['Pedro Sánchez Mora', 'pedro sanchez mora']) ok(await call(app, 'POST', '/api/customers', { session: other.admin, body: { name } }), 201);
    ok(await call(app, 'POST', '/api/customers/duplicates/scan', { session: other.admin, body: {} }));
    const agent = await addEmployee(app, other, 'agent');
    const employee = await loginEmployee(browser, base, agent.email, PASSWORD, errors);
    const page = employee.page;
    await page.getByTestId('language-switch').selectOption('en');
    await page.getByTestId('nav-duplicates').click();
    await page.getByRole('heading', { level: 1, name: 'Possible duplicates' }).waitFor();
    await page.getByTestId('duplicate-card').waitFor();
    assert.equal(await page.getByTestId('duplicate-reasons').innerText(), 'names 100 % alike');
    await page.getByText('Administrators and managers merge or dismiss these proposals.').waitFor();
    assert.equal(await page.getByTestId('duplicates-scan-button').count(), 0);
    assert.equal(await page.getByTestId('duplicate-merge').count(), 0);
    assert.equal(await page.getByTestId('duplicate-dismiss').count(), 0);
    assert.deepEqual(errors, []);
    await employee.context.close();
  });
});
