import assert from 'node:assert/strict';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// The API reference is what integrators read first: check it renders in a real browser.
let app: TestApp;
let browser: Browser;
let base: string;
before(async () => {
  app = await createTestApp('pglite');
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app.teardown();
});

test('the API docs page renders the OpenAPI document in Chromium, with try-it-out forms', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${base}/api/docs/`);
  await page.getByText('Vínculo API').first().waitFor({ timeout: 15_000 });
  const tags = await page.locator('.opblock-tag').allInnerTexts();
  for (const tag of ['conversations', 'messages', 'customers', 'widget', 'auth']) {
    assert.ok(tags.some((t) => t.toLowerCase().startsWith(tag)), `tag ${tag} shown (got ${tags.join(', ')})`);
  }
  // WebSockets are outside OpenAPI 3.0; the description points to the protocol instead.
  assert.ok(await page.getByText('/api/realtime').first().isVisible());
  await page.locator('.opblock-summary-path', { hasText: '/api/auth/login' }).first().click();
  await page.getByRole('button', { name: 'Try it out' }).first().waitFor();
  await page.screenshot({ path: path.join(app.dataDir, 'api-docs.png'), fullPage: false });
  assert.deepEqual(errors, []);
  await page.close();
});
