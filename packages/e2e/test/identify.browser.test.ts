import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../server/test/support/browser.ts';
import { createTestApp, type TestApp } from '../../server/test/support/test-app.ts';
import { createTenant, type Tenant } from '../../server/test/support/api-client.ts';
import { openVisitor, openWidget, widgetMessages, widgetSend } from './chat-pages.ts';

// A customer's own website on another origin: it loads widget.js from Vínculo and vouches for its
// signed-in user with Vinculo.identify, queued before the script has loaded.
function shopPage(widgetSrc: string, key: string, identity: Record<string, string> | null): string {
  const queue = identity ? `window.Vinculo = window.Vinculo || { q: [] }; Vinculo.q.push(['identify', ${JSON.stringify(identity)}]);` : '';
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>Mi cuenta</h1><script>${queue}</script><script src="${widgetSrc}" data-workspace="${key}" async></script></body></html>`;
}

describe('Vinculo.identify on a site of another origin', () => {
  let app: TestApp;
  let browser: Browser;
  let acme: Tenant;
  let vinculo: string;
  let shop: http.Server;
  let shopUrl: string;
  let identity: Record<string, string> | null = null;
  const errors: string[] = [];

  before(async () => {
    app = await createTestApp('pglite');
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    vinculo = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
    acme = await createTenant(app, 'Acme Identify');
    shop = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(shopPage(`${vinculo}/widget.js`, acme.publicKey, identity)));
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    // "localhost" vs "127.0.0.1": a different origin, so every widget call is cross-origin.
    shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => shop?.close(resolve));
    await app?.teardown();
  });

  test('a verified user keeps one conversation across devices; a forged hash stays anonymous', async () => {
    const userHash = createHmac('sha256', acme.identitySecret).update('user-42').digest('hex');
    identity = { userId: 'user-42', userHash, name: 'Ana Torres', email: 'ana@example.com' };
    const laptop = await openVisitor(browser, shopUrl, errors);
    await openWidget(laptop.page);
    await widgetSend(laptop.page, 'Escribo desde el portátil');
    await widgetMessages(laptop.page).filter({ hasText: 'desde el portátil' }).and(laptop.page.locator('[data-pending="false"]')).waitFor();

    const customer = await app.ctx.db
      .selectFrom('customer_identities')
      .innerJoin('customers', 'customers.id', 'customer_identities.customer_id')
      .select(['customers.id', 'customers.name', 'customer_identities.verified'])
      .where('customer_identities.workspace_id', '=', acme.workspaceId)
      .where('customer_identities.channel', '=', 'web')
      .where('customer_identities.external_id', '=', 'user-42')
      .executeTakeFirstOrThrow();
    assert.equal(customer.verified, true);
    assert.equal(customer.name, 'Ana Torres');

    // Another browser (no shared storage): the same user sees the same conversation.
    const phone = await openVisitor(browser, shopUrl, errors);
    await openWidget(phone.page);
    await widgetMessages(phone.page).filter({ hasText: 'desde el portátil' }).waitFor({ timeout: 10_000 });

    // Someone who forges the hash gets an anonymous visitor and none of Ana's messages.
    identity = { userId: 'user-42', userHash: 'f'.repeat(64) };
    const intruder = await openVisitor(browser, shopUrl, errors);
    await openWidget(intruder.page);
    await widgetSend(intruder.page, 'Soy otra persona');
    await widgetMessages(intruder.page).filter({ hasText: 'otra persona' }).and(intruder.page.locator('[data-pending="false"]')).waitFor();
    assert.equal(await widgetMessages(intruder.page).filter({ hasText: 'desde el portátil' }).count(), 0);
    const conversations = await app.ctx.db.selectFrom('conversations').select('customer_id').where('workspace_id', '=', acme.workspaceId).execute();
    assert.equal(conversations.length, 2);
    assert.equal(conversations.filter((c) => c.customer_id === customer.id).length, 1);
    for (const v of [laptop, phone, intruder]) await v.context.close();
    assert.deepEqual(errors, []);
  });
});
