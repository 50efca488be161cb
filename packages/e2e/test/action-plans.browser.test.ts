import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { call, createTenant, PASSWORD, type Tenant } from '../../server/test/support/api-client.ts';
import { seedVoice } from '../../server/test/support/voice-fixtures.ts';
import { axeViolations } from './axe.ts';
import { loginEmployee } from './chat-pages.ts';
import { startE2e, type E2e } from './e2e-app.ts';

// Topics → an action plan → a progress note → the team score moves (fixture of the server's topic tests, ending today).
describe('topics and action plans in Chromium', () => {
  let e2e: E2e;
  let acme: Tenant;
  let teamId: string;
  const errors: string[] = [];

  before(async () => {
    e2e = await startE2e();
    acme = await createTenant(e2e.app, 'Acme Voz');
    teamId = (await call(e2e.app, 'POST', '/api/teams', { session: acme.admin, body: { name: 'Soporte' } })).body.id;
    const ines = await call(e2e.app, 'POST', '/api/employees', { session: acme.admin, body: { email: `ines-${randomUUID().slice(0, 8)}@example.test`, name: 'Inés', role: 'agent', password: PASSWORD, teamId } });
    await seedVoice(e2e.app, acme.workspaceId, { spanishAssignee: ines.body.id, englishTeam: null, endingOn: new Date().toISOString().slice(0, 10) });
  });
  after(() => e2e?.close());

  test('make a plan from a topic, write a progress note, see the team score change', async () => {
    const { page } = await loginEmployee(e2e.browser, e2e.base, acme.admin.email, PASSWORD, errors);
    await page.getByTestId('nav-topics').click();
    await page.getByRole('heading', { level: 1, name: 'De qué hablan los clientes' }).waitFor();
    const entrega = page.locator('[data-topic-id="es:entreg"]');
    await entrega.waitFor();
    assert.match(await entrega.innerText(), /Negativo −0,62/i);
    assert.match(await entrega.innerText(), /4 menciones/);
    await page.getByTestId('topics-trend').locator('.recharts-line').first().waitFor();
    // Three quotes on the card; all four mentions on demand, each linking to its conversation.
    await entrega.getByTestId('topic-all-mentions').click();
    await entrega.getByTestId('topic-mentions').getByRole('listitem').nth(3).waitFor();
    assert.equal(await entrega.getByTestId('topic-mentions').getByRole('link', { name: 'Abrir la conversación' }).count(), 4);

    await entrega.getByTestId('topic-create-plan').click();
    const form = entrega.getByTestId('plan-form');
    assert.equal(await form.getByTestId('plan-title').inputValue(), 'Actuar sobre «entrega»');
    await form.getByTestId('plan-save').click();
    await form.getByText('Obligatorio.').waitFor();
    await form.getByTestId('plan-team').selectOption({ label: 'Soporte' });
    await form.getByTestId('plan-save').click();
    await entrega.getByTestId('topic-plan-created').getByRole('link').click();
    await page.waitForURL(`**/action-plans/${teamId}`);

    // Survey part: CSAT 4 of 11 = 36.4 %; no plan progress yet; no texts in the 30 days before: no trend.
    // (50 × 0 + 20 × 36.4) / 70 = 10.4.
    const score = page.getByTestId('team-score-value');
    await score.and(page.getByText('10,4', { exact: true })).waitFor();
    const plan = page.getByTestId('plan-item').filter({ hasText: 'Actuar sobre «entrega»' });
    assert.match(await plan.innerText(), /Tema: entrega/);
    assert.deepEqual(await axeViolations(page), [], 'the action plans page has no WCAG A/AA violations');

    await plan.getByTestId('plan-notes-toggle').click();
    await plan.getByText('Aún no hay notas de avance.').waitFor();
    await plan.getByTestId('note-text').fill('Hablamos con la empresa de reparto: avisarán de cada retraso.');
    await plan.getByTestId('note-progress').fill('60');
    await plan.getByTestId('note-add').click();
    await plan.getByTestId('plan-notes').getByText('Hablamos con la empresa de reparto: avisarán de cada retraso.').waitFor();
    await plan.getByTestId('plan-progress').and(page.getByText('60 % hecho')).waitFor();
    // (50 × 60 + 20 × 36.4) / 70 = 53.3.
    await score.and(page.getByText('53,3', { exact: true })).waitFor();
    assert.match(await page.getByTestId('score-part-plans').innerText(), /60/);
    assert.deepEqual(errors, []);
  });
});
