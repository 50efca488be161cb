import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { signSurveyToken } from '../src/modules/surveys/survey-token.ts';
import { launchBrowser } from './support/browser.ts';
import { call, createTenant, visitor, type Tenant } from './support/api-client.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// The survey page on a phone: Chromium with a phone's viewport and touch, JavaScript off (a plain form).
let app: TestApp;
let browser: Browser;
let base: string;
let acme: Tenant;

// A sent survey for a fresh customer, made directly: the scheduling has its own tests.
async function surveyLink(kind: 'conversation' | 'exit', locale: 'es' | 'en', extra: unknown[] = []): Promise<{ url: string; surveyId: string }> {
  const v = await visitor(app, acme.publicKey, { locale });
  const response = await call(app, 'GET', '/api/surveys/settings', { session: acme.admin });
  const settings = { ...response.body.settings, questions: [...response.body.settings.questions, ...extra] };
  const expiresAt = new Date(Date.now() + 86_400_000);
  const survey = await app.ctx.db
    .insertInto('surveys')
    .values({ workspace_id: acme.workspaceId, kind, customer_id: v.customerId, status: 'sent', locale, questions: JSON.stringify(kind === 'exit' ? [] : settings.questions), due_at: new Date(), expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { url: `${base}/s/${signSurveyToken(app.ctx.secret, { surveyId: survey.id, expiresAt })}`, surveyId: survey.id };
}

before(async () => {
  app = await createTestApp('pglite');
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
  acme = await createTenant(app, 'Acme');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app.teardown();
});

const phone = () => browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, javaScriptEnabled: false });

test('on a phone without JavaScript: the questions fit the screen, a tap picks a score, sending shows thanks and stores the answer', async () => {
  const context = await phone();
  const page = await context.newPage();
  const { url, surveyId } = await surveyLink('conversation', 'en');
  await page.goto(url);
  await page.getByText('How much did we help you achieve what you needed?').waitFor();
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  assert.ok(width <= 360, `no sideways scrolling (content ${width}px wide)`);
  // Each score is a comfortable touch target.
  const box = await page.locator('.scale label').first().boundingBox();
  assert.ok(box && box.height >= 44 && box.width >= 40, `touch target ${JSON.stringify(box)}`);
  await page.screenshot({ path: process.env.SURVEY_SCREENSHOT ?? path.join(app.dataDir, 'survey-phone.png'), fullPage: true });

  await page.locator('.scale label', { hasText: '4' }).first().tap();
  await page.locator('textarea[name="helped"]').fill('Quick and kind');
  await page.getByRole('button', { name: 'Send' }).tap();
  await page.getByText('Thank you!').waitFor();
  const stored = await app.ctx.db.selectFrom('survey_responses').select(['csat', 'answers']).where('survey_id', '=', surveyId).executeTakeFirstOrThrow();
  assert.deepEqual(stored, { csat: 4, answers: { helped: 'Quick and kind' } });

  // The same link again: a clear page, not a form.
  const again = await page.goto(url);
  assert.equal(again?.status(), 409);
  assert.ok(await page.getByText('This survey has already been answered').isVisible());
  await context.close();
});

test('the exit survey on a phone, in Spanish: a reason is picked and the answer stored', async () => {
  const context = await phone();
  const page = await context.newPage();
  const { url, surveyId } = await surveyLink('exit', 'es');
  await page.goto(url);
  await page.getByText('¿Por qué nos dejas?').waitFor();
  await page.getByText('El precio').tap();
  await page.locator('textarea[name="text"]').fill('Demasiado caro para mí');
  await page.getByRole('button', { name: 'Enviar' }).tap();
  await page.getByText('¡Gracias!').waitFor();
  const stored = await app.ctx.db.selectFrom('survey_responses').select('answers').where('survey_id', '=', surveyId).executeTakeFirstOrThrow();
  assert.deepEqual(stored.answers, { reason: 'price', text: 'Demasiado caro para mí' });
  await context.close();
});

test('NPS (0–10) and CES (1–7) on a phone: every score a thumb-sized target, nothing off the screen', async () => {
  const context = await phone();
  const page = await context.newPage();
  const { suggestedQuestions } = (await call(app, 'GET', '/api/surveys/settings', { session: acme.admin })).body;
  const { url, surveyId } = await surveyLink('conversation', 'es', suggestedQuestions);
  await page.goto(url);
  await page.getByText('¿Qué probabilidad hay de que nos recomiendes a un amigo o colega?').waitFor();
  assert.ok((await page.evaluate<number>('document.documentElement.scrollWidth')) <= 360, 'no sideways scrolling');
  for (const name of ['nps', 'ces']) {
    const boxes = await page.locator(`.scale:has(input[name="${name}"]) label`).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height, right: r.right })));
    assert.equal(boxes.length, name === 'nps' ? 11 : 7);
    for (const b of boxes) assert.ok(b.w >= 40 && b.h >= 44 && b.right <= 360, `${name} target ${JSON.stringify(b)}`);
  }
  await page.screenshot({ path: process.env.SURVEY_SCREENSHOT_NPS ?? path.join(app.dataDir, 'survey-nps.png'), fullPage: true });
  await page.locator('.scale label', { hasText: '5' }).first().tap();
  await page.locator('.scale:has(input[name="nps"]) label', { hasText: '9' }).tap();
  await page.locator('.scale:has(input[name="ces"]) label', { hasText: '2' }).tap();
  await page.getByRole('button', { name: 'Enviar' }).tap();
  await page.getByText('¡Gracias!').waitFor();
  const stored = await app.ctx.db.selectFrom('survey_responses').select(['csat', 'nps', 'ces']).where('survey_id', '=', surveyId).executeTakeFirstOrThrow();
  assert.deepEqual(stored, { csat: 5, nps: 9, ces: 2 });
  await context.close();
});
