import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../../server/test/support/test-app.ts';
import { startE2e, type E2e } from './e2e-app.ts';
import { addEmployee, call, createTenant, PASSWORD, type Tenant } from '../../server/test/support/api-client.ts';
import { appMessages, inboxItems, loginEmployee, openVisitor, openWidget, pendingIn, widgetMessages, widgetSend } from './chat-pages.ts';
import { axeViolations } from './axe.ts';
import { waitFor } from '../../server/test/support/wait-for.ts';

// Screenshots for the README are refreshed with VINCULO_SCREENSHOTS_DIR=docs (see README).
const screenshotDir = process.env.VINCULO_SCREENSHOTS_DIR;

const NEUTRAL = 'Hola, tengo una consulta sobre mi factura de marzo';
const ANGRY = 'Estoy harto, es la tercera vez que me cobráis de más y nadie me contesta';
const THANKS = ['¡Muchas gracias! Ya está resuelto, sois geniales', 'Perfecto, mil gracias, estoy muy contenta'];

describe('Emotion in the web app in Chromium (pglite)', () => {
  let e2e: E2e;
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let acme: Tenant;
  const errors: string[] = [];

  before(async () => {
    e2e = await startE2e();
    ({ app, browser, base } = e2e);
    acme = await createTenant(app, 'Acme Emoción');
  });
  after(() => e2e?.close());

  test('an angry message is badged live with its cues, the mood follows the customer, a correction is shown to everyone and stored, the visitor sees none of it', async () => {
    const visitor = await openVisitor(browser, `${base}/demo?workspace=${acme.publicKey}`, errors);
    // Everything the widget receives, to prove no emotion reaches the customer.
    const received: Promise<string>[] = [];
    visitor.page.on('response', (r) => {
      if (r.url().includes('/api/') && (r.headers()['content-type'] ?? '').includes('json')) received.push(r.text().catch(() => ''));
    });
    visitor.page.on('websocket', (ws) => ws.on('framereceived', (f) => received.push(Promise.resolve(String(f.payload)))));

    const employee = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    const page = employee.page;

    await openWidget(visitor.page);
    await visitor.page.getByTestId('vinculo-name').fill('Marta Gil');
    await visitor.page.getByTestId('vinculo-email').fill('marta.gil@example.com');
    await visitor.page.getByTestId('vinculo-contact-save').click();
    await widgetSend(visitor.page, NEUTRAL);
    await pendingIn(visitor.page).first().waitFor({ state: 'detached', timeout: 10_000 });

    await inboxItems(page).first().waitFor({ timeout: 10_000 });
    await inboxItems(page).first().click();
    await appMessages(page).filter({ hasText: 'consulta sobre mi factura' }).waitFor();
    const neutralBadge = appMessages(page).filter({ hasText: 'consulta sobre mi factura' }).getByTestId('emotion-badge');
    await neutralBadge.waitFor();
    assert.equal(await neutralBadge.getAttribute('data-emotion'), 'neutral');
    assert.equal(await neutralBadge.getAttribute('data-alert'), 'false');
    await page.locator('[data-testid="mood-current"][data-label="neutral"]').waitFor({ timeout: 10_000 });

    // The angry message arrives over the socket with its badge, an alert, and the inbox row marked.
    await widgetSend(visitor.page, ANGRY);
    const angryMessage = appMessages(page).filter({ hasText: 'tercera vez' });
    const angryBadge = angryMessage.getByTestId('emotion-badge');
    await angryBadge.waitFor({ timeout: 10_000 });
    assert.ok(['anger', 'disgust'].includes((await angryBadge.getAttribute('data-emotion')) ?? ''), 'read as anger');
    assert.equal(await angryBadge.getAttribute('data-alert'), 'true');
    assert.match(await angryBadge.innerText(), /Enfado|Asco/);
    await inboxItems(page).first().getByTestId('inbox-alert').waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId('emotion-badge').count(), 2, 'one badge per customer message, none on replies');

    // Cues: a keyboard user gets them on focus, Escape hides them, Enter keeps them open.
    const cues = angryMessage.getByTestId('emotion-cues');
    assert.equal(await cues.isVisible(), false);
    await page.keyboard.press('Shift');
    await angryBadge.focus();
    await cues.waitFor();
    assert.equal(await angryBadge.getAttribute('aria-expanded'), 'true');
    assert.ok((await cues.getByTestId('emotion-cue').count()) >= 1, 'at least one cue says why');
    assert.match(await cues.innerText(), /harto|tercera vez|nadie me contesta/);
    const describedBy = await angryBadge.getAttribute('aria-describedby');
    assert.equal(describedBy, await cues.getAttribute('id'), 'the cues describe the badge');
    await page.keyboard.press('Escape');
    await cues.waitFor({ state: 'hidden' });
    assert.equal(await angryBadge.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'emotion-badge', 'focus stays on the badge');
    await page.keyboard.press('Enter');
    await cues.waitFor();
    await page.keyboard.press('Escape');
    await cues.waitFor({ state: 'hidden' });
    // And a mouse user on hover.
    await page.getByTestId('reply-input').focus();
    await angryBadge.hover();
    await cues.waitFor();
    await page.getByTestId('customer-panel').hover();
    await cues.waitFor({ state: 'hidden' });

    // The customer panel: a negative mood that is getting worse, two points so far.
    const negative = page.locator('[data-testid="mood-current"][data-label="negative"]');
    await negative.waitFor({ timeout: 10_000 });
    assert.equal(await negative.getAttribute('data-trend'), 'worsening');
    const sparkline = page.getByTestId('mood-sparkline');
    await page.locator('[data-testid="mood-sparkline"][data-points="2"]').waitFor({ timeout: 10_000 });
    assert.match((await sparkline.locator('svg[role="img"]').getAttribute('aria-label')) ?? '', /^Ánimo: negativo, empeorando; 2 mensajes$/);

    // Thanks from the visitor: the mood turns round live, with more points.
    for (const text of THANKS) await widgetSend(visitor.page, text);
    await appMessages(page).filter({ hasText: 'mil gracias' }).getByTestId('emotion-badge').waitFor({ timeout: 10_000 });
    const positive = page.locator('[data-testid="mood-current"][data-label="positive"][data-trend="improving"]');
    await positive.waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="mood-sparkline"][data-points="4"]').waitFor({ timeout: 10_000 });
    assert.equal(await appMessages(page).filter({ hasText: 'mil gracias' }).getByTestId('emotion-badge').getAttribute('data-emotion'), 'joy');
    await inboxItems(page).first().getByTestId('inbox-alert').waitFor({ state: 'detached', timeout: 10_000 });
    await inboxItems(page).first().locator('[data-testid="inbox-mood"][data-label="positive"]').waitFor({ timeout: 10_000 });

    if (screenshotDir) {
      await angryBadge.click();
      await cues.waitFor();
      await page.screenshot({ path: path.join(screenshotDir, 'web-app-emotion.png') });
      await angryBadge.click();
      await cues.waitFor({ state: 'hidden' });
    }

    // The employee corrects the angry message from its details: the badge changes at once, and it is stored.
    await angryBadge.click();
    await cues.waitFor();
    await angryMessage.getByTestId('emotion-correct').selectOption('sadness');
    await angryMessage.locator('[data-testid="emotion-badge"][data-emotion="sadness"][data-corrected="true"]').waitFor({ timeout: 5_000 });
    assert.match(await angryBadge.innerText(), /Tristeza/);
    await angryMessage.getByTestId('emotion-corrected').waitFor();
    assert.match(await angryMessage.getByTestId('emotion-corrected').innerText(), /Corregida por una persona/);
    const angryId = (await angryMessage.getAttribute('data-message-id'))!;
    const stored = await waitFor(
      () => app.ctx.db.selectFrom('emotion_corrections').selectAll().where('message_id', '=', angryId).executeTakeFirst(),
      'the stored correction',
    );
    assert.equal(stored.emotion, 'sadness');
    assert.equal(stored.polarity, 'negative');
    assert.ok(['anger', 'disgust'].includes(stored.predicted_emotion));
    assert.equal(stored.employee_id, acme.admin.employeeId);
    await page.getByTestId('customer-panel').click();

    // A colleague corrects another message: it shows here without a reload.
    const colleague = await addEmployee(app, acme, 'agent');
    const neutralId = (await appMessages(page).filter({ hasText: 'consulta sobre mi factura' }).getAttribute('data-message-id'))!;
    const put = await call(app, 'PUT', `/api/messages/${neutralId}/emotion`, { session: colleague, body: { emotion: 'fear' } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    await page.locator(`[data-message-id="${neutralId}"] [data-testid="emotion-badge"][data-emotion="fear"]`).waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="mood-sparkline"][data-points="4"]').waitFor();

    // With the details open, the page still has no WCAG A/AA violations.
    await angryBadge.click();
    await cues.waitFor();
    assert.deepEqual(await axeViolations(page), [], 'conversation with emotion details open');

    // The visitor's side: no badge, no label, and not a byte of the reading on the wire.
    await widgetMessages(visitor.page).filter({ hasText: 'mil gracias' }).waitFor();
    assert.equal(await visitor.page.getByTestId('emotion-badge').count(), 0);
    const widgetText = await visitor.page.getByTestId('vinculo-panel').innerText();
    for (const word of ['Enfado', 'Tristeza', 'Alegría', 'Ánimo', '😠']) assert.ok(!widgetText.includes(word), `the widget shows "${word}"`);
    const bodies = await Promise.all(received);
    assert.ok(bodies.length > 0, 'the widget talked to the server');
    assert.deepEqual(bodies.filter((b) => /"emotion"|"mood"|"cues"/.test(b)), [], 'no emotion in what the widget receives');

    assert.deepEqual([...visitor.dialogs, ...employee.dialogs], []);
    await visitor.context.close();
    await employee.context.close();
  });

  test('no page errors', () => assert.deepEqual(errors, []));
});

