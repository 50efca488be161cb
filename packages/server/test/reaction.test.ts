import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { runDueReminders } from '../src/modules/reaction/reminder.service.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { addEmployee, bearer, call, createTenant, startConversation, visitor, type Session, type Tenant, type Visitor } from './support/api-client.ts';
import { eventOf, TestSocket } from './support/ws-client.ts';
import { waitFor } from './support/wait-for.ts';

const DISAPPOINTED = 'Me decepcionó mucho el servicio, esperaba más de vosotros';

for (const backend of backends()) {
  describe(`Reaction: playbooks and suggestions (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    let agent: Session;
    let base: string;
    const sockets: TestSocket[] = [];

    before(async () => {
      app = await createTestApp(backend);
      acme = await createTenant(app, 'Acme');
      agent = await addEmployee(app, acme, 'agent');
      await app.server.listen({ port: 0, host: '127.0.0.1' });
      base = `ws://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await Promise.all(sockets.map((s) => s.close()));
      await app.teardown();
    });

    const say = (v: Visitor, conversationId: string, text: string) =>
      call(app, 'POST', `/api/widget/conversations/${conversationId}/messages`, { headers: bearer(v.token), body: { text, idempotencyKey: randomUUID() } });
    const reply = (s: Session, conversationId: string, text: string) =>
      call(app, 'POST', `/api/conversations/${conversationId}/messages`, { session: s, body: { text, idempotencyKey: randomUUID() } });
    const suggestionsOf = (customerId: string, status = 'open,snoozed,accepted,dismissed', s: Session = acme.admin) =>
      call(app, 'GET', `/api/suggestions?customerId=${customerId}&status=${status}`, { session: s });

    // A valuable customer who already knows `agent`: a previous conversation the agent answered.
    async function valuableCustomer(name = 'Lucía Fernández'): Promise<Visitor> {
      const v = await visitor(app, acme.publicKey);
      const patched = await call(app, 'PATCH', `/api/customers/${v.customerId}`, { session: acme.admin, body: { name, locale: 'es', attributes: { value: 4200 } } });
      assert.equal(patched.status, 200);
      const first = await startConversation(app, v, 'Hola, ¿a qué hora abrís?');
      assert.equal((await reply(agent, first.conversation.id, 'Abrimos a las 9, ¡hasta luego!')).status, 201);
      await call(app, 'PATCH', `/api/conversations/${first.conversation.id}`, { session: acme.admin, body: { status: 'resolved' } });
      return v;
    }

    test('defaults ship with the workspace: a disappointed valuable customer gets a personal call by the trusted employee, live within 1 s, with the reason', async () => {
      const list = await call(app, 'GET', '/api/playbooks', { session: agent });
      assert.equal(list.status, 200);
      const keys = list.body.items.map((p: { key: string }) => p.key);
      for (const k of ['disappointed-valuable', 'angry-repeat', 'worried-money-data', 'waiting-negative', 'about-to-leave']) assert.ok(keys.includes(k), k);
      assert.ok(list.body.items.every((p: { name: { es: string; en: string } }) => p.name.es && p.name.en), 'Spanish and English');

      const v = await valuableCustomer();
      const emp = await TestSocket.open(`${base}/api/realtime`, { cookie: agent.cookie });
      sockets.push(emp);
      await emp.next((f) => f.type === 'ready');
      const { conversation } = await call(app, 'POST', '/api/widget/conversations', { headers: bearer(v.token), body: { text: 'Hola otra vez', idempotencyKey: randomUUID() } }).then((r) => r.body);
      await call(app, 'PATCH', `/api/conversations/${conversation.id}`, { session: acme.admin, body: { assigneeId: acme.admin.employeeId } });

      const sentAt = Date.now();
      assert.equal((await say(v, conversation.id, DISAPPOINTED)).status, 201);
      const frame = await emp.next((f) => f.type === 'event' && eventOf(f).type === 'suggestion.created' && eventOf(f).data.suggestion.customer.id === v.customerId, 3000);
      const elapsed = Date.now() - sentAt;
      assert.ok(elapsed < 1000, `pushed within 1 s (took ${elapsed} ms)`);
      const s = eventOf(frame).data.suggestion;
      assert.equal(s.status, 'open');
      assert.equal(s.conversationId, conversation.id);
      assert.match(s.reason.text, /^Decepcionado \(0,\d\d\), valor alto$/);
      assert.match(s.reason.texts.en, /^Disappointed \(0\.\d\d\), high value$/);
      assert.equal(s.reason.parts[0].kind, 'emotion');
      const call_ = s.actions.find((a: { type: string }) => a.type === 'personal_call');
      assert.equal(call_.by, 'trusted');
      assert.equal(call_.employee.id, agent.employeeId, 'the employee who has written most to this customer');
      assert.equal(s.actions.find((a: { type: string }) => a.type === 'offer_discount').percent, 10);
      assert.equal(s.target.assigneeId, acme.admin.employeeId);
      assert.ok(s.target.employeeIds.includes(agent.employeeId) && s.target.employeeIds.includes(acme.admin.employeeId));

      const mine = await call(app, 'GET', '/api/suggestions?mine=true', { session: agent });
      assert.ok(mine.body.items.some((x: { id: string }) => x.id === s.id), 'the trusted employee sees it as theirs');
    });

    test('dedupe: one open suggestion per playbook and customer; a newer trigger updates its reason', async () => {
      const v = await valuableCustomer('Marta Gil');
      const { conversation } = await startConversation(app, v, DISAPPOINTED);
      const first = await waitFor(async () => {
        const r = await suggestionsOf(v.customerId);
        return r.body.items.length ? r.body.items : undefined;
      }, 'a suggestion');
      assert.equal(first.length, 1);
      const emp = await TestSocket.open(`${base}/api/realtime`, { cookie: acme.admin.cookie });
      sockets.push(emp);
      await emp.next((f) => f.type === 'ready');
      await say(v, conversation.id, 'De verdad, estoy muy decepcionada, el pedido llegó roto y era un regalo');
      const updated = await emp.next((f) => f.type === 'event' && eventOf(f).type === 'suggestion.updated' && eventOf(f).data.suggestion.id === first[0].id);
      assert.equal(eventOf(updated).data.suggestion.triggerCount, 2);
      // A re-trigger sends only what changed; clients merge it into the suggestion they hold.
      assert.equal(eventOf(updated).data.suggestion.actions, undefined, 'compact update');
      assert.equal(eventOf(updated).data.suggestion.status, 'open');
      assert.ok(eventOf(updated).data.suggestion.reason.text);
      const after = await suggestionsOf(v.customerId);
      assert.equal(after.body.items.length, 1, 'still one');
      assert.equal(eventOf(updated).data.suggestion.lastMessageId, after.body.items[0].lastMessageId);
      assert.equal(after.body.items[0].triggerCount, 2);
      assert.notEqual(after.body.items[0].lastMessageId, after.body.items[0].triggerMessageId);
      assert.equal(emp.events('suggestion.created').filter((f) => eventOf(f).data.suggestion.customer.id === v.customerId).length, 0);
    });

    test('accept with an edited discount goes on the timeline; over the bound → 400 with the path; decided twice → 409', async () => {
      const v = await valuableCustomer('Pablo Ruiz');
      await startConversation(app, v, DISAPPOINTED);
      const s = await waitFor(async () => (await suggestionsOf(v.customerId, 'open')).body.items[0], 'a suggestion');
      const discountIndex = s.actions.findIndex((a: { type: string }) => a.type === 'offer_discount');

      const over = await call(app, 'POST', `/api/suggestions/${s.id}/accept`, { session: agent, body: { actions: [{ index: discountIndex, percent: 40 }] } });
      assert.equal(over.status, 400);
      assert.equal(over.body.error.details[0].path, 'body.actions.0.percent');
      assert.match(over.body.error.message, /at most 15/);
      const wrongParam = await call(app, 'POST', `/api/suggestions/${s.id}/accept`, { session: agent, body: { actions: [{ index: discountIndex, hours: 3 }] } });
      assert.equal(wrongParam.status, 400);
      assert.equal(wrongParam.body.error.details[0].path, 'body.actions.0.hours');
      const noSuch = await call(app, 'POST', `/api/suggestions/${s.id}/accept`, { session: agent, body: { actionIndex: 9 } });
      assert.equal(noSuch.status, 400);

      const ok = await call(app, 'POST', `/api/suggestions/${s.id}/accept`, { session: agent, body: { actions: [{ index: 0 }, { index: discountIndex, percent: 12 }] } });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.suggestion.status, 'accepted');
      assert.equal(ok.body.accepted[1].action.percent, 12);
      assert.equal(ok.body.suggestion.decidedBy, agent.employeeId);

      const timeline = await call(app, 'GET', `/api/customers/${v.customerId}/timeline`, { session: acme.admin });
      assert.equal(timeline.status, 200);
      const kinds = timeline.body.items.map((i: { kind: string }) => i.kind);
      assert.ok(kinds.includes('action.personal_call'));
      assert.ok(kinds.includes('action.offer_discount'));
      assert.ok(kinds.includes('conversation.opened') && kinds.includes('conversation.resolved'));
      const discount = timeline.body.items.find((i: { kind: string }) => i.kind === 'action.offer_discount');
      assert.equal(discount.data.action.percent, 12);
      assert.equal(discount.actor.id, agent.employeeId);
      assert.match(discount.data.reason, /Decepcionado/);

      const again = await call(app, 'POST', `/api/suggestions/${s.id}/dismiss`, { session: agent, body: { reason: 'changed my mind' } });
      assert.equal(again.status, 409);
    });

    test('dismiss needs a reason, which is stored; snooze brings it back with a reminder when due', async () => {
      const v = await valuableCustomer('Irene Soto');
      const { conversation } = await startConversation(app, v, DISAPPOINTED);
      const s = await waitFor(async () => (await suggestionsOf(v.customerId, 'open')).body.items[0], 'a suggestion');
      for (const body of [{}, { reason: 'no' }, { reason: 'x'.repeat(501) }]) {
        const bad = await call(app, 'POST', `/api/suggestions/${s.id}/dismiss`, { session: agent, body });
        assert.equal(bad.status, 400, JSON.stringify(body));
        assert.equal(bad.body.error.details[0].path, 'body.reason');
      }
      const snoozed = await call(app, 'POST', `/api/suggestions/${s.id}/snooze`, { session: agent, body: { minutes: 30 } });
      assert.equal(snoozed.status, 200);
      assert.equal(snoozed.body.suggestion.status, 'snoozed');
      assert.equal(snoozed.body.reminder.status, 'pending');
      const mine = await call(app, 'GET', '/api/reminders?mine=true', { session: agent });
      assert.ok(mine.body.items.some((r: { id: string }) => r.id === snoozed.body.reminder.id));

      const emp = await TestSocket.open(`${base}/api/realtime`, { cookie: agent.cookie });
      sockets.push(emp);
      await emp.next((f) => f.type === 'ready');
      assert.equal(await runDueReminders(app.ctx, new Date()), 0, 'not yet');
      const fired = await runDueReminders(app.ctx, new Date(Date.now() + 31 * 60_000));
      assert.ok(fired >= 1);
      const due = await emp.next((f) => f.type === 'event' && eventOf(f).type === 'reminder.due' && eventOf(f).data.reminder.id === snoozed.body.reminder.id);
      assert.equal(eventOf(due).data.reminder.suggestionId, s.id);
      const back = await emp.next((f) => f.type === 'event' && eventOf(f).type === 'suggestion.updated' && eventOf(f).data.suggestion.id === s.id && eventOf(f).data.suggestion.status === 'open');
      assert.equal(eventOf(back).data.suggestion.snoozedUntil, null);

      const dismissed = await call(app, 'POST', `/api/suggestions/${s.id}/dismiss`, { session: agent, body: { reason: 'Ya le llamé ayer por otro tema' } });
      assert.equal(dismissed.status, 200);
      assert.deepEqual(dismissed.body.decision, { kind: 'dismissed', reason: 'Ya le llamé ayer por otro tema' });
      const stored = await call(app, 'GET', `/api/suggestions/${s.id}`, { session: acme.admin });
      assert.equal(stored.body.decision.reason, 'Ya le llamé ayer por otro tema');
      // A new trigger after a decision is a new suggestion.
      await say(v, conversation.id, 'Sigo muy decepcionada con todo esto, de verdad');
      await waitFor(async () => ((await suggestionsOf(v.customerId, 'open')).body.items.length === 1 ? true : undefined), 'a new open suggestion');
    });

    test('a follow-up creates a reminder that comes back at the right time and can be done', async () => {
      const v = await visitor(app, acme.publicKey);
      await call(app, 'PATCH', `/api/customers/${v.customerId}`, { session: acme.admin, body: { name: 'Ana Torres' } });
      await startConversation(app, v, 'Me preocupa que me hayáis cobrado dos veces, ¿qué pasa con mi dinero?');
      const s = await waitFor(async () => (await suggestionsOf(v.customerId, 'open')).body.items[0], 'a suggestion');
      assert.equal(s.playbook.name.en, 'Worried about money or data');
      const followIndex = s.actions.findIndex((a: { type: string }) => a.type === 'follow_up');
      const accepted = await call(app, 'POST', `/api/suggestions/${s.id}/accept`, { session: agent, body: { actions: [{ index: followIndex, hours: 3 }] } });
      assert.equal(accepted.status, 200);
      const reminder = accepted.body.reminders[0];
      const dueIn = Date.parse(reminder.dueAt) - Date.now();
      assert.ok(dueIn > 2.9 * 3_600_000 && dueIn <= 3 * 3_600_000, 'due in 3 hours');
      assert.match(reminder.text, /Ana Torres/);
      assert.equal(await runDueReminders(app.ctx, new Date(Date.now() + 2 * 3_600_000)), 0);
      assert.ok((await runDueReminders(app.ctx, new Date(Date.now() + 3 * 3_600_000 + 1000))) >= 1);
      const due = await call(app, 'GET', '/api/reminders?mine=true&status=due', { session: agent });
      assert.ok(due.body.items.some((r: { id: string }) => r.id === reminder.id));
      const done = await call(app, 'POST', `/api/reminders/${reminder.id}/done`, { session: agent });
      assert.equal(done.status, 200);
      assert.equal(done.body.status, 'done');
      const timeline = await call(app, 'GET', `/api/customers/${v.customerId}/timeline`, { session: agent });
      assert.ok(timeline.body.items.some((i: { kind: string }) => i.kind === 'follow_up.done'));
    });

    test('the angry third contact in a week escalates, with an apology drafted from the conversation', async () => {
      const v = await visitor(app, acme.publicKey);
      await call(app, 'PATCH', `/api/customers/${v.customerId}`, { session: acme.admin, body: { name: 'Jorge Martín' } });
      // Three contacts today: each new conversation is one (a message in the same burst is not).
      await startConversation(app, v, 'Hola, mi pedido no ha llegado');
      await startConversation(app, v, 'Sigo sin pedido, ¿alguien me puede decir algo?');
      const c1 = await startConversation(app, v, 'Estoy harto, es la tercera vez que os escribo y nadie me contesta');
      const s = await waitFor(async () => (await suggestionsOf(v.customerId, 'open')).body.items.find((x: { playbook: { name: { en: string } } }) => x.playbook.name.en === 'Angry and writing again'), 'an escalation');
      assert.match(s.reason.text, /^Enfadado \(0,\d\d\), tercer contacto en 1 día$/);
      assert.equal(s.target.escalated, true);
      const apology = s.actions.find((a: { type: string }) => a.type === 'apology');
      assert.match(apology.text, /^Hola Jorge, /);
      assert.match(apology.text, /«Estoy harto, es la tercera vez/);
      const manager = await addEmployee(app, acme, 'manager');
      const managers = await call(app, 'GET', '/api/suggestions?mine=true', { session: manager });
      assert.ok(managers.body.items.some((x: { id: string }) => x.id === s.id), 'escalations reach managers');
      const accepted = await call(app, 'POST', `/api/suggestions/${s.id}/accept`, { session: agent, body: { actions: [{ index: 1, text: 'Hola Jorge, lo siento mucho. Te llamo ahora.' }] } });
      assert.equal(accepted.status, 200);
      assert.deepEqual(accepted.body.drafts, [{ index: 1, type: 'apology', text: 'Hola Jorge, lo siento mucho. Te llamo ahora.' }]);
      const messages = await call(app, 'GET', `/api/conversations/${c1.conversation.id}/messages`, { session: agent });
      assert.ok(messages.body.items.every((m: { direction: string }) => m.direction === 'inbound'), 'nothing was sent to the customer');
    });

    test('bad playbook definitions → 400 with field paths; only admins write', async () => {
      const good = {
        name: { en: 'VIP worried' },
        condition: { all: [{ field: 'emotion', op: 'eq', value: 'fear' }, { field: 'segment', op: 'in', value: ['vip'] }] },
        actions: [{ type: 'offer_discount', percent: 5 }],
      };
      const cases: Array<[string, unknown, string, RegExp]> = [
        ['unknown field', { ...good, condition: { all: [{ field: 'shoeSize', op: 'gt', value: 42 }] } }, 'body.condition.all.0.field', /unknown field "shoeSize"/],
        ['wrong op', { ...good, condition: { field: 'intensity', op: 'approximately', value: 0.5 } }, 'body.condition.op', /must be one of: gt, gte/],
        ['discount over the bound', { ...good, actions: [{ type: 'personal_call', by: 'trusted' }, { type: 'offer_discount', percent: 30 }] }, 'body.actions.1.percent', /at most 15/],
        ['empty actions', { ...good, actions: [] }, 'body.actions', /non-empty/],
        ['unknown action', { ...good, actions: [{ type: 'send_coupon_automatically' }] }, 'body.actions.0.type', /unknown action/],
        ['unknown placeholder', { ...good, actions: [{ type: 'apology', draft: { es: 'Hola {nombre}' } }] }, 'body.actions.0.draft.es', /unknown placeholder \{nombre\}/],
        ['list with eq', { ...good, condition: { field: 'emotion', op: 'eq', value: ['fear', 'anger'] } }, 'body.condition.value', /use "in"/],
        ['extra key', { ...good, condition: { field: 'alert', op: 'eq', value: true, weight: 3 } }, 'body.condition', /unknown key "weight"/],
        ['days out of range', { ...good, condition: { field: 'contactsInDays', days: 400, op: 'gte', value: 3 } }, 'body.condition.days', /at most 90/],
        ['no name', { condition: good.condition, actions: good.actions }, 'body.name', /./],
      ];
      for (const [what, body, path, message] of cases) {
        const res = await call(app, 'POST', '/api/playbooks', { session: acme.admin, body });
        assert.equal(res.status, 400, `${what}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, 'validation_failed');
        const issue = res.body.error.details.find((d: { path: string }) => d.path === path);
        assert.ok(issue, `${what}: expected ${path} in ${JSON.stringify(res.body.error.details)}`);
        assert.match(issue.message, message, what);
        assert.ok(res.body.error.message.includes(path), `${what}: the message names the path`);
      }
      assert.equal((await call(app, 'POST', '/api/playbooks', { session: agent, body: good })).status, 403);
      const created = await call(app, 'POST', '/api/playbooks', { session: acme.admin, body: good });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.priority, 50);
      const patched = await call(app, 'PATCH', `/api/playbooks/${created.body.id}`, { session: acme.admin, body: { actions: [{ type: 'offer_compensation', amount: 500, currency: 'EUR' }] } });
      assert.equal(patched.status, 400);
      assert.equal(patched.body.error.details[0].path, 'body.actions.0.amount');
      const raised = await call(app, 'PATCH', '/api/reaction/settings', { session: acme.admin, body: { maxCompensation: 600 } });
      assert.equal(raised.status, 200);
      const ok = await call(app, 'PATCH', `/api/playbooks/${created.body.id}`, { session: acme.admin, body: { actions: [{ type: 'offer_compensation', amount: 500, currency: 'EUR' }], enabled: false } });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.enabled, false);
      assert.equal((await call(app, 'DELETE', `/api/playbooks/${created.body.id}`, { session: acme.admin })).status, 204);
      assert.equal((await call(app, 'GET', `/api/playbooks/${created.body.id}`, { session: acme.admin })).status, 404);
      const catalog = await call(app, 'GET', '/api/playbooks/catalog', { session: agent });
      assert.equal(catalog.body.bounds.maxCompensation, 600);
    });

    test('a playbook change takes effect on the next message (the cache is dropped)', async () => {
      const created = await call(app, 'POST', '/api/playbooks', {
        session: acme.admin,
        body: { name: { es: 'Menciona el paraguas' }, priority: 999, condition: { field: 'keywords', op: 'any', value: ['paraguas'] }, actions: [{ type: 'gift', description: { es: 'Un paraguas de regalo' } }] },
      });
      assert.equal(created.status, 201);
      const v = await visitor(app, acme.publicKey);
      await startConversation(app, v, 'Hola, ¿vendéis PARAGUAS?');
      const s = await waitFor(async () => (await suggestionsOf(v.customerId, 'open')).body.items[0], 'the new playbook proposes');
      assert.equal(s.playbook.id, created.body.id);
      assert.equal(s.reason.text, 'Menciona «paraguas»');
      assert.equal(s.actions[0].text, 'Un paraguas de regalo');
      await call(app, 'DELETE', `/api/playbooks/${created.body.id}`, { session: acme.admin });
      const v2 = await visitor(app, acme.publicKey);
      await startConversation(app, v2, 'Hola, ¿vendéis paraguas?');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal((await suggestionsOf(v2.customerId)).body.items.length, 0);
      const kept = await call(app, 'GET', `/api/suggestions/${s.id}`, { session: acme.admin });
      assert.equal(kept.body.playbook.id, null, 'a suggestion outlives its deleted playbook');
      assert.equal(kept.body.playbook.name.es, 'Menciona el paraguas');
    });

    test("workspace isolation: another workspace's suggestions, playbooks and reminders are 404", async () => {
      const other = await createTenant(app, 'Other');
      const v = await valuableCustomer('Sara Vidal');
      await startConversation(app, v, DISAPPOINTED);
      const s = await waitFor(async () => (await suggestionsOf(v.customerId, 'open')).body.items[0], 'a suggestion');
      const snoozed = await call(app, 'POST', `/api/suggestions/${s.id}/snooze`, { session: acme.admin, body: { minutes: 10 } });
      const playbooks = await call(app, 'GET', '/api/playbooks', { session: acme.admin });
      const pid = playbooks.body.items[0].id;
      for (const [method, url, body] of [
        ['GET', `/api/suggestions/${s.id}`],
        ['POST', `/api/suggestions/${s.id}/accept`, {}],
        ['POST', `/api/suggestions/${s.id}/dismiss`, { reason: 'not mine' }],
        ['POST', `/api/suggestions/${s.id}/snooze`, { minutes: 5 }],
        ['GET', `/api/playbooks/${pid}`],
        ['PATCH', `/api/playbooks/${pid}`, { enabled: false }],
        ['DELETE', `/api/playbooks/${pid}`],
        ['POST', `/api/reminders/${snoozed.body.reminder.id}/done`],
        ['GET', `/api/customers/${v.customerId}/timeline`],
      ] as const) {
        const res = await call(app, method, url, { session: other.admin, ...(body ? { body } : {}) });
        assert.equal(res.status, 404, `${method} ${url}: ${res.status}`);
      }
      const dry = await call(app, 'POST', '/api/playbooks/dry-run', { session: other.admin, body: { playbook: pid, days: 7 } });
      assert.equal(dry.status, 404);
      const lists = await Promise.all([
        call(app, 'GET', '/api/suggestions?status=open,snoozed,accepted,dismissed', { session: other.admin }),
        call(app, 'GET', '/api/reminders?mine=false&status=pending,due,done', { session: other.admin }),
        call(app, 'GET', '/api/attention', { session: other.admin }),
        call(app, 'GET', '/api/reaction/outcomes', { session: other.admin }),
      ]);
      assert.deepEqual(lists.map((l) => l.status), [200, 200, 200, 200]);
      assert.equal(lists[0].body.items.length, 0);
      assert.equal(lists[1].body.items.length, 0);
      assert.equal(lists[2].body.items.length, 0);
      assert.equal(lists[3].body.rows.length, 0);
      const ws = await TestSocket.open(`${base}/api/realtime`, { cookie: other.admin.cookie });
      sockets.push(ws);
      await ws.next((f) => f.type === 'ready');
      await startConversation(app, await valuableCustomer('Nadia Ortega'), DISAPPOINTED);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(ws.events('suggestion.created').length, 0, "no frames from another workspace's suggestions");
    });

    test('client mistakes are 4xx, never 500', async () => {
      const cases: Array<[string, string, unknown, number]> = [
        ['GET', '/api/suggestions?status=maybe', undefined, 400],
        ['GET', '/api/suggestions/not-a-uuid', undefined, 400],
        ['POST', `/api/suggestions/${randomUUID()}/accept`, {}, 404],
        ['POST', `/api/suggestions/${randomUUID()}/snooze`, { minutes: 0 }, 400],
        ['POST', '/api/playbooks/dry-run', { playbook: randomUUID(), days: 365 }, 400],
        ['POST', '/api/playbooks/dry-run', { playbook: { name: { es: 'x' } }, days: 7 }, 400],
        ['GET', '/api/reaction/outcomes?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z', undefined, 400],
        ['PATCH', '/api/reaction/settings', { maxDiscountPercent: 150 }, 400],
        ['PATCH', '/api/reaction/settings', { automations: { afterHoursAck: { officeHours: { timezone: 'Mars/Olympus', weekly: [{ day: 'mon', from: '09:00', to: '18:00' }] } } } }, 400],
        ['PATCH', '/api/reaction/settings', { automations: { afterHoursAck: { officeHours: { timezone: 'UTC', weekly: [{ day: 'mon', from: '18:00', to: '09:00' }] } } } }, 400],
        ['POST', `/api/reminders/${randomUUID()}/done`, undefined, 404],
      ];
      for (const [method, url, body, status] of cases) {
        const res = await call(app, method as 'GET', url, { session: acme.admin, ...(body === undefined ? {} : { body }) });
        assert.equal(res.status, status, `${method} ${url}: ${JSON.stringify(res.body)}`);
        assert.ok(res.body.error.message, 'a clear message');
      }
      const tz = await call(app, 'PATCH', '/api/reaction/settings', {
        session: acme.admin,
        body: { automations: { afterHoursAck: { officeHours: { timezone: 'Mars/Olympus', weekly: [{ day: 'mon', from: '09:00', to: '18:00' }] } } } },
      });
      assert.equal(tz.body.error.details[0].path, 'body.automations.afterHoursAck.officeHours.timezone');
      assert.equal((await call(app, 'PATCH', '/api/reaction/settings', { session: agent, body: { maxDiscountPercent: 5 } })).status, 403);
    });
  });
}
