import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { call, createTenant, PASSWORD, startConversation, visitor, type Reply, type Tenant } from '../../server/test/support/api-client.ts';
import { backends, type TestApp } from '../../server/test/support/test-app.ts';
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
    assert.equal(await consent.getByTestId('consent-marketing').getAttribute('data-granted'), 'never');
    await consent.getByTestId('consent-marketing-box').check();
    await consent.getByTestId('consent-source').fill('llamada');
    await consent.getByTestId('consent-save').click();
    await consent.locator('[data-testid="consent-marketing"][data-granted="true"]').waitFor();
    assert.match(await consent.getByTestId('consent-marketing-state').innerText(), /^Dado .* · origen: llamada · por Acme Ficha Admin$/);
    assert.equal(await consent.getByTestId('consent-surveys-state').innerText(), 'Nunca preguntado');
    await consent.getByTestId('consent-history').locator('summary').click();
    await consent.locator('[data-testid="consent-entry"][data-purpose="marketing"][data-granted="true"]').waitFor();
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
    assert.equal((await activityKinds(page))[0], 'consent');
    const question = activity.getByTestId('activity-item').filter({ hasText: '¿Tenéis el casco en talla M?' });
    assert.match(await question.innerText(), /Mensaje del cliente[\s\S]*por whatsapp/);
    assert.equal(await question.getByRole('link', { name: 'Abrir la conversación' }).getAttribute('href'), `/conversations/${conversationId}`);
    await activity.getByTestId('activity-more').click();
    await activity.getByTestId('activity-end').waitFor();
    const kinds = await activityKinds(page);
    assert.equal(kinds.length, 1 + 27 + 4, 'consent, 27 messages, 4 orders');
    assert.deepEqual(kinds.slice(-4), ['order', 'order', 'order', 'order'], 'the orders of March and April are older than the messages');
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
    await startConversation(app, v, 'Estoy muy enfadado, el pedido llegó roto y nadie me contesta');
    const { page, context } = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    await page.goto(`${base}/customers/${v.customerId}`);
    const mood = page.getByTestId('profile-mood');
    await mood.locator('[data-testid="mood-current"][data-label="negative"]').waitFor({ timeout: 10_000 });
    await mood.locator('[data-testid="mood-sparkline"][data-points="1"]').waitFor();
    await page.getByTestId('profile-value').getByTestId('value-none').waitFor();
    await page.locator('[data-testid="activity-item"][data-kind="message"]').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});
