import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { scheduledScans } from '../src/modules/customers/duplicate-scan.service.ts';
import { addEmployee, call, createTenant, type Session, type Tenant } from './support/api-client.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';

for (const backend of backends()) {
  describe(`customer attributes, company, buying motivation, merged tags and scheduled duplicate scans (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    let beta: Tenant;
    let agent: Session;

    const newCustomer = async (body: Record<string, unknown>, session?: Session) => {
      const res = await call(app, 'POST', '/api/customers', { session: session ?? acme.admin, body });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as string;
    };
    const define = (body: Record<string, unknown>, session?: Session) => call(app, 'POST', '/api/customer-attributes', { session: session ?? acme.admin, body });
    const patch = (id: string, body: Record<string, unknown>) => call(app, 'PATCH', `/api/customers/${id}`, { session: acme.admin, body });
    const stored = async (id: string) => (await app.ctx.db.selectFrom('customers').select(['attributes', 'company', 'tags', 'interests']).where('id', '=', id).executeTakeFirstOrThrow());

    before(async () => {
      app = await createTestApp(backend);
      acme = await createTenant(app, 'Acme');
      beta = await createTenant(app, 'Beta');
      agent = await addEmployee(app, acme, 'agent');
    });
    after(() => app.teardown());

    test('admins define typed attributes; bad definitions and non-admins are refused with the reason', async () => {
      assert.equal((await define({ key: 'plan', label: 'Plan', type: 'select', options: ['basic', 'pro'] })).status, 201);
      assert.equal((await define({ key: 'seats', label: 'Seats', type: 'number' })).status, 201);
      assert.equal((await define({ key: 'contract_end', label: 'Contract ends', type: 'date' })).status, 201);
      assert.equal((await define({ key: 'reseller', label: 'Reseller', type: 'boolean' })).status, 201);

      const dup = await define({ key: 'plan', label: 'Plan again', type: 'text' });
      assert.equal(dup.status, 409);
      assert.match(dup.body.error.message, /plan is already defined/);
      const noOptions = await define({ key: 'tier', label: 'Tier', type: 'select' });
      assert.equal(noOptions.status, 400);
      assert.match(noOptions.body.error.message, /needs its options/);
      const badKey = await define({ key: 'Bad Key', label: 'x', type: 'text' });
      assert.equal(badKey.status, 400);
      assert.match(JSON.stringify(badKey.body.error), /lower-case letters/);
      assert.equal((await define({ key: 'vip', label: 'VIP', type: 'boolean' }, agent)).status, 403);

      const list = await call(app, 'GET', '/api/customer-attributes', { session: agent });
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.items.map((d: { key: string }) => d.key), ['plan', 'seats', 'contract_end', 'reseller'], 'in the order defined');
      const other = await call(app, 'GET', '/api/customer-attributes', { session: beta.admin });
      assert.deepEqual(other.body.items, [], 'another workspace sees none of them');
    });

    test('admins put the attributes in order at once; an order that misses or invents a key is refused, naming it', async () => {
      const keys = async () => (await call(app, 'GET', '/api/customer-attributes', { session: agent })).body.items.map((d: { key: string }) => d.key);
      const before = await keys();
      assert.ok(before.length >= 4);
      const order = (body: unknown, session = acme.admin) => call(app, 'PUT', '/api/customer-attributes/order', { session, body });
      const wanted = [...before].reverse();
      const moved = await order({ keys: wanted });
      assert.equal(moved.status, 200);
      assert.deepEqual(moved.body.items.map((d: { key: string }) => d.key), wanted);
      assert.deepEqual(moved.body.items.map((d: { position: number }) => d.position), wanted.map((_, i) => i));
      assert.deepEqual(await keys(), wanted, 'every reader sees the new order');

      const missing = await order({ keys: wanted.slice(1) });
      assert.equal(missing.status, 400);
      assert.match(missing.body.error.message, new RegExp(`missing: ${wanted[0]}`));
      const invented = await order({ keys: [...wanted, 'shoe_size'] });
      assert.equal(invented.status, 400);
      assert.match(invented.body.error.message, /not defined: shoe_size/);
      assert.equal((await order({ keys: [wanted[0], ...wanted] })).status, 400, 'a key twice');
      assert.equal((await order({ keys: wanted }, agent)).status, 403, 'agents cannot reorder');
      assert.deepEqual(await keys(), wanted, 'nothing changed by the refused ones');
      // Another workspace's order is its own: Acme's keys are not defined there.
      const foreign = await order({ keys: wanted }, beta.admin);
      assert.equal(foreign.status, 400);
      assert.deepEqual(await keys(), wanted);
    });

    test('defined attributes are checked on create and update, all problems named at once; untyped keys pass; null removes', async () => {
      const id = await newCustomer({ name: 'Ana Ruiz', company: 'Muebles Ruiz SL', attributes: { plan: 'pro', seats: 12, source: 'fair' } });
      assert.deepEqual((await stored(id)).attributes, { plan: 'pro', seats: 12, source: 'fair' });
      assert.equal((await stored(id)).company, 'Muebles Ruiz SL');

      const bad = await patch(id, { attributes: { plan: 'gold', seats: 'twelve', contract_end: '2026-02-30', reseller: 'yes' } });
      assert.equal(bad.status, 400);
      const paths = bad.body.error.details.map((d: { path: string }) => d.path).sort();
      assert.deepEqual(paths, ['body.attributes.contract_end', 'body.attributes.plan', 'body.attributes.reseller', 'body.attributes.seats']);
      assert.match(bad.body.error.message, /Plan must be one of: basic, pro/);
      assert.deepEqual((await stored(id)).attributes, { plan: 'pro', seats: 12, source: 'fair' }, 'nothing written');

      const ok = await patch(id, { company: 'Ruiz Hogar SA', attributes: { plan: 'basic', contract_end: '2027-01-31', reseller: false, source: null } });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.company, 'Ruiz Hogar SA');
      assert.deepEqual(ok.body.attributes, { plan: 'basic', seats: 12, contract_end: '2027-01-31', reseller: false });

      const createBad = await call(app, 'POST', '/api/customers', { session: acme.admin, body: { name: 'X', attributes: { seats: -1.5, plan: 'PRO' } } });
      assert.equal(createBad.status, 400);
      assert.match(createBad.body.error.message, /attributes\.plan/);
    });

    test('an option in use cannot be removed; a definition deleted leaves the values on the customers', async () => {
      const id = await newCustomer({ name: 'Luis Gil', attributes: { plan: 'pro' } });
      const removing = await call(app, 'PATCH', '/api/customer-attributes/plan', { session: acme.admin, body: { options: ['basic'] } });
      assert.equal(removing.status, 409);
      assert.match(removing.body.error.message, /customers have pro as plan/);
      const renamed = await call(app, 'PATCH', '/api/customer-attributes/plan', { session: acme.admin, body: { label: 'Subscription', options: ['basic', 'pro', 'enterprise'] } });
      assert.equal(renamed.status, 200);
      assert.equal(renamed.body.label, 'Subscription');
      assert.equal((await patch(id, { attributes: { plan: 'enterprise' } })).status, 200, 'the new option is accepted');
      assert.equal((await call(app, 'PATCH', '/api/customer-attributes/plan', { session: beta.admin, body: { label: 'x' } })).status, 404, 'not in another workspace');

      assert.equal((await call(app, 'DELETE', '/api/customer-attributes/plan', { session: acme.admin })).status, 204);
      assert.equal((await stored(id)).attributes.plan, 'enterprise', 'the value stays');
      assert.equal((await patch(id, { attributes: { plan: 'anything now' } })).status, 200, 'untyped from now on');
      assert.equal((await call(app, 'DELETE', '/api/customer-attributes/plan', { session: acme.admin })).status, 404);
    });

    test('a CSV import reads typed columns the way spreadsheets write them and reports wrong cells by line and column', async () => {
      const csv = ['name,email,company,seats,ends,reseller', 'Eva Sol,eva@example.com,Sol SL,"1.234,5",2027-05-01,sí', 'Tom Ray,tom@example.com,,many,2027-13-01,maybe', ''].join('\n');
      const res = await call(app, 'POST', '/api/customers/import', {
        session: acme.admin,
        body: { csv, mapping: { name: 'name', email: 'email', company: 'company', attributes: { seats: 'seats', contract_end: 'ends', reseller: 'reseller' } } },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.created, 1);
      const cells = res.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`).sort();
      assert.deepEqual(cells, ['3:ends', '3:reseller', '3:seats']);
      const eva = await app.ctx.db.selectFrom('customers').select(['attributes', 'company']).where('workspace_id', '=', acme.workspaceId).where('email', '=', 'eva@example.com').executeTakeFirstOrThrow();
      assert.deepEqual(eva.attributes, { seats: 1234.5, contract_end: '2027-05-01', reseller: true });
      assert.equal(eva.company, 'Sol SL');
      const exported = await call(app, 'GET', '/api/customers/export.csv', { session: acme.admin });
      assert.equal(exported.status, 200);
      assert.match(String(exported.body), /Sol SL/);
    });

    test('a merge keeps the tags and interests of both, and its undo takes back only what it brought', async () => {
      const a = await newCustomer({ name: 'Marta Pi', company: null });
      const b = await newCustomer({ name: 'Marta Pi', company: 'Pi y Cía' });
      assert.equal((await call(app, 'PUT', `/api/customers/${a}/tags`, { session: acme.admin, body: { tags: ['vip', 'madrid'] } })).status, 200);
      assert.equal((await call(app, 'PUT', `/api/customers/${b}/tags`, { session: acme.admin, body: { tags: ['madrid', 'wholesale'] } })).status, 200);
      assert.equal((await call(app, 'PUT', `/api/customers/${b}/interests`, { session: acme.admin, body: { interests: ['sofas'] } })).status, 200);
      const merged = await call(app, 'POST', `/api/customers/${a}/merge`, { session: acme.admin, body: { absorbedId: b } });
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      const after = await stored(a);
      assert.deepEqual([...after.tags].sort(), ['madrid', 'vip', 'wholesale']);
      assert.deepEqual(after.interests, ['sofas']);
      assert.equal(after.company, 'Pi y Cía', 'the survivor had no company: the absorbed one fills it');

      assert.equal((await call(app, 'PUT', `/api/customers/${a}/tags`, { session: acme.admin, body: { tags: [...after.tags, 'added-later'] } })).status, 200);
      const undo = await call(app, 'POST', `/api/customers/merges/${merged.body.merge.id}/unmerge`, { session: acme.admin });
      assert.equal(undo.status, 200, JSON.stringify(undo.body));
      const back = await stored(a);
      assert.deepEqual([...back.tags].sort(), ['added-later', 'madrid', 'vip'], "the survivor's own tags and the later one stay");
      assert.deepEqual(back.interests, []);
      assert.equal(back.company, null);
      assert.deepEqual([...(await stored(b)).tags].sort(), ['madrid', 'wholesale']);
    });

    test('buying motivation is inferred from the messages with the quotes that show it, and an employee can override it', async () => {
      const id = await newCustomer({ name: 'Pablo Ros' });
      const conv = await app.ctx.db.insertInto('conversations').values({ workspace_id: acme.workspaceId, customer_id: id, channel: 'web' }).returning('id').executeTakeFirstOrThrow();
      const texts = ['¿Qué me recomendáis para un salón pequeño?', 'No sé cuál elegir, ¿cuál me conviene más?', '¿Es compatible con USB-C?'];
      for (const [i, text] of texts.entries()) {
        await app.ctx.db
          .insertInto('messages')
          .values({ workspace_id: acme.workspaceId, conversation_id: conv.id, direction: 'inbound', author_type: 'customer', text, created_at: new Date(Date.UTC(2026, 5, 1, 10, i)) })
          .execute();
      }
      const got = await call(app, 'GET', `/api/customers/${id}/motivation`, { session: agent });
      assert.equal(got.status, 200, JSON.stringify(got.body));
      assert.equal(got.body.motivation, 'advice');
      assert.equal(got.body.source, 'inferred');
      assert.equal(got.body.inferred.scores.advice, 2);
      assert.equal(got.body.inferred.scores.technical, 1);
      assert.equal(got.body.inferred.reasons[0].conversationId, conv.id);
      assert.ok(got.body.inferred.reasons.some((r: { excerpt: string }) => r.excerpt.includes('¿Qué me recomendáis')), 'quoted as written');

      const set = await call(app, 'PUT', `/api/customers/${id}/motivation`, { session: agent, body: { motivation: 'relationship', note: 'Known him for years' } });
      assert.equal(set.status, 200);
      assert.equal(set.body.motivation, 'relationship');
      assert.equal(set.body.source, 'employee');
      assert.equal(set.body.chosenBy, agent.employeeId);
      assert.equal(set.body.inferred.motivation, 'advice', 'the inferred one is still shown');
      const bad = await call(app, 'PUT', `/api/customers/${id}/motivation`, { session: agent, body: { motivation: 'price' } });
      assert.equal(bad.status, 400);
      assert.equal((await call(app, 'GET', `/api/customers/${id}/motivation`, { session: beta.admin })).status, 404, 'not from another workspace');
      const reset = await call(app, 'PUT', `/api/customers/${id}/motivation`, { session: agent, body: { motivation: null } });
      assert.equal(reset.body.source, 'inferred');
      assert.equal(reset.body.note, null);
      const audit = await app.ctx.db.selectFrom('audit_log').select('action').where('workspace_id', '=', acme.workspaceId).where('action', '=', 'customer.motivation_set').execute();
      assert.equal(audit.length, 2);
    });

    test('scheduled duplicate scans run only for workspaces whose customers changed, and every scan is listed', async () => {
      await newCustomer({ name: 'Rocío Durán Vega' });
      await newCustomer({ name: 'Rocio Duran Vega' });
      const first = await scheduledScans(app.ctx.db, 24);
      assert.ok(first, 'something was due');
      const acmeScan = first.scanned.find((s) => s.workspaceId === acme.workspaceId);
      assert.ok(acmeScan && acmeScan.pairs >= 1, JSON.stringify(first));
      assert.ok(!first.scanned.some((s) => s.workspaceId === beta.workspaceId), 'a workspace without customers is not scanned');
      const open = await call(app, 'GET', '/api/customers/duplicates', { session: acme.admin });
      assert.ok(open.body.items.some((d: { customers: Array<{ name: string }> }) => d.customers.every((c) => c.name.startsWith('Roc'))), 'the pair was proposed');

      assert.equal(await scheduledScans(app.ctx.db, 24), undefined, 'nothing changed and not due: nothing scanned');
      // Due again by time, but no customer changed since: still nothing.
      assert.equal(await scheduledScans(app.ctx.db, 24, new Date(Date.now() + 25 * 3_600_000)), undefined);
      await newCustomer({ name: 'Someone New' });
      const later = await scheduledScans(app.ctx.db, 24, new Date(Date.now() + 25 * 3_600_000));
      assert.deepEqual(later?.scanned.map((s) => s.workspaceId), [acme.workspaceId]);

      const manual = await call(app, 'POST', '/api/customers/duplicates/scan', { session: acme.admin, body: {} });
      assert.equal(manual.status, 200);
      const scans = await call(app, 'GET', '/api/customers/duplicates/scans', { session: agent });
      assert.equal(scans.status, 200);
      assert.deepEqual(scans.body.items.map((s: { trigger: string }) => s.trigger), ['manual', 'scheduled', 'scheduled']);
      assert.ok(scans.body.items.every((s: { finishedAt: string | null; error: string | null }) => s.finishedAt && s.error === null));
      assert.deepEqual((await call(app, 'GET', '/api/customers/duplicates/scans', { session: beta.admin })).body.items, []);
    });
  });
}
