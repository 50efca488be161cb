import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call, createTenant, type Tenant } from './support/api-client.ts';

describe('Served pages: web app, widget.js, demo page, widget CORS', () => {
  let app: TestApp;
  let acme: Tenant;
  before(async () => {
    app = await createTestApp('pglite');
    acme = await createTenant(app, 'Acme <b>Shop</b>');
  });
  after(() => app.teardown());

  test('the web app is served at / and for deep links; unknown /api paths stay JSON 404s', async () => {
    for (const url of ['/', '/conversations/123', '/admin/widget']) {
      const res = await app.server.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.match(res.body, /<div id="root">/);
    }
    const api = await app.server.inject({ method: 'GET', url: '/api/nope' });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'not_found');
    const asset = await app.server.inject({ method: 'GET', url: '/assets/missing-abc123.js' });
    assert.equal(asset.statusCode, 404);
    const traversal = await app.server.inject({ method: 'GET', url: '/..%2f..%2fpackage.json' });
    assert.doesNotMatch(traversal.body, /"workspaces"/);
    const malformed = await app.server.inject({ method: 'GET', url: '/%E0%A4%A' });
    assert.equal(malformed.statusCode, 400);
  });

  test('/widget.js is the built widget, served as JavaScript', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/widget.js' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /javascript/);
    assert.ok(res.body.length > 1000);
    // The budget from the issue: every customer site downloads this file.
    const gzipped = gzipSync(res.rawPayload, { level: 9 }).length;
    assert.ok(gzipped <= 60 * 1024, `widget.js is ${gzipped} bytes gzipped; the budget is 60 KB`);
    const compressed = await app.server.inject({ method: 'GET', url: '/widget.js', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(compressed.headers['content-encoding'], 'gzip', 'served compressed to browsers that accept it');
  });

  test('/demo embeds the widget for the chosen workspace and escapes its name', async () => {
    const res = await app.server.inject({ method: 'GET', url: `/demo?workspace=${acme.publicKey}&lang=en` });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(`<script src="/widget.js" data-workspace="${acme.publicKey}" async></script>`));
    assert.match(res.body, /Acme &#60;b&#62;Shop&#60;\/b&#62;/);
    assert.doesNotMatch(res.body, /<b>Shop<\/b>/);
    const unknown = await app.server.inject({ method: 'GET', url: '/demo?workspace=nope' });
    assert.equal(unknown.statusCode, 404);
  });

  test('the widget config is public and CORS-enabled; employee endpoints are not', async () => {
    const patch = await call(app, 'PATCH', '/api/workspace', { session: acme.admin, body: { settings: { widgetColor: '#1f7a6d', greeting: { es: 'Hola', en: 'Hi' } } } });
    assert.equal(patch.status, 200);
    const res = await app.server.inject({ method: 'GET', url: `/api/widget/config?workspace=${acme.publicKey}`, headers: { origin: 'https://shop.example' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.deepEqual(res.json().settings.greeting, { es: 'Hola', en: 'Hi' });
    assert.equal(res.json().identitySecret, undefined);
    const missing = await call(app, 'GET', '/api/widget/config');
    assert.equal(missing.status, 400);
    const preflight = await app.server.inject({
      method: 'OPTIONS',
      url: '/api/widget/session',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    const employee = await app.server.inject({ method: 'GET', url: '/api/conversations', headers: { origin: 'https://evil.example', cookie: acme.admin.cookie } });
    assert.equal(employee.headers['access-control-allow-origin'], undefined);
  });
});
