import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sendDueSurveys } from '../src/modules/surveys/survey-schedule.service.ts';
import { addEmployee, bearer, call, createTenant, startConversation, visitor, type Session, type Tenant } from './support/api-client.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';

for (const backend of backends()) {
  describe(`exit surveys: churn posted or marked, the customer asked why, the report (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    let agent: Session;
    let token: string;

    const tokenOf = (url: string) => url.split('/s/')[1]!;
    const form = (t: string, fields: Record<string, string>) =>
      app.server.inject({ method: 'POST', url: `/s/${t}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

    before(async () => {
      app = await createTestApp(backend);
      acme = await createTenant(app, 'Acme');
      agent = await addEmployee(app, acme, 'agent');
      const created = await call(app, 'POST', '/api/api-tokens', { session: acme.admin, body: { name: 'Billing', role: 'agent' } });
      assert.equal(created.status, 201);
      token = created.body.token;
    });
    after(() => app.teardown());

    test('the company\'s system posts a churn event: the exit is recorded once, the customer is asked why in their conversation and on the page', async () => {
      const v = await visitor(app, acme.publicKey, { locale: 'es' });
      const { conversation } = await startConversation(app, v, 'Quiero darme de baja');
      const body = { externalId: `churn-${randomUUID()}`, at: '2026-03-04T10:00:00Z', note: 'Cancelled the plan' };
      const res = await call(app, 'POST', `/api/customers/${v.customerId}/exit`, { headers: bearer(token), body });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.at, '2026-03-04T10:00:00.000Z');
      assert.match(res.body.survey.url, /\/s\/[\w-]+\.[\w-]+$/);
      const again = await call(app, 'POST', `/api/customers/${v.customerId}/exit`, { headers: bearer(token), body });
      assert.equal(again.status, 200, 'the same externalId again');
      assert.equal(again.body.id, res.body.id);
      assert.equal((await app.ctx.db.selectFrom('customer_exits').select('id').where('customer_id', '=', v.customerId).execute()).length, 1);

      await sendDueSurveys(app.ctx);
      const messages = await app.ctx.db.selectFrom('messages').select('text').where('conversation_id', '=', conversation.id).where('author_type', '=', 'system').execute();
      assert.equal(messages.length, 1);
      assert.ok(messages[0]!.text.includes(res.body.survey.url), 'the same link, in Spanish');
      assert.match(messages[0]!.text, /Sentimos que te vayas/);

      const t = tokenOf(res.body.survey.url);
      const page = await app.server.inject({ method: 'GET', url: `/s/${t}` });
      assert.equal(page.statusCode, 200);
      for (const label of ['Me he mudado', 'El precio', 'No estaba contento con el producto o el servicio', 'Indiferencia o mal trato del personal', 'Me he ido a la competencia', 'He seguido a una persona', 'Otro motivo']) {
        assert.ok(page.body.includes(label), label);
      }
      const json = await call(app, 'GET', `/api/widget/surveys/${t}?lang=en`);
      assert.equal(json.body.kind, 'exit');
      assert.deepEqual(json.body.reasons.map((r: { value: string }) => r.value), ['moved_away', 'price', 'product_or_service', 'staff_treatment', 'competitor', 'followed_employee', 'other']);

      const noText = await form(t, { reason: 'other' });
      assert.equal(noText.statusCode, 400, 'other needs the reason in words');
      const badReason = await call(app, 'POST', `/api/widget/surveys/${t}/answers`, { body: { reason: 'weather' } });
      assert.equal(badReason.status, 400);
      assert.match(badReason.body.error.message, /body\.reason: must be one of: moved_away, price/);
      const ok = await form(t, { reason: 'competitor', text: 'Me ofrecían lo mismo por menos' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.match(ok.body, /¡Gracias!/);
      assert.equal((await form(t, { reason: 'price' })).statusCode, 409);

      const activity = await call(app, 'GET', `/api/customers/${v.customerId}/activity?limit=50`, { session: agent });
      const exit = activity.body.items.find((i: { kind: string }) => i.kind === 'exit');
      assert.equal(exit.data.externalId, body.externalId);
      assert.equal(exit.actor.type, 'api_token');
      const answer = activity.body.items.find((i: { kind: string }) => i.kind === 'survey');
      assert.equal(answer.data.surveyKind, 'exit');
      assert.deepEqual(answer.data.answers, { reason: 'competitor', text: 'Me ofrecían lo mismo por menos' });
      assert.equal(answer.data.low, false, 'an exit answer is not a score');
    });

    test('an employee marks it; a customer who refused surveys is not asked; mistakes are 4xx', async () => {
      const v = await visitor(app, acme.publicKey);
      const marked = await call(app, 'POST', `/api/customers/${v.customerId}/exit`, { session: agent, body: {} });
      assert.equal(marked.status, 201, JSON.stringify(marked.body));
      assert.ok(marked.body.survey.id, 'a survey even without a conversation: its link is returned');
      await sendDueSurveys(app.ctx);
      const row = await app.ctx.db.selectFrom('surveys').select(['status', 'message_id']).where('id', '=', marked.body.survey.id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'sent', message_id: null });

      const refused = await visitor(app, acme.publicKey);
      await call(app, 'PUT', `/api/customers/${refused.customerId}/consent`, { session: agent, body: { surveys: false } });
      const res = await call(app, 'POST', `/api/customers/${refused.customerId}/exit`, { session: agent, body: {} });
      assert.equal(res.status, 201);
      assert.deepEqual(res.body.survey, { id: null, skipped: 'no_consent' });
      const quiet = await call(app, 'POST', `/api/customers/${(await visitor(app, acme.publicKey)).customerId}/exit`, { session: agent, body: { survey: false } });
      assert.deepEqual(quiet.body.survey, { id: null, skipped: 'not_requested' });

      assert.equal((await call(app, 'POST', `/api/customers/${randomUUID()}/exit`, { session: agent, body: {} })).status, 404);
      const badDate = await call(app, 'POST', `/api/customers/${v.customerId}/exit`, { session: agent, body: { at: 'yesterday' } });
      assert.equal(badDate.status, 400);
      assert.match(badDate.body.error.message, /at/);
      const other = await createTenant(app, 'Other');
      assert.equal((await call(app, 'POST', `/api/customers/${v.customerId}/exit`, { session: other.admin, body: {} })).status, 404, "another workspace's customer");
    });

    test('the report: reasons by month with counts and shares of the answers, exits per month (hand-computed)', async () => {
      const figures = await createTenant(app, 'Figures');
      const ws = figures.workspaceId;
      const customer = await app.ctx.db.insertInto('customers').values({ workspace_id: ws, name: 'Fixture', updated_at: new Date() }).returning('id').executeTakeFirstOrThrow();
      const answer = async (reason: string, at: string) => {
        const survey = await app.ctx.db
          .insertInto('surveys')
          .values({ workspace_id: ws, kind: 'exit', customer_id: customer.id, status: 'answered', locale: 'es', questions: '[]', due_at: at, expires_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        await app.ctx.db.insertInto('survey_responses').values({ workspace_id: ws, survey_id: survey.id, kind: 'exit', customer_id: customer.id, answers: JSON.stringify({ reason }), answered_at: at }).execute();
      };
      const exits = async (n: number, at: string) => {
        for (let i = 0; i < n; i++) await app.ctx.db.insertInto('customer_exits').values({ workspace_id: ws, customer_id: customer.id, at, actor_type: 'system' }).execute();
      };
      for (const r of ['price', 'price', 'competitor', 'other']) await answer(r, '2026-01-15T12:00:00Z');
      for (const r of ['moved_away', 'price', 'staff_treatment', 'staff_treatment', 'followed_employee']) await answer(r, '2026-02-10T12:00:00Z');
      await answer('price', '2025-12-31T23:59:59Z');
      await exits(5, '2026-01-05T09:00:00Z');
      await exits(6, '2026-02-20T09:00:00Z');

      const res = await call(app, 'GET', '/api/surveys/exit-reasons?from=2026-01-01&to=2026-02-28', { session: figures.admin });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const byReason = (list: Array<{ reason: string; count: number; share: number | null }>) => Object.fromEntries(list.map((r) => [r.reason, [r.count, r.share]]));
      assert.deepEqual(res.body.months.map((m: { month: string; exits: number; answers: number }) => [m.month, m.exits, m.answers]), [
        ['2026-01', 5, 4],
        ['2026-02', 6, 5],
      ]);
      assert.deepEqual(byReason(res.body.months[0].reasons), {
        moved_away: [0, 0],
        price: [2, 50],
        product_or_service: [0, 0],
        staff_treatment: [0, 0],
        competitor: [1, 25],
        followed_employee: [0, 0],
        other: [1, 25],
      });
      assert.deepEqual(byReason(res.body.months[1].reasons), {
        moved_away: [1, 20],
        price: [1, 20],
        product_or_service: [0, 0],
        staff_treatment: [2, 40],
        competitor: [0, 0],
        followed_employee: [1, 20],
        other: [0, 0],
      });
      // 9 answers: 3/9 = 33.3 %, 2/9 = 22.2 %, 1/9 = 11.1 %.
      assert.equal(res.body.total.exits, 11);
      assert.equal(res.body.total.answers, 9);
      assert.deepEqual(byReason(res.body.total.reasons), {
        moved_away: [1, 11.1],
        price: [3, 33.3],
        product_or_service: [0, 0],
        staff_treatment: [2, 22.2],
        competitor: [1, 11.1],
        followed_employee: [1, 11.1],
        other: [1, 11.1],
      });
      const csv = await app.server.inject({ method: 'GET', url: '/api/surveys/exit-reasons?from=2026-01-01&to=2026-01-31&format=csv', headers: { cookie: figures.admin.cookie } });
      assert.equal(csv.statusCode, 200);
      assert.deepEqual(csv.body.trim().split('\n').slice(0, 3), ['month,exits,answers,reason,count,share', '2026-01,5,4,moved_away,0,0', '2026-01,5,4,price,2,50']);
      const behind = await call(app, 'GET', '/api/surveys/responses?kind=exit&reason=staff_treatment&from=2026-02-01&to=2026-02-28', { session: figures.admin });
      assert.equal(behind.status, 200);
      assert.equal(behind.body.items.length, 2, 'the two answers behind the February staff_treatment bar');
      assert.equal((await call(app, 'GET', '/api/surveys/responses?reason=weather', { session: figures.admin })).status, 400);
      const all = await call(app, 'GET', '/api/surveys/exit-reasons', { session: figures.admin });
      assert.equal(all.body.total.answers, 10, 'without a period: the December answer too');
      assert.equal(all.body.months[0].month, '2025-12');
      assert.equal((await call(app, 'GET', '/api/surveys/exit-reasons?from=2026-03-01&to=2026-01-01', { session: figures.admin })).status, 400);
      const agentThere = await addEmployee(app, figures, 'agent');
      assert.equal((await call(app, 'GET', '/api/surveys/exit-reasons', { session: agentThere })).status, 403);
      const empty = await call(app, 'GET', '/api/surveys/exit-reasons', { session: acme.admin });
      assert.equal(empty.body.total.reasons.find((r: { reason: string }) => r.reason === 'price').count, 0, "Acme's report does not see Figures' answers");
    });
  });
}
