import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../server/test/support/browser.ts';
import { createTestApp, type Backend, type TestApp } from '../../server/test/support/test-app.ts';

export type E2e = { app: TestApp; browser: Browser; base: string; close: () => Promise<void> };

// A Vínculo server on a free port and a Chromium to drive it: what every end-to-end suite starts with.
export async function startE2e(opts: { backend?: Backend; browserFlags?: string[]; env?: Record<string, string> } = {}): Promise<E2e> {
  const app = await createTestApp(opts.backend ?? 'pglite', opts.env);
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
  const browser = await launchBrowser(opts.browserFlags);
  return {
    app,
    browser,
    base,
    close: async () => {
      await browser.close();
      await app.teardown();
    },
  };
}
