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
  // Swagger UI renders only the tag sections near the viewport: scroll through and collect them.
  const seen = new Set<string>();
  for (let step = 0; step < 200; step++) {
    for (const text of await page.locator('.opblock-tag').allInnerTexts()) seen.add(text.toLowerCase());
    // A string, as this package type-checks without the DOM library.
    const atEnd = await page.evaluate<boolean>(
      '(() => { window.scrollBy(0, window.innerHeight / 2); return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2; })()',
    );
    await page.waitForTimeout(50);
    if (atEnd && step > 0) break;
  }
  for (const text of await page.locator('.opblock-tag').allInnerTexts()) seen.add(text.toLowerCase());
  for (const tag of ['conversations', 'messages', 'customers', 'widget', 'auth', 'calls', 'channels']) {
    assert.ok([...seen].some((t) => t.startsWith(tag)), `tag ${tag} shown (got ${[...seen].join(', ')})`);
  }
  await page.evaluate('window.scrollTo(0, 0)');
  // WebSockets are outside OpenAPI 3.0; the description points to the protocol instead.
  assert.ok(await page.getByText('/api/realtime').first().isVisible());
  await page.locator('.opblock-summary-path', { hasText: '/api/auth/login' }).first().click();
  await page.getByRole('button', { name: 'Try it out' }).first().waitFor();
  await page.screenshot({ path: path.join(app.dataDir, 'api-docs.png'), fullPage: false });
  assert.deepEqual(errors, []);
  await page.close();
});
