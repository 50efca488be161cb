import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { bearer, call, createTenant, login, PASSWORD, startConversation, visitor, type Session, type Tenant, type Visitor } from './support/api-client.ts';
import { waitFor } from './support/wait-for.ts';
import { TestSocket } from './support/ws-client.ts';
import type { AddressInfo } from 'node:net';

type Bond = { employeeId: string; employeeName: string; score: number; components: Record<string, any> };

for (const backend of backends()) {
  describe(`Bonds: scores, trusted employee, routing, departure risk (${backend})`, () => {
    let app: TestApp;

    before(async () => {
      app = await createTestApp(backend);
    });
    after(async () => {
      await app.teardown();
    });

    async function employee(t: Tenant, name: string, role: 'agent' | 'manager' = 'agent', teamId?: string): Promise<Session> {
      const email = `${name.split(' ')[0]!.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`;
      const res = await call(app, 'POST', '/api/employees', { session: t.admin, body: { email, name, role, password: PASSWORD, ...(teamId ? { teamId } : {}) } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return login(app, email);
    }
    async function team(t: Tenant, name: string): Promise<string> {
      const res = await call(app, 'POST', '/api/teams', { session: t.admin, body: { name } });
      assert.equal(res.status, 201);
      return res.body.id;
    }
    const say = async (v: Visitor, conversationId: string, text: string) => {
      const res = await call(app, 'POST', `/api/widget/conversations/${conversationId}/messages`, { headers: bearer(v.token), body: { text, idempotencyKey: randomUUID() } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    };
    const reply = async (s: Session, conversationId: string, text: string) => {
      const res = await call(app, 'POST', `/api/conversations/${conversationId}/messages`, { session: s, body: { text, idempotencyKey: randomUUID() } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    };
    const bondsOf = async (s: Session, customerId: string) => {
      const res = await call(app, 'GET', `/api/customers/${customerId}/bonds`, { session: s });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body as { customerId: string; trustedEmployee: Bond | null; items: Bond[] };
    };
    // Waits for the listener to bring the customer's bonds to `n` replies in all.
    const waitReplies = (s: Session, customerId: string, replies: number) =>
      waitFor(async () => {
        const b = await bondsOf(s, customerId);
        return b.items.reduce((sum, i) => sum + i.components.replies, 0) === replies ? b : undefined;
      }, `${replies} replies in the bonds of ${customerId}`);
    const recompute = async (t: Tenant) => {
      const res = await call(app, 'POST', '/api/bonds/recompute', { session: t.admin });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body as { bonds: number; removed: number };
    };
    const setValence = (conversationId: string, valence: number) =>
      sql`update messages set emotion = jsonb_set(coalesce(emotion, '{}'::jsonb), '{valence}', to_jsonb(${valence}::float8))
          where conversation_id = ${conversationId} and author_type = 'customer'`.execute(app.ctx.db);
    const backdate = (conversationId: string, authorId: string, days: number) =>
      sql`update messages set created_at = created_at - make_interval(days => ${days}) where conversation_id = ${conversationId} and author_id = ${authorId}`.execute(app.ctx.db);

    test('scores order pairs by how often, how recently and how the customer felt', async () => {
      const t = await createTenant(app, 'Scores');
      const ana = await employee(t, 'Ana Ruiz');
      const bruno = await employee(t, 'Bruno Díaz');
      const v = await visitor(app, t.publicKey);
      const c = await startConversation(app, v, 'Hola, necesito ayuda con mi pedido');
      await reply(bruno, c.conversation.id, 'Te ayudo, dame un momento.');
      for (const text of ['Lo miro ahora mismo.', 'Ya está enviado.', 'Te llega mañana.']) await reply(ana, c.conversation.id, text);
      await waitReplies(t.admin, v.customerId, 4);
      await backdate(c.conversation.id, bruno.employeeId, 120);
      await setValence(c.conversation.id, 0.9);
      await recompute(t);
      const { items, trustedEmployee } = await bondsOf(t.admin, v.customerId);
      assert.deepEqual(items.map((b) => b.employeeName), ['Ana Ruiz', 'Bruno Díaz']);
      assert.equal(trustedEmployee?.employeeId, ana.employeeId);
      assert.equal(items[0]!.components.replies, 3);
      assert.equal(items[1]!.components.replies, 1);
      // 120 days is four half-lives: Bruno's one reply weighs 1/16.
      assert.ok(Math.abs(items[1]!.components.weighted.replies - 1 / 16) < 0.01, JSON.stringify(items[1]));
      assert.ok(items[0]!.score > 10 * items[1]!.score, JSON.stringify(items));

      // Same activity, different feeling: the happy customer's bond is stronger than the angry one's.
      const happy = await visitor(app, t.publicKey);
      const angry = await visitor(app, t.publicKey);
      const hc = await startConversation(app, happy, 'Hola');
      const ac = await startConversation(app, angry, 'Hola');
      await reply(ana, hc.conversation.id, 'Hola, dime.');
      await reply(ana, ac.conversation.id, 'Hola, dime.');
      await setValence(hc.conversation.id, 0.8);
      await setValence(ac.conversation.id, -0.8);
      await recompute(t);
      const h = (await bondsOf(t.admin, happy.customerId)).items[0]!;
      const a = (await bondsOf(t.admin, angry.customerId)).items[0]!;
      assert.equal(h.components.feeling, 0.8);
      assert.equal(a.components.feeling, -0.8);
      assert.ok(h.score > 2 * a.score, `${h.score} vs ${a.score}`);

      // An employee's correction of the polarity wins, as in the mood.
      await sql`update messages set emotion = emotion || jsonb_build_object('polarity', 'negative', 'corrected', jsonb_build_object('emotion', 'joy', 'polarity', 'positive', 'by', null, 'at', now()))
          where conversation_id = ${ac.conversation.id} and author_type = 'customer'`.execute(app.ctx.db);
      await recompute(t);
      assert.equal((await bondsOf(t.admin, angry.customerId)).items[0]!.components.feeling, 0.7);
    });

    test('praise right after an employee\'s reply raises that bond, and incremental updates equal a full recomputation', async () => {
      const t = await createTenant(app, 'Praise');
      const ana = await employee(t, 'Ana Ruiz');
      const bruno = await employee(t, 'Bruno Díaz');
      const v = await visitor(app, t.publicKey);
      const c = await startConversation(app, v, 'Hola, necesito ayuda');
      await reply(bruno, c.conversation.id, 'Hola, soy Bruno, te ayudo yo.');
      await reply(ana, c.conversation.id, 'Hola, soy Ana, ¿qué necesitas?');
      await waitReplies(t.admin, v.customerId, 2);
      const before = await bondsOf(t.admin, v.customerId);
      assert.ok(before.items.every((i) => i.components.praise === 0));
      const brunoBefore = before.items.find((i) => i.employeeId === bruno.employeeId)!.score;
      await reply(bruno, c.conversation.id, 'Ya lo tienes resuelto.');
      await say(v, c.conversation.id, '¡Muchísimas gracias Bruno, eres genial, me has ayudado un montón!');
      const after = await waitFor(async () => {
        const b = await bondsOf(t.admin, v.customerId);
        return b.items.find((i) => i.employeeId === bruno.employeeId)?.components.praise === 1 ? b : undefined;
      }, 'praise for Bruno');
      const b = after.items.find((i) => i.employeeId === bruno.employeeId)!;
      const a = after.items.find((i) => i.employeeId === ana.employeeId)!;
      assert.equal(a.components.praise, 0, 'the thanks came right after Bruno, not Ana');
      assert.equal(after.trustedEmployee?.employeeId, bruno.employeeId);
      // One more reply and conversation weigh 1; the praise adds 4 more, and the thanks lift the feeling.
      assert.ok(b.score > brunoBefore + 5, `${brunoBefore} -> ${b.score}`);
      assert.ok(b.score > a.score + 4, JSON.stringify(after.items));

      // Whatever the listener wrote equals what a full recomputation writes.
      await say(v, c.conversation.id, 'Una cosa más: ¿la factura?');
      await reply(ana, c.conversation.id, 'Te la envío ahora.');
      const incremental = await waitReplies(t.admin, v.customerId, 4);
      const result = await recompute(t);
      assert.equal(result.bonds, 2);
      const full = await bondsOf(t.admin, v.customerId);
      const byEmployee = (items: Bond[]) => new Map(items.map((i) => [i.employeeId, i]));
      const inc = byEmployee(incremental.items);
      assert.equal(full.items.length, inc.size);
      for (const f of full.items) {
        assert.deepEqual(f.components, inc.get(f.employeeId)!.components);
        assert.ok(Math.abs(f.score - inc.get(f.employeeId)!.score) < 1e-2, `${f.score} vs ${inc.get(f.employeeId)!.score}`);
      }
    });

    test('routing: the trusted employee when online and under capacity, else their team, else the queue; off when turned off', async () => {
      const t = await createTenant(app, 'Routing');
      const sales = await team(t, 'Ventas');
      const ana = await employee(t, 'Ana Ruiz', 'agent', sales);
      const bruno = await employee(t, 'Bruno Díaz');
      const v = await visitor(app, t.publicKey);
      const first = await startConversation(app, v, 'Hola');
      assert.equal((await call(app, 'GET', `/api/conversations/${first.conversation.id}/routing`, { session: ana })).body.routing.reason, 'no_bond');
      await reply(ana, first.conversation.id, 'Hola, soy Ana.');
      await waitReplies(t.admin, v.customerId, 1);
      const open = async () => {
        const c = await startConversation(app, v, 'Hola otra vez');
        const conv = await call(app, 'GET', `/api/conversations/${c.conversation.id}`, { session: t.admin });
        const why = await call(app, 'GET', `/api/conversations/${c.conversation.id}/routing`, { session: bruno });
        assert.equal(why.status, 200, JSON.stringify(why.body));
        return { assigneeId: conv.body.assigneeId, teamId: conv.body.teamId, routing: why.body.routing };
      };

      // Ana signed in moments ago (online) and has no open conversations assigned.
      const toAna = await open();
      assert.equal(toAna.assigneeId, ana.employeeId);
      assert.equal(toAna.routing.reason, 'trusted_employee');

      // At capacity (1 open assigned conversation, capacity 1): her team.
      const bad = await call(app, 'PATCH', '/api/workspace', { session: t.admin, body: { settings: { routing: 'sometimes' } } });
      assert.equal(bad.status, 400);
      assert.equal((await call(app, 'PATCH', '/api/workspace', { session: t.admin, body: { settings: { routingCapacity: 0 } } })).status, 400);
      assert.equal((await call(app, 'PATCH', '/api/workspace', { session: t.admin, body: { settings: { routingCapacity: 1 } } })).status, 200);
      const full = await open();
      assert.equal(full.assigneeId, null);
      assert.equal(full.teamId, sales);
      assert.deepEqual([full.routing.reason, full.routing.unavailable], ['trusted_team', 'at_capacity']);
      assert.equal((await call(app, 'PATCH', '/api/workspace', { session: t.admin, body: { settings: { routingCapacity: 10 } } })).status, 200);

      // Not seen for 10 minutes: offline, so her team again.
      await sql`update employees set last_seen_at = now() - interval '10 minutes' where id = ${ana.employeeId}`.execute(app.ctx.db);
      const offline = await open();
      assert.equal(offline.assigneeId, null);
      assert.deepEqual([offline.routing.reason, offline.routing.unavailable, offline.teamId], ['trusted_team', 'offline', sales]);

      // Without a team: the general queue.
      await sql`update employees set team_id = null where id = ${ana.employeeId}`.execute(app.ctx.db);
      const queue = await open();
      assert.deepEqual([queue.assigneeId, queue.teamId, queue.routing.reason], [null, null, 'general_queue']);

      // Routing off: nobody is chosen even when the trusted employee is available.
      await sql`update employees set last_seen_at = now(), team_id = ${sales} where id = ${ana.employeeId}`.execute(app.ctx.db);
      assert.equal((await call(app, 'PATCH', '/api/workspace', { session: t.admin, body: { settings: { routing: 'off' } } })).status, 200);
      const off = await open();
      assert.deepEqual([off.assigneeId, off.teamId, off.routing.reason], [null, null, 'routing_off']);
      assert.equal((await call(app, 'PATCH', '/api/workspace', { session: t.admin, body: { settings: { routing: 'trusted' } } })).status, 200);
      assert.equal((await open()).routing.reason, 'trusted_employee');

      // An explicit assignee is the caller's choice: no routing.
      const res = await call(app, 'POST', '/api/conversations', { session: t.admin, body: { customerId: v.customerId, channel: 'api', assigneeId: bruno.employeeId } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const conv = res.body.conversation ?? res.body;
      assert.equal(conv.assigneeId, bruno.employeeId);
      assert.equal((await call(app, 'GET', `/api/conversations/${conv.id}/routing`, { session: ana })).body.routing, null);
    });

    test('departure risk: the customers hanging on an employee, their value, successors and drafted introductions; concentration', async () => {
      const t = await createTenant(app, 'Risk');
      const sales = await team(t, 'Ventas');
      const ana = await employee(t, 'Ana Ruiz', 'agent', sales);
      const bruno = await employee(t, 'Bruno Díaz');
      const carla = await employee(t, 'Carla Gómez', 'agent', sales);
      const dario = await employee(t, 'Darío Soto', 'agent', sales);
      const manager = await employee(t, 'Marta Vidal', 'manager');
      // Carla is busier than Darío: the handover to the team goes to Darío.
      const busy = await visitor(app, t.publicKey);
      const bc = await startConversation(app, busy, 'Hola');
      assert.equal((await call(app, 'PATCH', `/api/conversations/${bc.conversation.id}`, { session: t.admin, body: { assigneeId: carla.employeeId } })).status, 200);

      const customer = async (name: string, locale: string, value: number | null, who: Array<[Session, number]>) => {
        const v = await visitor(app, t.publicKey);
        const patch = await call(app, 'PATCH', `/api/customers/${v.customerId}`, { session: t.admin, body: { name, locale, ...(value === null ? {} : { attributes: { value } }) } });
        assert.equal(patch.status, 200, JSON.stringify(patch.body));
        const c = await startConversation(app, v, 'Hola');
        let n = 0;
        for (const [s, times] of who) for (let i = 0; i < times; i++, n++) await reply(s, c.conversation.id, `Respuesta ${i}`);
        await waitReplies(t.admin, v.customerId, n);
        return v;
      };
      const lucia = await customer('Lucía Fernández', 'es', 4200, [[bruno, 1], [ana, 3]]);
      const john = await customer('John Smith', 'en', 800, [[ana, 2]]);
      const pedro = await customer('Pedro Gil', 'es', null, [[ana, 1], [bruno, 3]]);

      const forbidden = await call(app, 'GET', `/api/employees/${ana.employeeId}/departure-risk`, { session: ana });
      assert.equal(forbidden.status, 403);
      assert.equal((await call(app, 'GET', '/api/bonds/concentration', { session: ana })).status, 403);
      assert.equal((await call(app, 'POST', '/api/bonds/recompute', { session: manager })).status, 403);

      const risk = await call(app, 'GET', `/api/employees/${ana.employeeId}/departure-risk`, { session: manager });
      assert.equal(risk.status, 200, JSON.stringify(risk.body));
      const byId = new Map(risk.body.customers.map((c: { customerId: string }) => [c.customerId, c]));
      assert.deepEqual([...byId.keys()].sort(), [lucia.customerId, john.customerId].sort(), 'Pedro hangs on Bruno');
      assert.equal((await bondsOf(manager, pedro.customerId)).trustedEmployee?.employeeId, bruno.employeeId);
      assert.equal(risk.body.totalValueAtRisk, 5000);
      const l = byId.get(lucia.customerId) as any;
      const j = byId.get(john.customerId) as any;
      assert.equal(l.value, 4200);
      assert.deepEqual([l.successor.employeeId, l.successor.reason], [bruno.employeeId, 'second_strongest_bond']);
      assert.deepEqual([j.successor.employeeId, j.successor.reason], [dario.employeeId, 'same_team_least_loaded']);
      assert.equal(l.draft.locale, 'es');
      assert.match(l.draft.text, /^Hola Lucía, soy Bruno, de Risk\..*relevo de Ana/);
      assert.equal(j.draft.locale, 'en');
      assert.match(j.draft.text, /^Hi John, I'm Darío from Risk\..*taking over from Ana/);
      assert.ok(l.mood === null || typeof l.mood.score === 'number');

      const conc = await call(app, 'GET', '/api/bonds/concentration', { session: manager });
      assert.equal(conc.status, 200);
      assert.equal(conc.body.customersWithBonds, 3);
      assert.deepEqual(
        conc.body.employees.map((e: { employeeId: string; customers: number }) => [e.employeeId, e.customers]),
        [[ana.employeeId, 2], [bruno.employeeId, 1]],
      );
      assert.equal(conc.body.largestShare, 0.667);
      assert.equal(conc.body.largestEmployeeId, ana.employeeId);

      // Deactivated, Ana is nobody's trusted employee any more, but her departure risk still answers.
      assert.equal((await call(app, 'PATCH', `/api/employees/${ana.employeeId}`, { session: t.admin, body: { active: false } })).status, 200);
      assert.equal((await bondsOf(t.admin, lucia.customerId)).trustedEmployee?.employeeId, bruno.employeeId);
      assert.equal((await call(app, 'GET', `/api/employees/${ana.employeeId}/departure-risk`, { session: manager })).body.customers.length, 2);
    });

    test('a merge moves the absorbed customer\'s bonds to the survivor, and an unmerge moves them back', async () => {
      const t = await createTenant(app, 'Merge');
      const ana = await employee(t, 'Ana Ruiz');
      const bruno = await employee(t, 'Bruno Díaz');
      const a = await visitor(app, t.publicKey);
      const b = await visitor(app, t.publicKey);
      await reply(ana, (await startConversation(app, a, 'Hola')).conversation.id, 'Hola, soy Ana.');
      await reply(bruno, (await startConversation(app, b, 'Hola')).conversation.id, 'Hola, soy Bruno.');
      await waitReplies(t.admin, a.customerId, 1);
      await waitReplies(t.admin, b.customerId, 1);
      const employeesOf = async (customerId: string) =>
        (await app.ctx.db.selectFrom('bonds').select('employee_id').where('customer_id', '=', customerId).orderBy('employee_id').execute()).map((r) => r.employee_id);
      const merged = await call(app, 'POST', `/api/customers/${a.customerId}/merge`, { session: t.admin, body: { absorbedId: b.customerId } });
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      const both = [ana.employeeId, bruno.employeeId].sort();
      await waitFor(async () => ((await employeesOf(a.customerId)).join() === both.join() && (await employeesOf(b.customerId)).length === 0 ? true : undefined), 'bonds moved');
      const unmerged = await call(app, 'POST', `/api/customers/merges/${merged.body.merge.id}/unmerge`, { session: t.admin });
      assert.equal(unmerged.status, 200, JSON.stringify(unmerged.body));
      await waitFor(async () => ((await employeesOf(b.customerId)).join() === bruno.employeeId && (await employeesOf(a.customerId)).join() === ana.employeeId ? true : undefined), 'bonds back');
    });

    test('presence: an employee with an open socket counts as seen', async () => {
      const t = await createTenant(app, 'Presence');
      const email = `eva-${randomUUID().slice(0, 8)}@example.test`;
      assert.equal((await call(app, 'POST', '/api/employees', { session: t.admin, body: { email, name: 'Eva Mora', role: 'agent', password: PASSWORD } })).status, 201);
      const res = await app.server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
      const cookie = res.cookies.find((c) => c.name === 'vinculo_session')!;
      const seenAt = async () => (await app.ctx.db.selectFrom('employees').select('last_seen_at').where('email', '=', email).executeTakeFirstOrThrow()).last_seen_at;
      assert.equal(await seenAt(), null, 'signing in is not yet being around');
      await app.server.listen({ port: 0, host: '127.0.0.1' });
      const socket = await TestSocket.open(`ws://127.0.0.1:${(app.server.server.address() as AddressInfo).port}/api/realtime`, { cookie: `vinculo_session=${cookie.value}` });
      try {
        const at = await seenAt();
        assert.ok(at && Date.now() - at.getTime() < 60_000, String(at));
      } finally {
        await socket.close();
      }
    });

    test('other workspaces see nothing: 404 on their customers, employees and conversations; bad ids are 400', async () => {
      const t = await createTenant(app, 'Mine');
      const other = await createTenant(app, 'Theirs');
      const ana = await employee(t, 'Ana Ruiz');
      const v = await visitor(app, t.publicKey);
      const c = await startConversation(app, v, 'Hola');
      await reply(ana, c.conversation.id, 'Hola');
      await waitReplies(t.admin, v.customerId, 1);
      assert.equal((await call(app, 'GET', `/api/customers/${v.customerId}/bonds`, { session: other.admin })).status, 404);
      assert.equal((await call(app, 'GET', `/api/employees/${ana.employeeId}/departure-risk`, { session: other.admin })).status, 404);
      assert.equal((await call(app, 'GET', `/api/conversations/${c.conversation.id}/routing`, { session: other.admin })).status, 404);
      assert.equal((await call(app, 'GET', '/api/customers/not-a-uuid/bonds', { session: t.admin })).status, 400);
      const theirs = await call(app, 'GET', '/api/bonds/concentration', { session: other.admin });
      assert.equal(theirs.body.customersWithBonds, 0);
      // Their recomputation leaves our bonds alone.
      await recompute(other);
      assert.equal((await bondsOf(t.admin, v.customerId)).items.length, 1);
    });
  });
}
