import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addEmployee, bearer, call, createTenant, startConversation, visitor, type Session, type Tenant } from './support/api-client.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';

type Item = { kind: string; id: string; at: string };

for (const backend of backends()) {
  describe(`customer profile: orders and value, tags, consent, preferred channel, activity (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    let beta: Tenant;
    let agent: Session;
    let token: string;
    let anaId: string;

    const newCustomer = async (name: string, identities: Array<{ channel: string; externalId: string }> = []) => {
      const res = await call(app, 'POST', '/api/customers', { session: acme.admin, body: { name, identities } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as string;
    };
    const postOrder = (customerId: string, body: Record<string, unknown>) => call(app, 'POST', `/api/customers/${customerId}/orders`, { headers: bearer(token), body });
    const getCustomer = async (id: string) => {
      const res = await call(app, 'GET', `/api/customers/${id}`, { session: acme.admin });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    // A conversation with messages at given times, written directly so the times are exact.
    const conversation = async (customerId: string, channel: string, messages: Array<{ from: 'customer' | 'employee'; at: Date; text?: string }>) => {
      const conv = await app.ctx.db.insertInto('conversations').values({ workspace_id: acme.workspaceId, customer_id: customerId, channel }).returning('id').executeTakeFirstOrThrow();
      for (const m of messages) {
        await app.ctx.db
          .insertInto('messages')
          .values({
            workspace_id: acme.workspaceId,
            conversation_id: conv.id,
            direction: m.from === 'customer' ? 'inbound' : 'outbound',
            author_type: m.from,
            author_id: m.from === 'employee' ? acme.admin.employeeId : null,
            text: m.text ?? `${m.from} on ${channel}`,
            created_at: m.at,
          })
          .execute();
      }
      return conv.id;
    };

    before(async () => {
      app = await createTestApp(backend);
      acme = await createTenant(app, 'Acme');
      beta = await createTenant(app, 'Beta');
      agent = await addEmployee(app, acme, 'agent');
      const created = await call(app, 'POST', '/api/api-tokens', { session: acme.admin, body: { name: 'Shop sync', role: 'agent' } });
      assert.equal(created.status, 201);
      token = created.body.token;
      anaId = await newCustomer('Ana Ruiz', [{ channel: 'shop', externalId: 'C-1001' }]);
    });
    after(() => app.teardown());

    test('orders are idempotent on externalId: the same order twice stores one and answers 200 with the first', async () => {
      const first = await postOrder(anaId, { externalId: 'o-1', amount: 100, currency: 'eur', at: '2026-01-10T10:00:00Z', description: 'Sofa' });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.equal(first.body.currency, 'EUR');
      assert.equal(first.body.kind, 'purchase');
      const again = await postOrder(anaId, { externalId: 'o-1', amount: 999, currency: 'EUR', at: '2026-01-11T10:00:00Z' });
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, first.body, 'the first order, unchanged');
      const stored = await app.ctx.db.selectFrom('customer_orders').select('id').where('workspace_id', '=', acme.workspaceId).where('external_id', '=', 'o-1').execute();
      assert.equal(stored.length, 1);
      const other = await newCustomer('Someone Else');
      assert.equal((await postOrder(other, { externalId: 'o-1', amount: 1, currency: 'EUR', at: '2026-01-11T10:00:00Z' })).status, 409, 'same id, another customer');
    });

    test('lifetime value: purchases minus refunds in the main currency, last purchase, other currencies listed; bad input is a 400', async () => {
      assert.equal((await postOrder(anaId, { externalId: 'o-2', amount: 50.5, currency: 'EUR', at: '2026-02-01T09:00:00Z' })).status, 201);
      assert.equal((await postOrder(anaId, { externalId: 'o-3', amount: 30, currency: 'EUR', at: '2026-03-01T09:00:00Z', kind: 'refund' })).status, 201);
      assert.equal((await postOrder(anaId, { externalId: 'o-4', amount: 0, currency: 'EUR', at: '2026-03-02T09:00:00Z', kind: 'event', description: 'Newsletter signup' })).status, 201);
      assert.equal((await postOrder(anaId, { externalId: 'o-5', amount: 20, currency: 'USD', at: '2026-03-05T09:00:00Z' })).status, 201);
      const { value } = await getCustomer(anaId);
      assert.equal(value.currency, 'EUR', 'the currency with most orders');
      assert.equal(value.lifetime, 120.5);
      assert.equal(value.orders, 2);
      assert.equal(value.lastPurchaseAt, '2026-02-01T09:00:00.000Z');
      assert.deepEqual(
        value.byCurrency.map((v: { currency: string; lifetime: number }) => [v.currency, v.lifetime]),
        [
          ['EUR', 120.5],
          ['USD', 20],
        ],
      );

      const negative = await postOrder(anaId, { externalId: 'o-6', amount: -5, currency: 'EUR', at: '2026-03-05T09:00:00Z' });
      assert.equal(negative.status, 400);
      assert.match(JSON.stringify(negative.body), /amount/);
      const unknown = await postOrder(anaId, { externalId: 'o-6', amount: 5, currency: 'XYZ', at: '2026-03-05T09:00:00Z' });
      assert.equal(unknown.status, 400);
      assert.match(JSON.stringify(unknown.body), /ISO 4217/);
      assert.equal((await postOrder(anaId, { externalId: 'o-6', amount: 5, currency: 'EUR', at: 'yesterday' })).status, 400);
      const byAgent = await call(app, 'POST', `/api/customers/${anaId}/orders`, { session: agent, body: { externalId: 'o-7', amount: 5, currency: 'EUR', at: '2026-03-05T09:00:00Z' } });
      assert.equal(byAgent.status, 403, 'agents do not post orders');
    });

    test('an order can name the customer by identity; an unknown identity is a 404', async () => {
      const res = await call(app, 'POST', '/api/orders', {
        headers: bearer(token),
        body: { customer: { channel: 'shop', externalId: 'C-1001' }, externalId: 'o-8', amount: 10, currency: 'EUR', at: '2026-04-01T12:00:00Z' },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.customerId, anaId);
      assert.equal((await getCustomer(anaId)).value.lifetime, 130.5);
      const unknown = await call(app, 'POST', '/api/orders', {
        headers: bearer(token),
        body: { customer: { channel: 'shop', externalId: 'C-404' }, externalId: 'o-9', amount: 10, currency: 'EUR', at: '2026-04-01T12:00:00Z' },
      });
      assert.equal(unknown.status, 404);
    });

    test('a customer of another workspace is a 404 everywhere; external ids are per workspace', async () => {
      const b = { session: beta.admin };
      assert.equal((await call(app, 'POST', `/api/customers/${anaId}/orders`, { ...b, body: { externalId: 'x-1', amount: 1, currency: 'EUR', at: '2026-04-01T12:00:00Z' } })).status, 404);
      assert.equal((await call(app, 'GET', `/api/customers/${anaId}/orders`, b)).status, 404);
      assert.equal((await call(app, 'PUT', `/api/customers/${anaId}/tags`, { ...b, body: { tags: ['x'] } })).status, 404);
      assert.equal((await call(app, 'PUT', `/api/customers/${anaId}/consent`, { ...b, body: { marketing: true } })).status, 404);
      assert.equal((await call(app, 'PUT', `/api/customers/${anaId}/preferred-channel`, { ...b, body: { channel: 'email' } })).status, 404);
      assert.equal((await call(app, 'GET', `/api/customers/${anaId}/activity`, b)).status, 404);
      const viaIdentity = await call(app, 'POST', '/api/orders', { ...b, body: { customer: { channel: 'shop', externalId: 'C-1001' }, externalId: 'o-1', amount: 1, currency: 'EUR', at: '2026-04-01T12:00:00Z' } });
      assert.equal(viaIdentity.status, 404, "Acme's identity is unknown in Beta");
      const betaCustomer = await call(app, 'POST', '/api/customers', { ...b, body: { name: 'Beta customer' } });
      const sameId = await call(app, 'POST', `/api/customers/${betaCustomer.body.id}/orders`, { ...b, body: { externalId: 'o-1', amount: 1, currency: 'EUR', at: '2026-04-01T12:00:00Z' } });
      assert.equal(sameId.status, 201, 'o-1 of Acme is not o-1 of Beta');
    });

    test('tags and interests are normalised and the list filters by tag, with and without a search', async () => {
      const res = await call(app, 'PUT', `/api/customers/${anaId}/tags`, { session: agent, body: { tags: [' VIP ', 'vip', 'Early   Adopter', ''] } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.tags, ['vip', 'early adopter']);
      const interests = await call(app, 'PUT', `/api/customers/${anaId}/interests`, { session: agent, body: { interests: ['Sofás', 'GARDEN'] } });
      assert.deepEqual(interests.body.interests, ['sofás', 'garden']);
      const customer = await getCustomer(anaId);
      assert.deepEqual([customer.tags, customer.interests], [['vip', 'early adopter'], ['sofás', 'garden']]);

      const other = await newCustomer('Ana Other');
      const ids = async (query: string) => (await call(app, 'GET', `/api/customers?${query}`, { session: agent })).body.items.map((c: { id: string }) => c.id);
      assert.deepEqual(await ids('tag=VIP'), [anaId]);
      assert.deepEqual(await ids('tag=vip&q=ana'), [anaId]);
      assert.ok((await ids('q=ana')).includes(other), 'search without the filter still finds both');
      assert.deepEqual(await ids('tag=nobody'), []);

      assert.equal((await call(app, 'PUT', `/api/customers/${anaId}/tags`, { session: agent, body: { tags: ['x'.repeat(41)] } })).status, 400);
      const many = Array.from({ length: 51 }, (_, i) => `t${i}`);
      assert.equal((await call(app, 'PUT', `/api/customers/${anaId}/tags`, { session: agent, body: { tags: many } })).status, 400);
    });

    test('consent is stored per purpose with who, when and the source, returned on the customer and audited', async () => {
      const res = await call(app, 'PUT', `/api/customers/${anaId}/consent`, { session: agent, body: { marketing: true, source: 'web form' } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.consent.marketing.granted, true);
      assert.deepEqual(res.body.consent.marketing.by, { type: 'employee', id: agent.employeeId });
      assert.equal(res.body.consent.marketing.source, 'web form');
      assert.equal((await call(app, 'PUT', `/api/customers/${anaId}/consent`, { session: acme.admin, body: { surveys: false } })).status, 200);
      const { consent } = await getCustomer(anaId);
      assert.equal(consent.marketing.granted, true, 'a purpose not sent keeps its decision');
      assert.equal(consent.surveys.granted, false);
      assert.ok(Date.parse(consent.surveys.at) > 0);
      const audit = await app.ctx.db.selectFrom('audit_log').select(['actor_id', 'details']).where('workspace_id', '=', acme.workspaceId).where('action', '=', 'customer.consent_changed').where('target_id', '=', anaId).orderBy('created_at').execute();
      assert.equal(audit.length, 2);
      assert.equal(audit[0]!.actor_id, agent.employeeId);
      assert.equal(audit[0]!.details.marketing, true);
      assert.equal((await call(app, 'PUT', `/api/customers/${anaId}/consent`, { session: agent, body: { source: 'x' } })).status, 400);
    });

    test('preferred channel: most messages in 90 days, ties broken by faster answers; an employee overrides it', async () => {
      const id = await newCustomer('Carmen Vidal');
      const t = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
      // Two answers each; on WhatsApp after 1 and 2 minutes, by email after an hour and two.
      await conversation(id, 'whatsapp', [
        { from: 'employee', at: t(600) },
        { from: 'customer', at: t(599) },
        { from: 'employee', at: t(500) },
        { from: 'customer', at: t(498) },
      ]);
      await conversation(id, 'email', [
        { from: 'employee', at: t(900) },
        { from: 'customer', at: t(840) },
        { from: 'employee', at: t(700) },
        { from: 'customer', at: t(580) },
      ]);
      // Older than 90 days: does not count.
      await conversation(id, 'sms', [0, 1, 2, 3, 4].map((i) => ({ from: 'customer' as const, at: t(100 * 24 * 60 + i) })));
      const learned = (await getCustomer(id)).preferredChannel;
      assert.equal(learned.source, 'learned');
      assert.equal(learned.channel, 'whatsapp', 'same count; answers faster on WhatsApp');
      const byChannel = Object.fromEntries(learned.stats.map((s: { channel: string }) => [s.channel, s]));
      assert.deepEqual(byChannel.whatsapp, { channel: 'whatsapp', messages: 2, share: 0.5, medianReplySeconds: 90 });
      assert.equal(byChannel.email.medianReplySeconds, 5400);
      assert.equal(byChannel.sms, undefined);

      await conversation(id, 'email', [{ from: 'customer', at: t(10) }]);
      assert.equal((await getCustomer(id)).preferredChannel.channel, 'email', 'more messages win');

      const set = await call(app, 'PUT', `/api/customers/${id}/preferred-channel`, { session: agent, body: { channel: 'sms' } });
      assert.equal(set.status, 200, JSON.stringify(set.body));
      assert.deepEqual([set.body.channel, set.body.source], ['sms', 'employee']);
      assert.deepEqual([(await getCustomer(id)).preferredChannel.channel, (await getCustomer(id)).preferredChannel.source], ['sms', 'employee']);
      const reset = await call(app, 'PUT', `/api/customers/${id}/preferred-channel`, { session: agent, body: { channel: null } });
      assert.deepEqual([reset.body.channel, reset.body.source], ['email', 'learned']);
      assert.equal((await call(app, 'PUT', `/api/customers/${id}/preferred-channel`, { session: agent, body: { channel: 'Not A Channel' } })).status, 400);
      assert.equal((await getCustomer(await newCustomer('Nobody Wrote'))).preferredChannel.channel, null);
    });

    test('activity: messages, notes, orders, actions, merges and consent in one list, newest first, paged by cursor', async () => {
      const id = await newCustomer('Lola Timeline');
      const day = (d: number) => new Date(Date.UTC(2026, 0, d, 12));
      const convId = await conversation(id, 'whatsapp', [
        { from: 'customer', at: day(1), text: 'Hola' },
        { from: 'employee', at: day(2), text: 'Buenas' },
      ]);
      await app.ctx.db.insertInto('notes').values({ workspace_id: acme.workspaceId, conversation_id: convId, author_id: acme.admin.employeeId, text: 'Likes sofas', created_at: day(3) }).execute();
      assert.equal((await postOrder(id, { externalId: 'tl-1', amount: 10, currency: 'EUR', at: day(4).toISOString() })).status, 201);
      await app.ctx.db
        .insertInto('customer_timeline')
        .values({ workspace_id: acme.workspaceId, customer_id: id, kind: 'suggestion.accepted', data: JSON.stringify({ action: 'call' }), actor_type: 'employee', actor_id: acme.admin.employeeId, at: day(5) })
        .execute();
      // The same instant for two kinds: (at, kind, id) keeps them apart.
      assert.equal((await postOrder(id, { externalId: 'tl-2', amount: 5, currency: 'EUR', at: day(5).toISOString(), kind: 'event' })).status, 201);
      assert.equal((await call(app, 'PUT', `/api/customers/${id}/consent`, { session: agent, body: { marketing: true } })).status, 200);
      const absorbed = await newCustomer('Lola T.');
      const merged = await call(app, 'POST', `/api/customers/${id}/merge`, { session: acme.admin, body: { absorbedId: absorbed } });
      assert.ok([200, 201].includes(merged.status), JSON.stringify(merged.body));

      const all: Item[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `limit=3&before=${cursor}` : 'limit=3';
        const res = await call(app, 'GET', `/api/customers/${id}/activity?${query}`, { session: agent });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        all.push(...res.body.items);
        cursor = res.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      assert.deepEqual(
        all.map((i) => i.kind),
        ['merge', 'consent', 'order', 'action', 'order', 'note', 'message', 'message'],
      );
      assert.equal(new Set(all.map((i) => `${i.kind}:${i.id}`)).size, all.length, 'no item twice across pages');
      assert.equal(pages, 3);
      const firstMessage = all[all.length - 1] as Item & { data: { channel: string; direction: string }; actor: { type: string } };
      assert.deepEqual([firstMessage.data.channel, firstMessage.data.direction, firstMessage.actor.type], ['whatsapp', 'inbound', 'customer']);
      assert.equal((await call(app, 'GET', `/api/customers/${id}/activity?before=nonsense`, { session: agent })).status, 400);

      // Some kinds only, e.g. the consent history however far back it is, paged the same way.
      const some = await call(app, 'GET', `/api/customers/${id}/activity?kinds=order,consent&limit=2`, { session: agent });
      assert.equal(some.status, 200);
      assert.deepEqual(some.body.items.map((i: Item) => i.kind), ['consent', 'order']);
      const rest = await call(app, 'GET', `/api/customers/${id}/activity?kinds=order,consent&limit=2&before=${some.body.nextCursor}`, { session: agent });
      assert.deepEqual(rest.body.items.map((i: Item) => i.kind), ['order']);
      assert.equal(rest.body.nextCursor, null);
      const bogus = await call(app, 'GET', `/api/customers/${id}/activity?kinds=consent,gossip`, { session: agent });
      assert.equal(bogus.status, 400);
      assert.match(JSON.stringify(bogus.body.error), /comma-separated list of: message, note/);
    });

    test('a merge brings the absorbed customer\'s orders and consent along; the unmerge takes them back', async () => {
      const survivor = await newCustomer('Marta Gil');
      const absorbed = await newCustomer('M. Gil');
      assert.equal((await postOrder(survivor, { externalId: 'm-1', amount: 40, currency: 'EUR', at: '2026-05-01T10:00:00Z' })).status, 201);
      assert.equal((await postOrder(absorbed, { externalId: 'm-2', amount: 60, currency: 'EUR', at: '2026-05-02T10:00:00Z' })).status, 201);
      assert.equal((await call(app, 'PUT', `/api/customers/${absorbed}/consent`, { session: agent, body: { marketing: false } })).status, 200);
      const merged = await call(app, 'POST', `/api/customers/${survivor}/merge`, { session: acme.admin, body: { absorbedId: absorbed } });
      assert.ok([200, 201].includes(merged.status), JSON.stringify(merged.body));
      const joined = await getCustomer(survivor);
      assert.deepEqual([joined.value.lifetime, joined.value.orders, joined.value.lastPurchaseAt], [100, 2, '2026-05-02T10:00:00.000Z']);
      assert.equal(joined.consent.marketing.granted, false);
      const unmerged = await call(app, 'POST', `/api/customers/merges/${merged.body.merge?.id ?? merged.body.id}/unmerge`, { session: acme.admin, body: {} });
      assert.equal(unmerged.status, 200, JSON.stringify(unmerged.body));
      assert.equal((await getCustomer(survivor)).value.lifetime, 40);
      assert.equal((await getCustomer(survivor)).consent.marketing, undefined);
      const back = await getCustomer(absorbed);
      assert.deepEqual([back.value.lifetime, back.consent.marketing.granted], [60, false]);
    });

    test('erasure removes tags, interests and what was bought, keeping the amounts for the figures; the export includes orders and consent', async () => {
      const id = await newCustomer('Erase Me');
      await call(app, 'PUT', `/api/customers/${id}/tags`, { session: acme.admin, body: { tags: ['vip'] } });
      await call(app, 'PUT', `/api/customers/${id}/consent`, { session: acme.admin, body: { surveys: true } });
      assert.equal((await postOrder(id, { externalId: 'e-1', amount: 75, currency: 'EUR', at: '2026-06-01T10:00:00Z', description: 'Red armchair' })).status, 201);
      const exported = await call(app, 'GET', `/api/customers/${id}/export`, { session: acme.admin });
      assert.equal(exported.status, 200);
      assert.deepEqual([exported.body.orders.length, exported.body.consents.length, exported.body.customer.tags], [1, 1, ['vip']]);
      assert.equal((await call(app, 'POST', `/api/customers/${id}/erase`, { session: acme.admin, body: { confirm: true } })).status, 200);
      const after = await getCustomer(id);
      assert.deepEqual([after.tags, after.value.lifetime], [[], 75]);
      const order = await app.ctx.db.selectFrom('customer_orders').select(['description', 'amount']).where('external_id', '=', 'e-1').where('workspace_id', '=', acme.workspaceId).executeTakeFirstOrThrow();
      assert.deepEqual([order.description, Number(order.amount)], [null, 75]);
    });

    test("the departure risk counts the lifetime value from orders before the customer's value attribute", async () => {
      const v = await visitor(app, acme.publicKey);
      assert.equal((await call(app, 'PATCH', `/api/customers/${v.customerId}`, { session: acme.admin, body: { attributes: { value: 10 } } })).status, 200);
      const c = await startConversation(app, v, 'Hola');
      const replied = await call(app, 'POST', `/api/conversations/${c.conversation.id}/messages`, { session: agent, body: { text: 'Te ayudo', idempotencyKey: randomUUID() } });
      assert.equal(replied.status, 201, JSON.stringify(replied.body));
      const riskValue = async () => {
        assert.equal((await call(app, 'POST', '/api/bonds/recompute', { session: acme.admin })).status, 200);
        const risk = await call(app, 'GET', `/api/employees/${agent.employeeId}/departure-risk`, { session: acme.admin });
        assert.equal(risk.status, 200, JSON.stringify(risk.body));
        return risk.body.customers.find((x: { customerId: string }) => x.customerId === v.customerId)?.value;
      };
      assert.equal(await riskValue(), 10, 'the attribute while no order is posted');
      assert.equal((await postOrder(v.customerId, { externalId: 'r-1', amount: 250, currency: 'EUR', at: '2026-06-01T10:00:00Z' })).status, 201);
      assert.equal(await riskValue(), 250);
    });

    test('bonds and reaction read the computed lifetime value before the value attribute', async () => {
      const { valueOf } = await import('../src/modules/reaction/customer-state.ts');
      assert.equal(valueOf({ value: 5 }, 130.5), 130.5);
      assert.equal(valueOf({ value: 5 }, null), 5);
      const { lifetimeValueSql } = await import('../src/modules/customers/customer-orders.service.ts');
      const row = await app.ctx.db
        .selectFrom('customers')
        .select(lifetimeValueSql('customers.workspace_id', 'customers.id').as('lifetime'))
        .where('id', '=', anaId)
        .executeTakeFirstOrThrow();
      assert.equal(row.lifetime, 130.5);
    });
  });
}
