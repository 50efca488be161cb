import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { scanDuplicates } from '../src/modules/customers/duplicate.service.ts';
import { tenantScope } from '../src/platform/db/tenant-scope.ts';
import type { CustomerMergeEventPayload } from '../src/platform/events/domain-events.ts';
import { addEmployee, bearer, call, createTenant, startConversation, visitor, type Reply, type Session, type Tenant } from './support/api-client.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { waitFor } from './support/wait-for.ts';

const ok = (res: Reply, status = 200) => {
  assert.equal(res.status, status, JSON.stringify(res.body));
  return res.body;
};

const clearError = (res: Reply, status: number, code: string) => {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.body.error.code, code);
  assert.ok(res.body.error.message.length > 10, 'the message says what is wrong');
};

for (const backend of backends()) {
  describe(`customer identities, duplicates and merges (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    let other: Tenant;
    let agent: Session;
    const create = async (body: Record<string, unknown>, session?: Session) => ok(await call(app, 'POST', '/api/customers', { session: session ?? acme.admin, body }), 201);
    const get = (url: string, session?: Session) => call(app, 'GET', url, { session: session ?? acme.admin });
    const post = (url: string, body?: unknown, session?: Session) => call(app, 'POST', url, { session: session ?? acme.admin, body: body ?? {} });

    before(async () => {
      app = await createTestApp(backend);
      acme = await createTenant(app, 'Acme');
      other = await createTenant(app, 'Other');
      agent = await addEmployee(app, acme, 'agent');
    });
    after(() => app.teardown());

    test('emails and phones are normalised; an invalid one is a 400 naming the field', async () => {
      const c = await create({ name: 'Ana Ruiz', email: '  Ana.Ruiz@Example.COM ', phone: '+34 600 111 222' });
      assert.equal(c.email, 'ana.ruiz@example.com');
      assert.equal(c.phone, '+34600111222');
      const link = async (channel: string, externalId: string) => ok(await post(`/api/customers/${c.id}/identities`, { channel, externalId }), 201).externalId;
      assert.equal(await link('email', ' Ana@Trabajo.ES '), 'ana@trabajo.es');
      assert.equal(await link('phone', '0034 611 22 33 44'), '+34611223344');
      assert.equal(await link('whatsapp', '+1 (415) 555-2671'), '+14155552671');
      assert.equal(await link('instagram', '@Ana_Ruiz'), 'ana_ruiz');
      assert.equal(await link('crm', '  CRM-00042 '), 'CRM-00042');

      for (const [channel, externalId, words] of [
        ['phone', '12345', /country code/],
        ['sms', '611 22 33 44', /country code/],
        ['email', 'ana@', /email/],
      ] as const) {
        const bad = await post(`/api/customers/${c.id}/identities`, { channel, externalId });
        clearError(bad, 400, 'validation_failed');
        assert.equal(bad.body.error.details[0].path, 'body.externalId');
        assert.match(bad.body.error.details[0].message, words);
      }
      const badPhone = await call(app, 'PATCH', `/api/customers/${c.id}`, { session: acme.admin, body: { phone: '600 11' } });
      clearError(badPhone, 400, 'validation_failed');
      assert.equal(badPhone.body.error.details[0].path, 'body.phone');
      const badEmail = await call(app, 'POST', '/api/customers', { session: acme.admin, body: { name: 'X', email: 'not-an-email' } });
      clearError(badEmail, 400, 'validation_failed');
      assert.equal(badEmail.body.error.details[0].path, 'body.email');
      const badInList = await call(app, 'POST', '/api/customers', { session: acme.admin, body: { name: 'X', identities: [{ channel: 'phone', externalId: 'abc' }] } });
      assert.equal(badInList.body.error.details[0].path, 'body.identities.0.externalId');
    });

    test('a taken identity is proposed as a duplicate unless verified; a verified one merges the two automatically', async () => {
      const older = await create({ name: 'Lucía Fernández', identities: [{ channel: 'shop', externalId: 'C-1' }] });
      const newer = await create({ name: 'Lucia F.', email: 'lucia@example.com' });
      const taken = await post(`/api/customers/${newer.id}/identities`, { channel: 'shop', externalId: 'C-1' });
      clearError(taken, 409, 'conflict');
      assert.equal(taken.body.error.details.customerId, older.id);
      const proposal = ok(await get(`/api/customers/duplicates/${taken.body.error.details.proposalId}`));
      assert.equal(proposal.status, 'open');
      assert.deepEqual(proposal.customers.map((c: { id: string }) => c.id).sort(), [older.id, newer.id].sort());
      assert.equal(proposal.reasons[0].kind, 'same_identity');
      assert.equal(proposal.reasons[0].text.en, 'same shop identity C-1');

      const verified = ok(await post(`/api/customers/${newer.id}/identities`, { channel: 'shop', externalId: 'C-1', verified: true }), 201);
      assert.equal(verified.customerId, older.id, 'the older record survives');
      assert.equal(verified.verified, true);
      assert.equal(verified.merge.kind, 'verified_identity');
      assert.equal(verified.merge.absorbedId, newer.id);
      const gone = await get(`/api/customers/${newer.id}`);
      clearError(gone, 404, 'not_found');
      assert.equal(gone.body.error.details.mergedInto, older.id);
      const survivor = ok(await get(`/api/customers/${older.id}`));
      assert.equal(survivor.name, 'Lucía Fernández', "the survivor's value is kept");
      assert.equal(survivor.email, 'lucia@example.com', 'a gap is filled from the absorbed customer');
      assert.equal(ok(await get(`/api/customers/duplicates/${proposal.id}`)).status, 'merged');

      // Creating a customer with a verified identity someone has: that person is found, not duplicated.
      const again = await create({ name: 'Lucía', identities: [{ channel: 'shop', externalId: 'C-1', verified: true }] });
      assert.equal(again.id, older.id);
      assert.equal(again.merges.length, 1);
      const list = ok(await get('/api/customers?q=Luc'));
      assert.deepEqual(list.items.map((c: { id: string }) => c.id), [older.id], 'merged-away customers are not listed');
    });

    test('the scan proposes similar names and shared phones with their reasons, in batches, and keeps dismissals', async () => {
      const ws = await createTenant(app, 'Scan');
      const mk = (body: Record<string, unknown>) => create(body, ws.admin);
      const javier1 = await mk({ name: 'Javier Martínez Ruiz' });
      const javier2 = await mk({ name: 'javier martinez ruiz' });
      const pedro1 = await mk({ name: 'Pedro Sánchez', phone: '+34 622 333 444' });
      const pedro2 = await mk({ name: 'P. S.', identities: [{ channel: 'whatsapp', externalId: '0034622333444' }] });
      const marta1 = await mk({ name: 'Marta Gil Soler', email: 'marta.gil@acme-corp.es' });
      const marta2 = await mk({ name: 'Marta Gil', email: 'mgil@acme-corp.es' });
      const colleague = await mk({ name: 'Zoe Quintana', email: 'zoe@acme-corp.es' });

      clearError(await post('/api/customers/duplicates/scan', {}, await addEmployee(app, ws, 'agent')), 403, 'forbidden');
      const scanned = ok(await post('/api/customers/duplicates/scan', {}, ws.admin));
      assert.equal(scanned.scanned, 7);
      assert.equal(scanned.pairs, 3);
      const queue = ok(await get('/api/customers/duplicates', ws.admin)).items as Array<{ id: string; reasons: Array<{ kind: string; value?: string; similarity?: number; text: { en: string; es: string } }>; customers: Array<{ id: string }>; score: number }>;
      const pairOf = (x: string, y: string) => queue.find((d) => d.customers.some((c) => c.id === x) && d.customers.some((c) => c.id === y));
      const javier = pairOf(javier1.id, javier2.id);
      assert.ok(javier, 'names that differ only in accents and case are proposed');
      assert.equal(javier.reasons[0]!.kind, 'similar_name');
      assert.equal(javier.reasons[0]!.text.en, 'names 100 % alike');
      const pedro = pairOf(pedro1.id, pedro2.id);
      assert.ok(pedro, 'a shared phone is proposed, whatever the names');
      const phone = pedro.reasons.find((r) => r.kind === 'same_phone');
      assert.equal(phone?.text.en, 'same phone +34622333444');
      assert.equal(phone?.text.es, 'mismo teléfono +34622333444');
      const marta = pairOf(marta1.id, marta2.id);
      assert.ok(marta, 'alike names at the same company domain are proposed');
      assert.deepEqual(marta.reasons.map((r) => r.kind).sort(), ['same_company_domain', 'similar_name']);
      assert.match(marta.reasons.find((r) => r.kind === 'similar_name')!.text.en, /^names \d+ % alike$/);
      assert.ok(!queue.some((d) => d.customers.some((c) => c.id === colleague.id)), 'a colleague at the same domain is not a duplicate');

      // Pairs across batches are found as well as within one.
      const small = await scanDuplicates(tenantScope(app.ctx.db, ws.workspaceId), { batchSize: 2 });
      assert.equal(small.batches, 4);
      assert.equal(small.pairs, 3);

      ok(await post(`/api/customers/duplicates/${javier.id}/dismiss`, {}, ws.admin));
      clearError(await post(`/api/customers/duplicates/${javier.id}/dismiss`, {}, ws.admin), 409, 'conflict');
      ok(await post('/api/customers/duplicates/scan', {}, ws.admin));
      const open = ok(await get('/api/customers/duplicates', ws.admin)).items as Array<{ id: string }>;
      assert.equal(open.length, 2);
      assert.ok(!open.some((d) => d.id === javier.id), 'a dismissed pair stays dismissed');
      assert.equal(ok(await get('/api/customers/duplicates?status=dismissed', ws.admin)).items[0].id, javier.id);
    });

    test('merge with field choice; unmerge restores both, including what arrived after the merge', async () => {
      const merged: CustomerMergeEventPayload[] = [];
      const unmerged: CustomerMergeEventPayload[] = [];
      app.ctx.bus.subscribe('customer.merged', (e) => void merged.push(e));
      app.ctx.bus.subscribe('customer.unmerged', (e) => void unmerged.push(e));
      const moodPointOf = (messageId: string) =>
        waitFor(
          () => app.ctx.db.selectFrom('customer_mood_points').select('customer_id').where('message_id', '=', messageId).executeTakeFirst(),
          'the mood point of a message',
        );

      // The absorbed one wrote from the widget; the survivor was created through the API.
      const v = await visitor(app, acme.publicKey, { name: 'Marta Gómez', email: 'marta@correo.es', locale: 'es' });
      const absorbedId = v.customerId;
      ok(await call(app, 'PATCH', `/api/customers/${absorbedId}`, { session: acme.admin, body: { attributes: { plan: 'basic', city: 'Madrid' } } }));
      const first = await startConversation(app, v, 'Hola, quería saber el horario de la tienda');
      await moodPointOf(first.message.id);
      const survivor = await create({
        name: 'Marta Gómez López',
        phone: '+34 633 444 555',
        attributes: { plan: 'gold' },
        identities: [{ channel: 'email', externalId: 'marta.gomez@empresa.es' }],
      });
      const own = ok(await post('/api/conversations', { customerId: survivor.id, channel: 'email', subject: 'Factura' }), 201);

      // What is refused changes nothing.
      clearError(await post(`/api/customers/${survivor.id}/merge`, { absorbedId: survivor.id }), 400, 'bad_request');
      clearError(await post(`/api/customers/${survivor.id}/merge`, { absorbedId, fields: { name: 'nobody' } }), 400, 'validation_failed');
      clearError(await post(`/api/customers/${survivor.id}/merge`, { absorbedId, attributes: { missing: 'absorbed' } }), 400, 'validation_failed');

      const done = ok(
        await post(
          `/api/customers/${survivor.id}/merge`,
          { absorbedId, fields: { name: 'absorbed', email: 'absorbed' }, attributes: { plan: 'absorbed' } },
          agent,
        ),
      );
      const mergeId = done.merge.id;
      assert.equal(done.customer.name, 'Marta Gómez');
      assert.equal(done.customer.email, 'marta@correo.es');
      assert.equal(done.customer.phone, '+34633444555');
      assert.equal(done.customer.locale, 'es', "a gap is filled from the absorbed customer's value");
      assert.deepEqual(done.customer.attributes, { plan: 'basic', city: 'Madrid' });
      assert.deepEqual(done.merge.choices.fields, { name: 'absorbed', email: 'absorbed', phone: 'survivor', locale: 'absorbed', company: 'survivor' });
      // The visitor's email (typed into the widget) moves with it; the survivor's losing email stays as an identity.
      assert.deepEqual(done.customer.identities.map((i: { channel: string }) => i.channel).sort(), ['email', 'email', 'web-visitor']);
      assert.equal(done.merge.moved.conversations, 1);
      assert.equal(ok(await get(`/api/conversations/${first.conversation.id}`)).customerId, survivor.id);
      assert.equal((await moodPointOf(first.message.id)).customer_id, survivor.id, "the absorbed customer's mood points move");
      clearError(await get(`/api/customers/${absorbedId}`), 404, 'not_found');
      assert.equal(ok(await get(`/api/customers/${absorbedId}/merges`)).items[0].id, mergeId, 'a merged-away customer still shows where it went');

      clearError(await post(`/api/customers/${survivor.id}/merge`, { absorbedId }), 409, 'conflict');
      clearError(await post(`/api/customers/${absorbedId}/merge`, { absorbedId: survivor.id }), 409, 'conflict');

      const stream = await app.ctx.db.selectFrom('stream_events').select(['type', 'payload']).where('stream', '=', `workspace:${acme.workspaceId}`).where('type', '=', 'customer.merged').execute();
      assert.ok(stream.some((e) => (e.payload as { merge: { id: string } }).merge.id === mergeId), 'open web apps hear of the merge');
      await waitFor(async () => merged.find((e) => e.mergeId === mergeId), 'the customer.merged event');

      // After the merge the visitor keeps writing: into the old conversation, and a new one.
      const late = ok(
        await call(app, 'POST', `/api/widget/conversations/${first.conversation.id}/messages`, { headers: bearer(v.token), body: { text: 'Sigo esperando respuesta', idempotencyKey: randomUUID() } }),
        201,
      );
      await moodPointOf(late.message.id);
      const second = await startConversation(app, v, 'Otra pregunta: ¿hacéis envíos a Canarias?');
      await moodPointOf(second.message.id);
      assert.equal(ok(await get(`/api/conversations/${second.conversation.id}`)).customerId, survivor.id);
      // Someone edits the survivor after the merge: that edit is kept by the unmerge.
      ok(await call(app, 'PATCH', `/api/customers/${survivor.id}`, { session: acme.admin, body: { locale: 'en' } }));

      clearError(await post(`/api/customers/merges/${mergeId}/unmerge`, {}, agent), 403, 'forbidden');
      const undone = ok(await post(`/api/customers/merges/${mergeId}/unmerge`));
      assert.equal(undone.restored.id, absorbedId);
      assert.equal(undone.restored.name, 'Marta Gómez');
      assert.equal(undone.restored.email, 'marta@correo.es');
      assert.deepEqual(undone.restored.attributes, { plan: 'basic', city: 'Madrid' });
      assert.deepEqual(undone.restored.identities.map((i: { channel: string }) => i.channel).sort(), ['email', 'web-visitor'], 'the visitor gets back its web identity and the email it typed');
      assert.equal(undone.survivor.name, 'Marta Gómez López');
      assert.equal(undone.survivor.email, null);
      assert.equal(undone.survivor.locale, 'en', 'an edit made after the merge is kept');
      assert.deepEqual(undone.survivor.attributes, { plan: 'gold' });
      assert.deepEqual(undone.survivor.identities.map((i: { externalId: string }) => i.externalId), ['marta.gomez@empresa.es']);
      assert.deepEqual([...undone.merge.unmerge.conversations].sort(), [first.conversation.id, second.conversation.id].sort());

      assert.equal(ok(await get(`/api/conversations/${first.conversation.id}`)).customerId, absorbedId);
      assert.equal(ok(await get(`/api/conversations/${second.conversation.id}`)).customerId, absorbedId, 'a conversation started after the merge through its identity goes back');
      assert.equal(ok(await get(`/api/conversations/${own.id}`)).customerId, survivor.id);
      const messages = ok(await get(`/api/conversations/${first.conversation.id}/messages`)).items as Array<{ id: string; authorId: string }>;
      assert.ok(messages.some((m) => m.id === late.message.id), 'the message that arrived after the merge is there');
      assert.ok(messages.every((m) => m.authorId === absorbedId));
      for (const m of [first.message.id, late.message.id, second.message.id]) assert.equal((await moodPointOf(m)).customer_id, absorbedId);
      const mine = ok(await call(app, 'GET', '/api/widget/conversations', { headers: bearer(v.token) })).items as Array<{ id: string }>;
      assert.deepEqual(mine.map((c) => c.id).sort(), [first.conversation.id, second.conversation.id].sort(), 'the visitor still sees its conversations');

      clearError(await post(`/api/customers/merges/${mergeId}/unmerge`), 409, 'conflict');
      await waitFor(async () => unmerged.find((e) => e.mergeId === mergeId), 'the customer.unmerged event');
      const audit = ok(await get('/api/audit-log')).items as Array<{ action: string; targetId: string; details: { mergeId?: string } }>;
      assert.ok(audit.some((a) => a.action === 'customer.merged' && a.details.mergeId === mergeId && a.targetId === survivor.id));
      assert.ok(audit.some((a) => a.action === 'customer.unmerged' && a.details.mergeId === mergeId));
      const timeline = ok(await get(`/api/customers/${survivor.id}/timeline`)).items as Array<{ kind: string }>;
      assert.deepEqual(timeline.filter((t) => t.kind.startsWith('customer.')).map((t) => t.kind), ['customer.unmerged', 'customer.merged']);
      const pair = ok(await get(`/api/customers/duplicates?status=dismissed&customerId=${absorbedId}`)).items;
      assert.equal(pair.length, 1, 'an undone merge leaves the pair dismissed, so it is not proposed again');
    });

    test("workspace A's employee can neither see nor merge workspace B's customers (404), and nothing changes", async () => {
      const theirs = await create({ name: 'Beatriz Ortega' }, other.admin);
      const theirsToo = await create({ name: 'Beatriz Ortega' }, other.admin);
      const mine = await create({ name: 'Beatriz Ortega' });
      const theirMerge = ok(await post(`/api/customers/${theirs.id}/merge`, { absorbedId: theirsToo.id }, other.admin));
      ok(await post('/api/customers/duplicates/scan', {}, other.admin));
      clearError(await post(`/api/customers/${mine.id}/merge`, { absorbedId: theirs.id }), 404, 'not_found');
      clearError(await post(`/api/customers/${theirs.id}/merge`, { absorbedId: mine.id }), 404, 'not_found');
      clearError(await get(`/api/customers/${theirs.id}/merges`), 404, 'not_found');
      clearError(await get(`/api/customers/merges/${theirMerge.merge.id}`), 404, 'not_found');
      clearError(await post(`/api/customers/merges/${theirMerge.merge.id}/unmerge`), 404, 'not_found');
      const mineQueue = ok(await get(`/api/customers/duplicates?customerId=${mine.id}`)).items;
      assert.equal(mineQueue.length, 0, 'a scan never pairs customers of two workspaces');
      assert.equal(ok(await get(`/api/customers/${theirs.id}`, other.admin)).name, 'Beatriz Ortega');
      assert.equal(ok(await get(`/api/customers/merges/${theirMerge.merge.id}`, other.admin)).unmergedAt, null);
      assert.equal(ok(await get(`/api/customers/${mine.id}`)).name, 'Beatriz Ortega');
    });

    test('merge and unmerge are documented in the OpenAPI description', async () => {
      const doc = ok(await get('/api/openapi.json'));
      const merge = doc.paths['/api/customers/{id}/merge'].post;
      assert.match(merge.description, /field by field|undone/);
      assert.ok(merge.requestBody.content['application/json'].schema.properties.fields.description);
      assert.match(doc.paths['/api/customers/merges/{id}/unmerge'].post.description, /after the merge/);
      assert.ok(doc.paths['/api/customers/duplicates'].get);
      assert.ok(doc.paths['/api/customers/duplicates/scan'].post);
      assert.ok(doc.paths['/api/customers/duplicates/{id}/dismiss'].post);
    });
  });
}
