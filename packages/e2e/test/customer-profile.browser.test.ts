import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { addEmployee, bearer, call, createTenant, PASSWORD, startConversation, visitor, type Reply, type Tenant } from '../../server/test/support/api-client.ts';
import { backends, type TestApp } from '../../server/test/support/test-app.ts';
import { waitFor } from '../../server/test/support/wait-for.ts';
import { axeViolations } from './axe.ts';
import { loginEmployee } from './chat-pages.ts';
import { startE2e, type E2e } from './e2e-app.ts';

const backend = backends().includes('postgres') ? 'postgres' : 'pglite';

const ok = (res: Reply, status = 200) => {
  assert.equal(res.status, status, JSON.stringify(res.body));
  return res.body;
};

// Intl writes euros with a no-break space in Spanish.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe(`Customer 360 on the customer page in Chromium (${backend})`, () => {
  let e2e: E2e;
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let acme: Tenant;
  const errors: string[] = [];

  before(async () => {
    e2e = await startE2e({ backend });
    ({ app, browser, base } = e2e);
    acme = await createTenant(app, 'Acme Ficha');
  });
  after(() => e2e?.close());

  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown) => call(app, method, url, { session: acme.admin, ...(body === undefined ? {} : { body }) });

  // What the customer wrote on WhatsApp, as a channel adapter stores it (an employee asks, the customer answers 2 minutes later).
  async function whatsappConversation(customerId: string, answers: number): Promise<string> {
    const conv = await app.ctx.db.insertInto('conversations').values({ workspace_id: acme.workspaceId, customer_id: customerId, channel: 'whatsapp' }).returning('id').executeTakeFirstOrThrow();
    const start = Date.now() - 3 * 3_600_000;
    const asked = { direction: 'outbound', author_type: 'employee', author_id: acme.admin.employeeId, text: '¿En qué te ayudo?', created_at: new Date(start) } as const;
    const said = (i: number) =>
      ({ direction: 'inbound', author_type: 'customer', author_id: null, text: i === answers - 1 ? '¿Tenéis el casco en talla M?' : `Mensaje ${i + 1}`, created_at: new Date(start + 120_000 + i * 60_000) }) as const;
    const rows = [asked, ...Array.from({ length: answers }, (_, i) => said(i))];
    for (const r of rows) await app.ctx.db.insertInto('messages').values({ workspace_id: acme.workspaceId, conversation_id: conv.id, ...r }).execute();
    return conv.id;
  }

  const activityKinds = (page: Page) => page.getByTestId('activity-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));

  test('value and orders → a tag (and a refused one) → consent with its source → channel override → activity paged → all kept after a reload', async () => {
    const ines = ok(await api('POST', '/api/customers', { name: 'Inés Robles', email: 'ines.robles@example.com' }), 201);
    const orders = [
      { externalId: 'A-1', amount: 120, currency: 'EUR', at: '2026-03-01T10:00:00Z', description: 'Bicicleta urbana' },
      { externalId: 'A-2', amount: 80.5, currency: 'EUR', at: '2026-04-10T10:00:00Z', description: 'Casco' },
      { externalId: 'A-3', amount: 20, currency: 'EUR', at: '2026-04-12T10:00:00Z', kind: 'refund', description: 'Devolución del timbre' },
      { externalId: 'A-4', amount: 30, currency: 'USD', at: '2026-02-01T10:00:00Z', description: 'Guantes' },
    ];
    for (const o of orders) ok(await api('POST', `/api/customers/${ines.id}/orders`, o), 201);
    const conversationId = await whatsappConversation(ines.id, 26);
    // Marketing withdrawn long ago, older than the activity's first page: the consent history still shows it.
    ok(await api('PUT', `/api/customers/${ines.id}/consent`, { marketing: false, source: 'formulario' }));
    await sql`update customer_consents set at = '2026-01-15T10:00:00Z' where customer_id = ${ines.id}`.execute(app.ctx.db);

    const { page, context } = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    await page.goto(`${base}/customers/${ines.id}`);
    const value = page.getByTestId('profile-value');
    await value.getByTestId('value-lifetime').waitFor();
    assert.equal(plain(await value.getByTestId('value-lifetime').innerText()), '180,50 €', 'EUR is the main currency: 120 + 80,50 − 20');
    assert.equal(await value.getByTestId('value-orders').innerText(), '2');
    assert.match(await value.getByTestId('value-last-purchase').innerText(), /10 de abril de 2026/);
    assert.match(plain(await value.locator('[data-testid="value-currency"][data-currency="USD"]').innerText()), /USD\s+30,00 US\$\s+1/);
    await value.getByTestId('order-row').nth(3).waitFor();
    assert.deepEqual(await value.getByTestId('order-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-external-id'))), ['A-3', 'A-2', 'A-1', 'A-4']);

    // Tags: two at once, normalised like the server keeps them; one too long is refused next to the input.
    await page.getByTestId('tags-input').fill('VIP, Ciclismo urbano');
    await page.getByTestId('tags-add').click();
    await page.locator('[data-testid="tags-list"] [data-value="ciclismo urbano"]').waitFor();
    assert.equal(await page.getByTestId('tags-input').inputValue(), '');
    await page.getByTestId('tags-input').fill('x'.repeat(41));
    await page.getByTestId('tags-add').click();
    const refused = page.getByTestId('tags-error');
    await refused.waitFor();
    assert.match(await refused.innerText(), /40/);
    assert.equal(await page.getByTestId('tags-input').getAttribute('aria-invalid'), 'true');
    await page.getByTestId('tags-list').getByRole('button', { name: 'Quitar la etiqueta ciclismo urbano' }).click();
    await page.locator('[data-testid="tags-list"] [data-value="ciclismo urbano"]').waitFor({ state: 'detached' });
    await page.getByTestId('interests-input').fill('Montaña');
    await page.getByTestId('interests-add').click();
    await page.locator('[data-testid="interests-list"] [data-value="montaña"]').waitFor();
    const tagged = ok(await api('GET', `/api/customers/${ines.id}`));
    assert.deepEqual(tagged.tags, ['vip']);
    assert.deepEqual(tagged.interests, ['montaña']);

    // Consent: marketing given on a phone call; surveys stay never asked.
    const consent = page.getByTestId('profile-consent');
    assert.equal(await consent.getByTestId('consent-marketing').getAttribute('data-granted'), 'false');
    await consent.getByTestId('consent-marketing-box').check();
    await consent.getByTestId('consent-source').fill('llamada');
    await consent.getByTestId('consent-save').click();
    await consent.locator('[data-testid="consent-marketing"][data-granted="true"]').waitFor();
    assert.match(await consent.getByTestId('consent-marketing-state').innerText(), /^Dado .* · origen: llamada · por Acme Ficha Admin$/);
    assert.equal(await consent.getByTestId('consent-surveys-state').innerText(), 'Nunca preguntado');
    await consent.getByTestId('consent-history').locator('summary').click();
    await consent.locator('[data-testid="consent-entry"][data-purpose="marketing"][data-granted="true"]').waitFor();
    await consent.locator('[data-testid="consent-entry"][data-purpose="marketing"][data-granted="false"]').waitFor();
    assert.equal(await consent.getByTestId('consent-entry').count(), 2, 'the new consent and the old withdrawal');
    const consented = ok(await api('GET', `/api/customers/${ines.id}`)).consent;
    assert.deepEqual([consented.marketing.granted, consented.marketing.source, consented.surveys], [true, 'llamada', undefined]);

    // Preferred channel: learned from WhatsApp with the why, then chosen by the employee.
    const channel = page.getByTestId('profile-channel');
    assert.equal(await channel.getAttribute('data-source'), 'learned');
    assert.equal(await channel.getByTestId('channel-current').innerText(), 'whatsapp');
    assert.equal(plain(await channel.getByTestId('channel-why').innerText()), '100 % de sus mensajes, responde en 2 min (mediana)');
    await channel.getByTestId('channel-override').selectOption('email');
    await page.locator('[data-testid="profile-channel"][data-source="employee"][data-channel="email"]').waitFor();
    assert.equal(await channel.getByTestId('channel-source').innerText(), 'Elegido por una persona del equipo; el aprendido sería whatsapp.');
    assert.deepEqual(
      (({ channel: c, source }) => [c, source])(ok(await api('GET', `/api/customers/${ines.id}`)).preferredChannel),
      ['email', 'employee'],
    );

    // Activity: newest first, the consent on top, the customer's message links to its conversation; a second page.
    const activity = page.getByTestId('profile-activity');
    await activity.locator('[data-testid="activity-item"][data-kind="consent"]').waitFor();
    assert.equal(await activity.getByTestId('activity-item').count(), 25);
    assert.equal(await activity.locator('[data-testid="activity-item"][data-kind="consent"]').count(), 1, 'the old withdrawal is beyond the first page');
    assert.equal((await activityKinds(page))[0], 'consent');
    const question = activity.getByTestId('activity-item').filter({ hasText: '¿Tenéis el casco en talla M?' });
    assert.match(await question.innerText(), /Mensaje del cliente[\s\S]*por whatsapp/);
    assert.equal(await question.getByRole('link', { name: 'Abrir la conversación' }).getAttribute('href'), `/conversations/${conversationId}`);
    await activity.getByTestId('activity-more').click();
    await activity.getByTestId('activity-end').waitFor();
    const kinds = await activityKinds(page);
    assert.equal(kinds.length, 2 + 27 + 4, 'two consents, 27 messages, 4 orders');
    assert.deepEqual(kinds.slice(-5), ['order', 'order', 'order', 'order', 'consent'], 'the orders of February to April are older than the messages, the withdrawal of January older still');
    assert.match(await activity.getByTestId('activity-item').nth(28).innerText(), /Devolución de 20,00\s€[\s\S]*Devolución del timbre/);
    assert.deepEqual(await axeViolations(page), [], 'the customer 360 has no WCAG A/AA violations');

    // A reload reads it all back from the server.
    await page.reload();
    await page.locator('[data-testid="tags-list"] [data-value="vip"]').waitFor();
    assert.equal(await page.getByTestId('tags-list').getByTestId('chip').count(), 1);
    await page.locator('[data-testid="interests-list"] [data-value="montaña"]').waitFor();
    await page.locator('[data-testid="consent-marketing"][data-granted="true"]').waitFor();
    assert.equal(await page.getByTestId('consent-marketing-box').isChecked(), true);
    await page.locator('[data-testid="profile-channel"][data-source="employee"][data-channel="email"]').waitFor();
    assert.equal(await page.getByTestId('channel-override').inputValue(), 'email');

    // Back to the learned channel.
    await page.getByTestId('channel-override').selectOption({ label: 'Usar el aprendido' });
    await page.locator('[data-testid="profile-channel"][data-source="learned"][data-channel="whatsapp"]').waitFor();
    assert.equal(ok(await api('GET', `/api/customers/${ines.id}`)).preferredChannel.source, 'learned');
    assert.deepEqual(errors, [], 'no uncaught errors in the page');
    await context.close();
  });

  test('the mood of a customer who wrote from the widget shows on their page', async () => {
    const v = await visitor(app, acme.publicKey);
    const { conversation } = await startConversation(app, v, 'Estoy muy enfadado, el pedido llegó roto y nadie me contesta');
    const { page, context } = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    await page.goto(`${base}/customers/${v.customerId}`);
    const mood = page.getByTestId('profile-mood');
    await mood.locator('[data-testid="mood-current"][data-label="negative"]').waitFor({ timeout: 10_000 });
    await mood.locator('[data-testid="mood-sparkline"][data-points="1"]').waitFor();
    await page.getByTestId('profile-value').getByTestId('value-none').waitFor();
    await page.locator('[data-testid="activity-item"][data-kind="message"]').waitFor();
    // The customer writes again while the page is open: the message comes to the top of the activity live.
    const again = await call(app, 'POST', `/api/widget/conversations/${conversation.id}/messages`, { headers: bearer(v.token), body: { text: '¿Hay alguien ahí?', idempotencyKey: randomUUID() } });
    assert.equal(again.status, 201, JSON.stringify(again.body));
    await page.getByTestId('activity-item').first().filter({ hasText: '¿Hay alguien ahí?' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId('activity-item').count(), 2);
    assert.deepEqual(errors, []);
    await context.close();
  });
  test('an admin defines customer fields → the page edits company and each field by its type, a wrong one is named by its input, a deleted field stays read-only', async () => {
    const tenant = await createTenant(app, 'Acme Campos');
    const as = (method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) => call(app, method, url, { session: tenant.admin, ...(body === undefined ? {} : { body }) });
    const lucia = ok(await as('POST', '/api/customers', { name: 'Lucía Prado', attributes: { origen: 'feria' } }), 201);
    ok(await as('POST', '/api/customer-attributes', { key: 'renovacion', label: 'Renovación', type: 'date' }), 201);
    ok(await as('POST', '/api/customer-attributes', { key: 'newsletter', label: 'Boletín', type: 'boolean' }), 201);
    ok(await as('POST', '/api/customer-attributes', { key: 'sector', label: 'Sector', type: 'text', description: 'A qué se dedica la empresa' }), 201);

    // Two more from the admin section: a choice from a list and a number.
    const { page, context } = await loginEmployee(browser, base, tenant.admin.email, PASSWORD, errors);
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-nav-attributes').click();
    await page.getByRole('heading', { level: 1, name: 'Campos de cliente' }).waitFor();
    await page.locator('[data-testid="attribute-row"][data-key="sector"]').waitFor();
    await page.getByTestId('attribute-new-key').fill('plan');
    await page.getByTestId('attribute-new-label').fill('Plan');
    await page.getByTestId('attribute-new-type').selectOption('select');
    await page.getByTestId('attribute-new-options').fill('oro\nplata\n\nbronce');
    await page.getByTestId('attribute-create').click();
    await page.getByText('Campo «Plan» añadido.').waitFor();
    await page.getByTestId('attribute-new-key').fill('empleados');
    await page.getByTestId('attribute-new-label').fill('Empleados');
    await page.getByTestId('attribute-new-type').selectOption('number');
    await page.getByTestId('attribute-create').click();
    await page.locator('[data-testid="attribute-row"][data-key="empleados"]').waitFor();
    // A label changed in place; an option some customer might hold is the server's call.
    const planRow = page.locator('[data-testid="attribute-row"][data-key="plan"]');
    await planRow.getByTestId('attribute-label').fill('Plan contratado');
    await planRow.getByTestId('attribute-save').click();
    await page.locator('[data-testid="attribute-row"][data-key="plan"]').getByText('Guardado.').waitFor();
    // Order: the newest field moves up one place, before Plan; the first cannot go up, the last cannot go down.
    const rowKeys = () => page.getByTestId('attribute-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    assert.deepEqual(await rowKeys(), ['renovacion', 'newsletter', 'sector', 'plan', 'empleados']);
    assert.equal(await page.locator('[data-testid="attribute-row"][data-key="renovacion"]').getByTestId('attribute-up').isDisabled(), true);
    assert.equal(await page.locator('[data-testid="attribute-row"][data-key="empleados"]').getByTestId('attribute-down').isDisabled(), true);
    await page.getByRole('button', { name: 'Subir «Empleados»' }).click();
    await page.locator('[data-testid="attribute-row"]:last-child[data-key="plan"]').waitFor();
    assert.deepEqual(await rowKeys(), ['renovacion', 'newsletter', 'sector', 'empleados', 'plan']);
    assert.deepEqual(
      ok(await as('GET', '/api/customer-attributes')).items.map((d: { key: string }) => d.key),
      ['renovacion', 'newsletter', 'sector', 'empleados', 'plan'],
      'the order is stored',
    );
    assert.deepEqual(await axeViolations(page), [], 'the customer fields admin has no WCAG A/AA violations');
    const defined = ok(await as('GET', '/api/customer-attributes')).items.map((d: { key: string; label: string; type: string; options: string[] }) => [d.key, d.label, d.type, d.options]);
    assert.deepEqual(
      defined.find((d: unknown[]) => d[0] === 'plan'),
      ['plan', 'Plan contratado', 'select', ['oro', 'plata', 'bronce']],
    );
    assert.ok(defined.some((d: unknown[]) => d[0] === 'empleados' && d[2] === 'number'));

    // The customer page: each field with the input its type calls for.
    await page.goto(`${base}/customers/${lucia.id}`);
    const details = page.getByTestId('profile-details');
    await details.locator('[data-testid="details-attribute"][data-key="plan"]').waitFor();
    assert.deepEqual(
      await details.getByTestId('details-attribute').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key'))),
      ['renovacion', 'newsletter', 'sector', 'empleados', 'plan'],
      'the customer page shows the fields in the admin’s order',
    );
    assert.equal(await details.getByTestId('attribute-input-newsletter').getAttribute('type'), 'checkbox');
    assert.equal(await details.getByTestId('attribute-input-renovacion').getAttribute('type'), 'date');
    assert.equal(await details.getByTestId('attribute-input-plan').evaluate((el) => el.tagName), 'SELECT');
    assert.equal(await details.getByLabel('Plan contratado').count(), 1, 'each input is labelled by its field');
    assert.match(await details.getByTestId('details-legacy').innerText(), /origen\s+feria/);
    await details.getByTestId('details-company').fill('Bicis Prado SL');
    await details.getByTestId('attribute-input-plan').selectOption('plata');
    await details.getByTestId('attribute-input-empleados').fill('doce');
    await details.getByTestId('attribute-input-renovacion').fill('2027-01-31');
    await details.getByTestId('attribute-input-newsletter').check();
    await details.getByTestId('attribute-input-sector').fill('retail');
    await details.getByTestId('details-save').click();
    const wrong = details.locator('[data-testid="details-field-error"][data-field="attributes.empleados"]');
    await wrong.waitFor();
    assert.match(await wrong.innerText(), /number/);
    assert.equal(await details.getByTestId('attribute-input-empleados').getAttribute('aria-invalid'), 'true');
    assert.equal(ok(await as('GET', `/api/customers/${lucia.id}`)).company, null, 'nothing is saved while one value is wrong');
    await details.getByTestId('attribute-input-empleados').fill('12');
    await details.getByTestId('details-save').click();
    await details.getByText('Guardado.').waitFor();
    const saved = ok(await as('GET', `/api/customers/${lucia.id}`));
    assert.equal(saved.company, 'Bicis Prado SL');
    assert.deepEqual(saved.attributes, { origen: 'feria', plan: 'plata', empleados: 12, renovacion: '2027-01-31', newsletter: true, sector: 'retail' });

    // Cleared: the key is removed, the others stay.
    await details.getByTestId('attribute-input-plan').selectOption('');
    await details.getByTestId('details-save').click();
    await waitFor(async () => !('plan' in ok(await as('GET', `/api/customers/${lucia.id}`)).attributes), 'plan removed');

    // A deleted field: its value stays on the customer, shown read-only after a reload.
    assert.equal((await as('DELETE', '/api/customer-attributes/sector')).status, 204);
    await page.reload();
    const legacy = page.getByTestId('details-legacy');
    await legacy.waitFor();
    assert.match(await legacy.innerText(), /sector\s+retail/);
    assert.equal(await page.getByTestId('attribute-input-sector').count(), 0);
    assert.equal(await page.getByTestId('details-company').inputValue(), 'Bicis Prado SL');
    assert.equal(await page.getByTestId('attribute-input-empleados').inputValue(), '12');
    assert.equal(await page.getByTestId('attribute-input-newsletter').isChecked(), true);
    assert.equal(await page.getByTestId('attribute-input-renovacion').inputValue(), '2027-01-31');
    // Nobody wrote yet: no motivation to tell.
    await page.locator('[data-testid="motivation-current"][data-motivation=""]').filter({ hasText: 'Aún no hay bastante para saberlo' }).waitFor();
    await context.close();

    // An agent edits the details too (only defining fields is for admins).
    const agent = await addEmployee(app, tenant, 'agent');
    const other = await loginEmployee(browser, base, agent.email, PASSWORD, errors);
    await other.page.goto(`${base}/customers/${lucia.id}`);
    await other.page.getByTestId('attribute-input-empleados').fill('15');
    await other.page.getByTestId('details-save').click();
    await other.page.getByTestId('profile-details').getByText('Guardado.').waitFor();
    assert.equal(ok(await as('GET', `/api/customers/${lucia.id}`)).attributes.empleados, 15);
    assert.equal((await call(app, 'POST', '/api/customer-attributes', { session: agent, body: { key: 'x', label: 'X', type: 'text' } })).status, 403);
    assert.deepEqual(errors, []);
    await other.context.close();
  });

  test('the buying motivation: inferred with the quoted messages as its reason, overridden with a note, then back to the inferred one', async () => {
    const pablo = ok(await api('POST', '/api/customers', { name: 'Pablo Ferrer' }), 201);
    const conv = await app.ctx.db.insertInto('conversations').values({ workspace_id: acme.workspaceId, customer_id: pablo.id, channel: 'email' }).returning('id').executeTakeFirstOrThrow();
    const texts = ['¿Me pasáis la ficha técnica del modelo E-200?', '¿Es compatible con carga USB-C y cuál es su consumo eléctrico?'];
    for (const [i, text] of texts.entries()) {
      await app.ctx.db.insertInto('messages').values({ workspace_id: acme.workspaceId, conversation_id: conv.id, direction: 'inbound', author_type: 'customer', text, created_at: new Date(Date.now() - (10 - i) * 60_000) }).execute();
    }
    const { page, context } = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    await page.getByTestId('language-switch').selectOption('en');
    await page.goto(`${base}/customers/${pablo.id}`);
    const card = page.getByTestId('profile-motivation');
    const current = card.getByTestId('motivation-current');
    await card.locator('[data-testid="motivation-current"][data-motivation="technical"][data-source="inferred"]').waitFor();
    assert.equal(await current.innerText(), 'Focuses on technical details');
    assert.equal(await card.getByTestId('motivation-source').innerText(), 'Inferred from 2 messages.');
    const reasons = card.getByTestId('motivation-reason');
    assert.equal(await reasons.count(), 2);
    assert.match(await reasons.first().innerText(), /Said “[^”]+”[\s\S]*“¿Es compatible con carga USB-C y cuál es su consumo eléctrico\?”/);
    assert.equal(await reasons.first().getByRole('link').getAttribute('href'), `/conversations/${conv.id}`);

    await card.getByTestId('motivation-select').selectOption('relationship');
    await card.getByTestId('motivation-note-input').fill('Buys from us since 2019');
    await card.getByTestId('motivation-save').click();
    await card.locator('[data-testid="motivation-current"][data-motivation="relationship"][data-source="employee"]').waitFor();
    assert.equal(await current.innerText(), 'Seeks a lasting relationship');
    assert.match(await card.getByTestId('motivation-source').innerText(), /^Chosen by Acme Ficha Admin /);
    assert.equal(await card.getByTestId('motivation-note').innerText(), 'Buys from us since 2019');
    assert.equal(await card.getByTestId('motivation-inferred').innerText(), 'The conversations suggest: focuses on technical details.');
    const chosen = ok(await api('GET', `/api/customers/${pablo.id}/motivation`));
    assert.deepEqual([chosen.motivation, chosen.source, chosen.note, chosen.chosenBy], ['relationship', 'employee', 'Buys from us since 2019', acme.admin.employeeId]);
    assert.deepEqual(await axeViolations(page), [], 'the motivation card has no WCAG A/AA violations');

    await page.reload();
    await page.locator('[data-testid="motivation-current"][data-motivation="relationship"][data-source="employee"]').waitFor();
    assert.equal(await page.getByTestId('motivation-select').inputValue(), 'relationship');
    await page.getByTestId('motivation-select').selectOption({ label: 'Use the inferred one' });
    await page.getByTestId('motivation-save').click();
    await page.locator('[data-testid="motivation-current"][data-motivation="technical"][data-source="inferred"]').waitFor();
    assert.equal(ok(await api('GET', `/api/customers/${pablo.id}/motivation`)).source, 'inferred');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
