import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { addEmployee, createTenant, PASSWORD, type Tenant } from '../../server/test/support/api-client.ts';
import { seedKpiFixture, type KpiFixture } from '../../server/test/support/kpi-fixture.ts';
import { axeViolations } from './axe.ts';
import { loginEmployee } from './chat-pages.ts';
import { startE2e, type E2e } from './e2e-app.ts';

// The KPI dashboard over the hand-computed fixture of the server's KPI tests (January 2026).
describe('KPI dashboard in Chromium', () => {
  let e2e: E2e;
  let acme: Tenant;
  let fx: KpiFixture;
  const errors: string[] = [];

  before(async () => {
    e2e = await startE2e();
    acme = await createTenant(e2e.app, 'Acme Indicadores');
    const ana = await addEmployee(e2e.app, acme, 'agent');
    const ben = await addEmployee(e2e.app, acme, 'agent');
    fx = await seedKpiFixture(e2e.app.ctx.db, acme.workspaceId, { ana: ana.employeeId, ben: ben.employeeId });
  });
  after(() => e2e?.close());

  test('filter a period → read a figure → click a bar to list its conversations → open one → download the CSV', async () => {
    const { page } = await loginEmployee(e2e.browser, e2e.base, acme.admin.email, PASSWORD, errors);
    await page.getByTestId('nav-dashboard').click();
    await page.getByRole('heading', { level: 1, name: 'Panel de indicadores' }).waitFor();
    await page.getByTestId('filter-from').fill('2026-01-01');
    await page.getByTestId('filter-to').fill('2026-01-31');

    // January: CSAT 2 of 3 satisfied; NPS 0; first response median 1950 s = 32,5 min.
    const csat = page.getByTestId('kpi-csat');
    await csat.getByTestId('kpi-total').and(page.getByText('66,7 %')).waitFor();
    await page.getByTestId('kpi-nps').getByTestId('kpi-total').and(page.getByText('0', { exact: true })).waitFor();
    assert.equal(await page.getByTestId('kpi-first_response').getByTestId('kpi-total').innerText(), '32,5 min');
    assert.match(await page.getByTestId('kpi-churn').getByTestId('kpi-reasons').innerText(), /Precio 1/);

    // The first CSAT bar is the week of 5 January: the answers of K1 (Carmen) and K2 (Carlos), newest first.
    await csat.locator('.recharts-bar-rectangle').first().click();
    const items = page.getByTestId('kpi-items');
    await items.getByRole('heading', { name: 'CSAT · 2026-01-05' }).waitFor();
    await items.getByTestId('kpi-item').nth(1).waitFor();
    assert.deepEqual(await items.getByTestId('kpi-item').evaluateAll((els) => els.map((e) => e.querySelector('a')?.textContent)), ['Carlos Dos', 'Carmen Uno']);
    assert.match(await items.getByTestId('kpi-item').first().innerText(), /K2 envío · email .* CSAT 2/);
    assert.deepEqual(await axeViolations(page), [], 'the dashboard with a point opened has no WCAG A/AA violations');

    // CSV of the CSAT chart: one row per week with its counts.
    const download = page.waitForEvent('download');
    await csat.getByTestId('kpi-csv').click();
    assert.equal((await download).suggestedFilename(), 'kpi-csat-2026-01-01-2026-01-31.csv');
    const csv = readFileSync(await (await download).path(), 'utf8').trim().split('\n');
    assert.equal(csv[0], 'point,label,from,to,csat,answers,satisfied');
    assert.equal(csv[2], '2026-01-05,2026-01-05,2026-01-05T00:00:00.000Z,2026-01-12T00:00:00.000Z,50,2,1');

    // The conversation link opens it in the inbox.
    await items.getByRole('link', { name: /Carlos Dos/ }).click();
    await page.waitForURL(`**/conversations/${fx.conversations.k2}`);
    assert.deepEqual(errors, []);
  });
});
