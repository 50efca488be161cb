import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addEmployee, call, createTenant, startConversation, visitor, type Session, type Tenant } from './support/api-client.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';

const CSV = [
  'Nombre,Correo,Teléfono,Idioma,Plan',
  'Lucía Fernández,LUCIA@Example.com ,600 111 222,es,gold',
  'Bad Email,not-an-email,,en,',
  'Bad Phone,bad@example.com,12,en,',
  ',,,,silver',
  '"Pérez, Ana",ana@example.com,+34 611 222 333,es,',
  'Ana again,ana@example.com,,es,bronze',
  'Known Person,known@example.com,,en,',
].join('\n');

const mapping = { name: 'Nombre', email: 'Correo', phone: 'Teléfono', locale: 'Idioma', attributes: { plan: 'Plan' } };

for (const backend of backends()) {
  describe(`customer import, export and erasure (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    let agent: Session;
    before(async () => {
      app = await createTestApp(backend);
      acme = await createTenant(app, 'Acme');
      agent = await addEmployee(app, acme, 'agent');
    });
    after(() => app.teardown());

    const customerByEmail = async (email: string) => {
      const res = await call(app, 'GET', `/api/customers?q=${encodeURIComponent(email)}`, { session: acme.admin });
      return res.body.items.find((c: { email: string | null }) => c.email === email);
    };

    test('CSV import: rows validated one by one, reported with line and column, de-duplicated by identity, phones in E.164', async () => {
      const known = await call(app, 'POST', '/api/customers', { session: acme.admin, body: { name: 'Known', identities: [{ channel: 'email', externalId: 'known@example.com' }] } });
      assert.equal(known.status, 201);
      const res = await call(app, 'POST', '/api/customers/import', { session: acme.admin, body: { csv: CSV, mapping, defaultCountry: 'ES' } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const report = res.body;
      assert.equal(report.rows, 7);
      assert.deepEqual(
        report.errors.map((e: { row: number; column: string | null }) => [e.row, e.column]),
        [
          [3, 'Correo'],
          [4, 'Teléfono'],
          [5, null],
        ],
      );
      assert.match(report.errors[0].message, /email/);
      // Lucía, Ana, "Ana again" (same email as Ana: proposed, not linked) and the Known lookalike.
      assert.equal(report.created, 4);
      assert.equal(report.proposedDuplicates, 2);

      const lucia = await customerByEmail('lucia@example.com');
      assert.equal(lucia.name, 'Lucía Fernández');
      assert.equal(lucia.phone, '+34600111222', 'a national number is read as the default country’s');
      assert.equal(lucia.attributes.plan, 'gold');
      const dupes = await call(app, 'GET', '/api/customers/duplicates?status=open', { session: acme.admin });
      const reasons = dupes.body.items.flatMap((d: { reasons: Array<{ kind: string; value?: string }> }) => d.reasons.map((r) => `${r.kind}:${r.value}`));
      assert.ok(reasons.includes('same_identity:ana@example.com'));
      assert.ok(reasons.includes('same_identity:known@example.com'));
    });

    test('search: any part of a name without accents, a misspelt name, part of an email, phone digits; best match first', async () => {
      const find = async (q: string) => (await call(app, 'GET', `/api/customers?q=${encodeURIComponent(q)}`, { session: acme.admin })).body.items.map((c: { name: string | null }) => c.name);
      assert.equal((await find('fernandez'))[0], 'Lucía Fernández');
      assert.equal((await find('Lucia Fernandes'))[0], 'Lucía Fernández', 'one letter off');
      assert.equal((await find('lucia@exa'))[0], 'Lucía Fernández');
      assert.equal((await find('611 222 333'))[0], 'Pérez, Ana');
      assert.deepEqual(await find('zzqqxx'), []);
    });

    test('an email typed into the widget is an unverified identity: the same person created through the API is proposed as a duplicate', async () => {
      const v = await visitor(app, acme.publicKey, { name: 'Rosa Díaz', email: ' Rosa@Example.com' });
      const created = await call(app, 'POST', '/api/customers', { session: acme.admin, body: { name: 'Rosa Díaz', identities: [{ channel: 'email', externalId: 'rosa@example.com' }] } });
      assert.equal(created.status, 409, 'the email is already the visitor’s');
      assert.equal(created.body.error.details.customerId, v.customerId);
      const second = await visitor(app, acme.publicKey, { name: 'R. Díaz', email: 'rosa@example.com' });
      const dupes = await call(app, 'GET', `/api/customers/duplicates?status=open&customerId=${second.customerId}`, { session: acme.admin });
      assert.equal(dupes.body.items.length, 1, 'a second visitor claiming the same email is proposed, not joined');
    });

    test('with verified identities a matching row fills the existing customer instead of creating one', async () => {
      const csv = 'email,name,city\nknown@example.com,Known Person,Sevilla\nnew@example.com,New Person,Bilbao\n';
      const importId = '0b6f6c55-7d4e-4d38-9f4e-3a1d2b1c0e9f';
      const res = await call(app, 'POST', '/api/customers/import', { session: acme.admin, body: { csv, mapping: { email: 'email', name: 'name', attributes: { city: 'city' } }, verified: true, importId } });
      assert.equal(res.status, 200);
      assert.equal(res.body.importId, importId, 'the client’s id, which its progress frames carry');
      assert.equal(res.body.updated, 1);
      assert.equal(res.body.created, 1);
      const known = await call(app, 'GET', `/api/customers?q=Known`, { session: acme.admin });
      const original = known.body.items.find((c: { name: string }) => c.name === 'Known');
      assert.equal(original.attributes.city, 'Sevilla', 'the gap was filled');
      assert.equal(original.name, 'Known', 'what was there is kept');
    });

    test('bad imports are refused whole with the reason, and only admins and managers may import', async () => {
      const missing = await call(app, 'POST', '/api/customers/import', { session: acme.admin, body: { csv: 'a,b\n1,2\n', mapping: { email: 'Correo' } } });
      assert.equal(missing.status, 400);
      assert.match(missing.body.error.message, /Correo/);
      const broken = await call(app, 'POST', '/api/customers/import', { session: acme.admin, body: { csv: 'a,b\n"1,2\n', mapping: { name: 'a' } } });
      assert.equal(broken.status, 400);
      assert.match(broken.body.error.message, /CSV/);
      const forbidden = await call(app, 'POST', '/api/customers/import', { session: agent, body: { csv: CSV, mapping } });
      assert.equal(forbidden.status, 403);
    });

    test('CSV export has a column per attribute and leaves out no live customer', async () => {
      const res = await app.server.inject({ method: 'GET', url: '/api/customers/export.csv', headers: { cookie: acme.admin.cookie } });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /text\/csv/);
      const [header, ...lines] = res.body.trim().split('\n');
      assert.ok(header!.split(',').includes('attr:plan') && header!.split(',').includes('attr:city'));
      assert.ok(lines.some((l) => l.includes('lucia@example.com') && l.includes('gold') && l.includes('email:lucia@example.com')));
      assert.ok(lines.some((l) => l.includes('"Pérez, Ana"')), 'a comma inside a value is quoted');
    });

    test('export of one customer holds their conversations; erasure removes personal data, keeps the figures, and is audited', async () => {
      const v = await visitor(app, acme.publicKey, { name: 'Marta Ruiz', email: 'marta@example.com' });
      const { conversation } = await startConversation(app, v, 'Me decepcionó mucho el pedido, esperaba más');
      const exported = await call(app, 'GET', `/api/customers/${v.customerId}/export`, { session: acme.admin });
      assert.equal(exported.status, 200);
      assert.equal(exported.body.customer.name, 'Marta Ruiz');
      assert.equal(exported.body.conversations[0].messages[0].text, 'Me decepcionó mucho el pedido, esperaba más');

      const unconfirmed = await call(app, 'POST', `/api/customers/${v.customerId}/erase`, { session: acme.admin, body: {} });
      assert.equal(unconfirmed.status, 400);
      const manager = await addEmployee(app, acme, 'manager');
      assert.equal((await call(app, 'POST', `/api/customers/${v.customerId}/erase`, { session: manager, body: { confirm: true } })).status, 403);
      const other = await createTenant(app, 'Other');
      assert.equal((await call(app, 'POST', `/api/customers/${v.customerId}/erase`, { session: other.admin, body: { confirm: true } })).status, 404);

      const erased = await call(app, 'POST', `/api/customers/${v.customerId}/erase`, { session: acme.admin, body: { confirm: true } });
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      assert.equal(erased.body.messages, 1);
      const customer = await call(app, 'GET', `/api/customers/${v.customerId}`, { session: acme.admin });
      assert.equal(customer.body.name, null);
      assert.equal(customer.body.email, null);
      assert.deepEqual(customer.body.identities ?? [], []);
      const messages = await call(app, 'GET', `/api/conversations/${conversation.id}/messages`, { session: acme.admin });
      assert.equal(messages.body.items.length, 1, 'the conversation and its message count stay');
      assert.equal(messages.body.items[0].text, '');
      assert.equal(messages.body.items[0].emotion.emotion, 'sadness', 'the label stays for the figures');
      assert.equal(messages.body.items[0].emotion.cues, undefined, 'the cues quoted their words');
      const again = await call(app, 'POST', `/api/customers/${v.customerId}/erase`, { session: acme.admin, body: { confirm: true } });
      assert.equal(again.status, 409);
      const audit = await call(app, 'GET', '/api/audit-log', { session: acme.admin });
      const actions = audit.body.items.map((a: { action: string }) => a.action);
      assert.ok(actions.includes('customer.erased') && actions.includes('customer.exported') && actions.includes('customers.imported'));
    });
  });
}
