import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { addEmployee, call, createTenant, login, PASSWORD, startConversation, visitor, type Reply, type Session, type Tenant } from '../../server/test/support/api-client.ts';
import { backends, type TestApp } from '../../server/test/support/test-app.ts';
import { waitFor } from '../../server/test/support/wait-for.ts';
import { axeViolations } from './axe.ts';
import { loginEmployee } from './chat-pages.ts';
import { startE2e, type E2e } from './e2e-app.ts';

// PostgreSQL when the run has one (misspelt names are found through pg_trgm), else PGlite.
const backend = backends().includes('postgres') ? 'postgres' : 'pglite';

const ok = (res: Reply, status = 200) => {
  assert.equal(res.status, status, JSON.stringify(res.body));
  return res.body;
};

// Line 3 (Leonora) has an invalid email; the Spanish phone has no prefix, so ES is chosen as the default country.
const CSV = [
  'Nombre,Correo,Teléfono,Idioma,Plan',
  'Remedios Varo Uranga,remedios@example.com,600 123 456,es,oro',
  'Leonora Carrington,leonora@example,+44 20 7946 0958,en,plata',
  'Frida Kahlo Calderón,frida@example.com,+52 55 1234 5678,es,bronce',
].join('\n');

describe(`Customers list, CSV import, saved views and departure risk in Chromium (${backend})`, () => {
  let e2e: E2e;
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let acme: Tenant;
  const errors: string[] = [];

  before(async () => {
    e2e = await startE2e({ backend });
    ({ app, browser, base } = e2e);
    acme = await createTenant(app, 'Acme Clientes');
  });
  after(() => e2e?.close());

  test('import a CSV with a bad row → find a customer by a misspelt name → a saved view survives a reload → the admin’s departure risk', async () => {
    const { page, context } = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    await page.getByTestId('nav-customers').click();
    await page.getByRole('heading', { level: 1, name: 'Clientes' }).waitFor();
    await page.getByTestId('customers-empty').waitFor();

    // Import: the header is read in the browser and its columns guessed; ES for phones without a prefix.
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'clientes.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    const columns = page.getByTestId('import-column');
    await columns.nth(4).waitFor();
    const targets = await page.getByTestId('import-target').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    assert.deepEqual(targets, ['name', 'email', 'phone', 'locale', 'attribute']);
    assert.equal(await page.getByTestId('import-attribute-key').inputValue(), 'plan');
    await page.getByTestId('import-country').selectOption('ES');
    await page.getByTestId('import-submit').click();

    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 30_000 });
    const bar = page.getByTestId('import-progress');
    assert.equal(await bar.evaluate((el) => (el as HTMLProgressElement).position), 1, 'the progress bar is full');
    assert.equal(await page.getByTestId('import-rows').innerText(), 'Filas leídas: 3');
    assert.equal(await page.getByTestId('import-created').innerText(), 'Clientes nuevos: 2');
    assert.equal(await page.getByTestId('import-errors').innerText(), 'Filas sin importar: 1');
    const bad = page.getByTestId('import-error-row');
    assert.equal(await bad.count(), 1);
    assert.equal(await bad.getAttribute('data-line'), '3');
    assert.match(await bad.innerText(), /^3\s+Correo\s+must be an email address \(got "leonora@example"\)$/);
    const download = page.waitForEvent('download');
    await page.getByTestId('import-errors-download').click();
    assert.equal((await download).suggestedFilename(), 'clientes-errors.csv');
    const errorsFile = await (await download).path();
    assert.match(readFileSync(errorsFile, 'utf8'), /^\uFEFFLínea,Columna,Problema\r\n3,Correo,"must be an email address \(got ""leonora@example""\)"\r\n$/);
    const exported = page.waitForEvent('download');
    await page.getByTestId('export-link').click();
    const exportedCsv = readFileSync(await (await exported).path(), 'utf8');
    assert.match(exportedCsv, /Remedios Varo Uranga/);
    assert.doesNotMatch(exportedCsv, /Leonora/);
    // The list reloads with the imported customers, newest first.
    await page.getByTestId('customer-row').nth(1).waitFor();
    assert.equal(await page.getByTestId('customer-row').count(), 2);
    assert.deepEqual(await axeViolations(page), [], 'the customers list with the import report has no WCAG A/AA violations');

    // Search with a typo: the best match comes first and opens the customer page with its bonds.
    await page.getByTestId('customer-search').fill('Remedos Varo');
    await page.getByTestId('customers-summary').getByText('Lo más parecido a «Remedos Varo»').waitFor();
    const first = page.getByTestId('customer-row').first();
    await first.filter({ hasText: 'Remedios Varo Uranga' }).waitFor();
    assert.equal(await page.getByTestId('customer-row').count(), 1, 'only the close match');
    assert.match(await first.innerText(), /\+34600123456/);
    await first.getByRole('link', { name: 'Remedios Varo Uranga' }).click();
    await page.getByTestId('customer-page').waitFor();
    assert.equal(await page.getByTestId('customer-name').innerText(), 'Remedios Varo Uranga');
    await page.getByTestId('customer-bonds').getByRole('heading', { name: 'Vínculos con el equipo' }).waitFor();
    await page.getByTestId('bonds-empty').waitFor();

    // A saved view: search and language, found again after a reload.
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-search').fill('frida');
    await page.getByTestId('filter-language').selectOption('es');
    await page.getByTestId('saved-view-name').fill('Pintoras');
    await page.getByTestId('saved-view-save').click();
    assert.equal(await page.getByTestId('saved-view-status').innerText(), 'Vista «Pintoras» guardada.');
    await page.reload();
    await page.getByTestId('customers-page').waitFor();
    assert.equal(await page.getByTestId('customer-search').inputValue(), '');
    await page.getByTestId('saved-view-select').selectOption({ label: 'Pintoras' });
    assert.equal(await page.getByTestId('customer-search').inputValue(), 'frida');
    assert.equal(await page.getByTestId('filter-language').inputValue(), 'es');
    await page.getByTestId('customers-summary').getByText('Lo más parecido a «frida»').waitFor();
    await page.getByTestId('customer-row').first().filter({ hasText: 'Frida Kahlo Calderón' }).waitFor();
    assert.equal(await page.getByTestId('customer-row').count(), 1);

    // The admin's own page from the employees list: departure risk with its total (nobody depends on them yet).
    await page.getByTestId('nav-admin').click();
    await page.locator(`[data-testid="employee-row"][data-employee-id="${acme.admin.employeeId}"]`).getByTestId('employee-link').click();
    await page.getByTestId('employee-page').waitFor();
    await page.getByTestId('departure-risk').getByRole('heading', { level: 2, name: 'Riesgo de salida' }).waitFor();
    assert.equal(await page.getByTestId('risk-total').innerText(), 'Valor total en riesgo: 0');
    await page.getByTestId('risk-empty').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the employee page has no WCAG A/AA violations');
    await context.close();

    // An agent sees neither the import nor anyone's departure risk.
    const agent = await addEmployee(app, acme, 'agent');
    const other = await loginEmployee(browser, base, agent.email, PASSWORD, errors);
    await other.page.getByTestId('nav-customers').click();
    await other.page.getByTestId('customer-row').nth(1).waitFor();
    assert.equal(await other.page.getByTestId('import-open').count(), 0);
    await other.page.goto(`${base}/employees/${acme.admin.employeeId}`);
    await other.page.getByTestId('employee-forbidden').waitFor();
    await other.context.close();
    assert.deepEqual(errors, [], 'no uncaught errors in the pages');
  });

  test('a large import shows the progress frames as they come, then the report', async () => {
    const tenant = await createTenant(app, 'Acme Lotes');
    const rows = Array.from({ length: 1200 }, (_, i) => `Cliente ${i + 1},cliente${i + 1}@example.com`);
    const { page, context } = await loginEmployee(browser, base, tenant.admin.email, PASSWORD, errors);
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'lotes.csv', mimeType: 'text/csv', buffer: Buffer.from(['name,email', ...rows].join('\n')) });
    await page.getByTestId('import-column').nth(1).waitFor();
    // Every text the progress line shows, recorded as it changes (the import takes three batches of 500).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="import-progress-text"]')?.textContent;
        // Marked when the report is already on screen: those texts come from the answer, not from a frame.
        const entry = text && (document.querySelector('[data-testid="import-report"]') ? `${text} (report)` : text);
        if (entry && seen[seen.length - 1] !== entry) seen.push(entry);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('import-created').innerText(), 'Clientes nuevos: 1200');
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    assert.ok(seen.some((text) => /^(500|1000|1200) de 1200 filas$/.test(text)), `a progress frame was shown before the report: ${JSON.stringify(seen)}`);
    assert.equal(seen[seen.length - 1], '1200 de 1200 filas (report)');
    // Without a search the list pages by cursor: 50, then 100 with "load more".
    await page.getByTestId('customer-row').nth(49).waitFor();
    assert.equal(await page.getByTestId('customer-row').count(), 50);
    await page.getByTestId('customers-load-more').click();
    await page.getByTestId('customer-row').nth(99).waitFor();
    assert.equal(await page.getByTestId('customer-row').count(), 100);
    await context.close();
    assert.deepEqual(errors, []);
  });

  test('bonds on the customer page and a handover plan with an editable draft on the employee page', async () => {
    const t = await createTenant(app, 'Acme Vínculos');
    const hire = async (name: string, email: string): Promise<Session> => {
      ok(await call(app, 'POST', '/api/employees', { session: t.admin, body: { email, name, role: 'agent', password: PASSWORD } }), 201);
      return login(app, email);
    };
    const ana = await hire('Ana Ruiz', `ana-${randomUUID().slice(0, 8)}@example.test`);
    const bruno = await hire('Bruno Díaz', `bruno-${randomUUID().slice(0, 8)}@example.test`);
    const v = await visitor(app, t.publicKey);
    ok(await call(app, 'PATCH', `/api/customers/${v.customerId}`, { session: t.admin, body: { name: 'Carmen Vidal', attributes: { value: 1200 } } }));
    const c = await startConversation(app, v, 'Hola, necesito ayuda con mi pedido');
    const reply = async (s: Session, text: string) =>
      ok(await call(app, 'POST', `/api/conversations/${c.conversation.id}/messages`, { session: s, body: { text, idempotencyKey: randomUUID() } }), 201);
    await reply(bruno, 'Te ayudo, dame un momento.');
    for (const text of ['Lo miro ahora mismo.', 'Ya está enviado.', 'Te llega mañana.']) await reply(ana, text);
    await waitFor(async () => {
      const b = ok(await call(app, 'GET', `/api/customers/${v.customerId}/bonds`, { session: t.admin }));
      return b.items.length === 2 && b.trustedEmployee?.employeeId === ana.employeeId ? b : undefined;
    }, 'both bonds, Ana trusted');

    const { page, context } = await loginEmployee(browser, base, t.admin.email, PASSWORD, errors);
    await page.goto(`${base}/customers/${v.customerId}`);
    const bonds = page.getByTestId('customer-bonds');
    await bonds.getByTestId('bond-item').nth(1).waitFor();
    assert.equal(await bonds.getByTestId('bonds-trusted').innerText(), 'Persona de confianza: Ana Ruiz');
    const [first, second] = [bonds.getByTestId('bond-item').nth(0), bonds.getByTestId('bond-item').nth(1)];
    assert.equal(await first.getAttribute('data-employee-id'), ana.employeeId);
    assert.match((await first.getAttribute('class')) ?? '', /\btrusted\b/);
    assert.match(await first.getByTestId('bond-why').innerText(), /^Respuestas: 3 · conversaciones: 1 · agradecimientos: 0 · último contacto /);
    assert.match(await second.getByTestId('bond-why').innerText(), /^Respuestas: 1 · conversaciones: 1 /);
    assert.deepEqual(await axeViolations(page), [], 'the customer page with bonds has no WCAG A/AA violations');

    // From the bond to Ana's page: Carmen is at risk with her value; Bruno would take over with a draft to edit.
    await first.getByRole('link', { name: 'Ana Ruiz' }).click();
    await page.getByTestId('employee-page').waitFor();
    assert.equal(await page.getByTestId('employee-name').innerText(), 'Ana Ruiz');
    await page.getByTestId('risk-row').waitFor();
    assert.equal(await page.getByTestId('risk-total').innerText(), 'Valor total en riesgo: 1200');
    assert.match(await page.getByTestId('risk-row').innerText(), /^Carmen Vidal\s+[\d,]+\s+1200\s+/);
    const plan = page.getByTestId('handover-item');
    assert.match(await plan.getByTestId('handover-successor').innerText(), /^Relevo propuesto: Bruno Díaz \(el siguiente vínculo más fuerte con este cliente\)$/);
    await page.getByText('Desde esta página no se envía nada.', { exact: false }).waitFor();
    const draft = plan.getByTestId('handover-draft');
    assert.ok((await draft.inputValue()).length > 20, 'a drafted introduction');
    await draft.fill('Hola Carmen, soy Bruno: desde hoy te atiendo yo.');
    assert.equal(await draft.inputValue(), 'Hola Carmen, soy Bruno: desde hoy te atiendo yo.');
    assert.deepEqual(await axeViolations(page), [], 'the handover plan has no WCAG A/AA violations');
    await context.close();
    assert.deepEqual(errors, []);
  });
});
