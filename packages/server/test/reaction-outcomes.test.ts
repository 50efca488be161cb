import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { DAYS } from '../src/modules/reaction/office-hours.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { addEmployee, bearer, call, createTenant, startConversation, visitor, type Session, type Tenant, type Visitor } from './support/api-client.ts';
import { waitFor } from './support/wait-for.ts';

const DISAPPOINTED = 'Me decepcionó mucho el servicio, esperaba más de vosotros';

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

for (const backend of backends()) {
  describe(`Reaction: outcomes, attention, automations, dry-run (${backend})`, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp(backend);
    });
    after(async () => app.teardown());

    const say = (v: Visitor, conversationId: string, text: string) =>
      call(app, 'POST', `/api/widget/conversations/${conversationId}/messages`, { headers: bearer(v.token), body: { text, idempotencyKey: randomUUID() } });
    const reply = (s: Session, conversationId: string, text: string) =>
      call(app, 'POST', `/api/conversations/${conversationId}/messages`, { session: s, body: { text, idempotencyKey: randomUUID() } });
    const openSuggestion = (t: Tenant, customerId: string) =>
      waitFor(async () => (await call(app, 'GET', `/api/suggestions?customerId=${customerId}`, { session: t.admin })).body.items[0], 'a suggestion');
    const points = (t: Tenant, customerId: string, n: number) =>
      waitFor(async () => {
        const r = await call(app, 'GET', `/api/customers/${customerId}/mood`, { session: t.admin });
        return r.body.points.length >= n ? r.body.points : undefined;
      }, `${n} mood points`);
    async function valuable(t: Tenant, name: string): Promise<Visitor> {
      const v = await visitor(app, t.publicKey);
      await call(app, 'PATCH', `/api/customers/${v.customerId}`, { session: t.admin, body: { name, attributes: { segment: 'VIP' } } });
      return v;
    }

    test('outcomes: time to react (first reply or decision) and mood recovery, with aggregates by playbook and employee', async () => {
      const t = await createTenant(app, 'Outcomes');
      const agent = await addEmployee(app, t, 'agent');
      const a = await valuable(t, 'Elena Ramos');
      const { conversation } = await startConversation(app, a, DISAPPOINTED);
      const s1 = await openSuggestion(t, a.customerId);
      const answered = await reply(agent, conversation.id, 'Elena, lo siento mucho. Te llamo ahora mismo.');
      for (const text of ['¡Muchas gracias! Ya está todo solucionado 😊', 'Genial, sois los mejores, gracias de verdad']) await say(a, conversation.id, text);
      const timeline = await points(t, a.customerId, 3);
      assert.equal((await call(app, 'POST', `/api/suggestions/${s1.id}/accept`, { session: agent, body: { actionIndex: 0 } })).status, 200);

      const b = await valuable(t, 'Raúl Peña');
      await startConversation(app, b, 'Estoy muy decepcionada, el pedido llegó roto y era un regalo');
      const s2 = await openSuggestion(t, b.customerId);
      const dismissed = await call(app, 'POST', `/api/suggestions/${s2.id}/dismiss`, { session: t.admin, body: { reason: 'Cliente ya compensado ayer' } });

      const res = await call(app, 'GET', '/api/reaction/outcomes', { session: t.admin });
      assert.equal(res.status, 200);
      assert.equal(res.body.rows.length, 2);
      const r1 = res.body.rows.find((r: { suggestionId: string }) => r.suggestionId === s1.id);
      assert.equal(r1.firstAction.kind, 'reply', 'the reply came before the decision');
      assert.equal(r1.firstAction.employeeId, agent.employeeId);
      assert.equal(r1.reactSeconds, round((Date.parse(answered.body.message.createdAt) - Date.parse(s1.triggeredAt)) / 1000, 1));
      assert.equal(r1.moodAtTrigger, round(timeline[0].score));
      assert.equal(r1.moodAfter, round(timeline[2].score));
      assert.equal(r1.followingMessages, 2);
      assert.equal(r1.recovery, round(timeline[2].score - timeline[0].score));
      assert.ok(r1.recovery > 0.5, `the mood recovered: ${r1.recovery}`);
      assert.equal(r1.status, 'accepted');
      const r2 = res.body.rows.find((r: { suggestionId: string }) => r.suggestionId === s2.id);
      assert.equal(r2.firstAction.kind, 'decision');
      assert.equal(r2.firstAction.employeeId, t.admin.employeeId);
      assert.equal(r2.reactSeconds, round((Date.parse(dismissed.body.decidedAt) - Date.parse(s2.triggeredAt)) / 1000, 1));
      assert.equal(r2.recovery, null, 'no following messages yet');

      assert.equal(res.body.totals.count, 2);
      assert.equal(res.body.totals.acceptanceRate, 0.5);
      assert.equal(res.body.totals.reacted, 2);
      const sorted = [r1.reactSeconds, r2.reactSeconds].sort((x, y) => x - y);
      assert.equal(res.body.totals.medianReactSeconds, round((sorted[0] + sorted[1]) / 2, 1));
      assert.equal(res.body.totals.averageRecovery, r1.recovery);
      assert.equal(res.body.byPlaybook.length, 1);
      assert.equal(res.body.byPlaybook[0].label, 'Cliente valioso decepcionado');
      assert.equal(res.body.byPlaybook[0].count, 2);
      const byAgent = res.body.byEmployee.find((e: { employeeId: string }) => e.employeeId === agent.employeeId);
      assert.equal(byAgent.count, 1);
      assert.equal(byAgent.name, 'A agent');
      assert.equal((await call(app, 'GET', '/api/reaction/outcomes', { session: agent })).status, 403, 'managers and admins only');
      const empty = await call(app, 'GET', `/api/reaction/outcomes?from=${encodeURIComponent(new Date(Date.now() - 86_400_000 * 60).toISOString())}&to=${encodeURIComponent(new Date(Date.now() - 86_400_000 * 40).toISOString())}`, { session: t.admin });
      assert.equal(empty.body.rows.length, 0);
    });

    test('attention: customers ordered by urgency, each with the reason', async () => {
      const t = await createTenant(app, 'Attention');
      const angry = await visitor(app, t.publicKey);
      await call(app, 'PATCH', `/api/customers/${angry.customerId}`, { session: t.admin, body: { name: 'Angry', attributes: { value: 5000 } } });
      const waiting = await visitor(app, t.publicKey);
      await call(app, 'PATCH', `/api/customers/${waiting.customerId}`, { session: t.admin, body: { name: 'Waiting' } });
      const fine = await visitor(app, t.publicKey);
      const c1 = await startConversation(app, angry, 'Estoy harto, es la tercera vez que os escribo y nadie me contesta, es una vergüenza');
      const c2 = await startConversation(app, waiting, '¿Me podéis decir cuándo llega mi pedido?');
      const c3 = await startConversation(app, fine, '¿Tenéis la talla M?');
      await reply(t.admin, c3.conversation.id, 'Sí, la tenemos');
      await points(t, angry.customerId, 1);
      // Backdate: the "waiting" customer wrote 90 minutes ago and nobody answered.
      await sql`update messages set created_at = now() - interval '90 minutes' where conversation_id = ${c2.conversation.id}`.execute(app.ctx.db);

      const res = await call(app, 'GET', '/api/attention', { session: t.admin });
      assert.equal(res.status, 200);
      const names = res.body.items.map((i: { customer: { name: string } }) => i.customer.name);
      assert.deepEqual(names, ['Angry', 'Waiting'], 'the answered, calm customer is not listed');
      const [first, second] = res.body.items;
      assert.ok(first.urgency > second.urgency);
      assert.equal(first.conversationId, c1.conversation.id);
      // One angry message: a low mood, but no trend yet (there is nothing earlier to compare with).
      assert.match(first.reason.text, /^Ánimo −0,\d\d, valor alto$/);
      assert.ok(second.waitingMinutes >= 89 && second.waitingMinutes <= 91, `${second.waitingMinutes}`);
      assert.match(second.reason.text, /^Esperando 9\d min$/);
      const en = await call(app, 'GET', '/api/attention?locale=en', { session: t.admin });
      assert.match(en.body.items[1].reason.text, /^Waiting 9\d min$/);
    });

    test('automation: off by default; on → one system message per conversation outside office hours, none inside', async () => {
      const t = await createTenant(app, 'Automation');
      const settings = await call(app, 'GET', '/api/reaction/settings', { session: t.admin });
      assert.equal(settings.body.automations.afterHoursAck.enabled, false);
      const quiet = await visitor(app, t.publicKey);
      const q = await startConversation(app, quiet, 'Hola, ¿hay alguien?');
      await new Promise((r) => setTimeout(r, 300));
      const none = await call(app, 'GET', `/api/conversations/${q.conversation.id}/messages`, { session: t.admin });
      assert.equal(none.body.items.length, 1, 'off by default: nothing automatic');

      // Open only tomorrow, 09:00–10:00 UTC: closed now, whatever the time.
      const tomorrow = DAYS[(new Date().getUTCDay() + 6 + 1) % 7]!;
      const on = await call(app, 'PATCH', '/api/reaction/settings', {
        session: t.admin,
        body: { automations: { afterHoursAck: { enabled: true, officeHours: { timezone: 'UTC', weekly: [{ day: tomorrow, from: '09:00', to: '10:00' }] } } } },
      });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      assert.equal(on.body.automations.afterHoursAck.enabled, true);
      assert.match(on.body.automations.afterHoursAck.text.en, /^Automatic message/, 'the default text keeps its default');

      const v = await visitor(app, t.publicKey);
      await call(app, 'PATCH', `/api/customers/${v.customerId}`, { session: t.admin, body: { locale: 'en' } });
      const c = await startConversation(app, v, 'Hello, is anyone there?');
      const auto = await waitFor(async () => {
        const r = await call(app, 'GET', `/api/conversations/${c.conversation.id}/messages`, { session: t.admin });
        return r.body.items.find((m: { authorType: string }) => m.authorType === 'system');
      }, 'the automatic acknowledgement');
      assert.equal(auto.direction, 'outbound');
      assert.equal(auto.authorId, null, 'never written as an employee');
      assert.equal(auto.authorName, null);
      assert.match(auto.text, /^Automatic message: /);
      await say(v, c.conversation.id, 'Hello again?');
      await say(v, c.conversation.id, 'Anyone?');
      await new Promise((r) => setTimeout(r, 300));
      const all = await call(app, 'GET', `/api/conversations/${c.conversation.id}/messages`, { session: t.admin });
      assert.equal(all.body.items.filter((m: { authorType: string }) => m.authorType === 'system').length, 1, 'one per closed period');
      const seen = await call(app, 'GET', `/api/widget/conversations/${c.conversation.id}/messages`, { headers: bearer(v.token) });
      assert.equal(seen.body.items.find((m: { authorType: string }) => m.authorType === 'system').text, auto.text, 'the customer sees it, labelled by authorType');
      const audit = await call(app, 'GET', '/api/audit-log', { session: t.admin });
      assert.ok(audit.body.items.some((e: { action: string; actorType: string }) => e.action === 'automation.sent' && e.actorType === 'system'));

      await call(app, 'PATCH', '/api/reaction/settings', {
        session: t.admin,
        body: { automations: { afterHoursAck: { officeHours: { timezone: 'Europe/Madrid', weekly: DAYS.map((day) => ({ day, from: '00:00', to: '24:00' })) } } } },
      });
      const inside = await visitor(app, t.publicKey);
      const ci = await startConversation(app, inside, 'Hola');
      await new Promise((r) => setTimeout(r, 300));
      const within = await call(app, 'GET', `/api/conversations/${ci.conversation.id}/messages`, { session: t.admin });
      assert.equal(within.body.items.length, 1, 'inside office hours nothing is sent');
    });

    test('dry-run: what a playbook would have proposed over the last days', async () => {
      const t = await createTenant(app, 'DryRun');
      const a = await visitor(app, t.publicKey);
      await call(app, 'PATCH', `/api/customers/${a.customerId}`, { session: t.admin, body: { name: 'Clara' } });
      const b = await visitor(app, t.publicKey);
      const ca = await startConversation(app, a, 'Se me rompió el paraguas nuevo, qué decepción');
      await say(a, ca.conversation.id, 'El paraguas era un regalo');
      await startConversation(app, b, 'Quiero un paraguas grande');
      await startConversation(app, b, 'Hola, otra pregunta sobre envíos');
      const inline = { name: { es: 'Paraguas' }, condition: { field: 'keywords', op: 'any', value: ['paraguas'] }, actions: [{ type: 'gift', description: { es: 'Un paraguas' } }, { type: 'follow_up', hours: 24 }] };
      const res = await call(app, 'POST', '/api/playbooks/dry-run', { session: t.admin, body: { playbook: inline, days: 7 } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.messagesEvaluated, 4);
      assert.equal(res.body.matches, 3);
      assert.equal(res.body.customers, 2);
      assert.equal(res.body.suggestions, 2);
      assert.deepEqual(res.body.perAction, { gift: 2, follow_up: 2 });
      assert.equal(res.body.sample.length, 3);
      assert.equal(res.body.sample[0].quote, 'Quiero un paraguas grande', 'newest first');
      assert.equal(res.body.sample[0].reason.text, 'Menciona «paraguas»');
      assert.ok(res.body.tookMs < 2000);

      const byId = (await call(app, 'GET', '/api/playbooks', { session: t.admin })).body.items.find((p: { key: string }) => p.key === 'disappointed-valuable');
      const none = await call(app, 'POST', '/api/playbooks/dry-run', { session: t.admin, body: { playbook: byId.id, days: 30 } });
      assert.equal(none.body.matches, 0, 'nobody is valuable: value absent → false, never an error');
      await call(app, 'PATCH', `/api/customers/${a.customerId}`, { session: t.admin, body: { attributes: { value: 2500 } } });
      const one = await call(app, 'POST', '/api/playbooks/dry-run', { session: t.admin, body: { playbook: byId.id, days: 30, locale: 'en' } });
      assert.equal(one.body.matches, 1);
      assert.match(one.body.sample[0].reason.text, /^Disappointed \(0\.\d\d\), high value$/);
      const bad = await call(app, 'POST', '/api/playbooks/dry-run', { session: t.admin, body: { playbook: { ...inline, condition: { field: 'keywords', op: 'all', value: ['x'] } }, days: 7 } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details[0].path, 'body.playbook.condition.op');
    });
  });
}
