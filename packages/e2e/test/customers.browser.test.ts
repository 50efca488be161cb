import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { addEmployee, createTenant, PASSWORD, type Tenant } from '../../server/test/support/api-client.ts';
import { backends, type TestApp } from '../../server/test/support/test-app.ts';
import { axeViolations } from './axe.ts';
import { loginEmployee } from './chat-pages.ts';
import { startE2e, type E2e } from './e2e-app.ts';

// PostgreSQL when the run has one (misspelt names are found through pg_trgm), else PGlite.
const backend = backends().includes('postgres') ? 'postgres' : 'pglite';

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
    // The list reloads with the imported customers, newest first.
    await page.getByTestId('customer-row').nth(1).waitFor();
    assert.equal(await page.getByTestId('customer-row').count(), 2);
    assert.deepEqual(await axeViolations(page), [], 'the customers list with the import report has no WCAG A/AA violations');

    // Search with a typo: the best match comes first and opens the customer page with its bonds.
    await page.getByTestId('customer-search').fill('Remedio Baro');
    await page.getByTestId('customers-summary').getByText('Lo más parecido a «Remedio Baro»').waitFor();
    const first = page.getByTestId('customer-row').first();
    assert.match(await first.innerText(), /Remedios Varo Uranga/);
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
    assert.match(await page.getByTestId('customer-row').first().innerText(), /Frida Kahlo Calderón/);

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
    await context.close();
    assert.deepEqual(errors, []);
  });
});
