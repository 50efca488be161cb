import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addEmployee, call, createTenant, type Session, type Tenant } from './support/api-client.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';

type Scores = { csat?: number; nps?: number; ces?: number };

// Hand-computed over these answers (see each assertion):
// January: CSAT 5 4 3 2 · NPS 10 9 8 7 6 0 3 · CES 1 2 7;  February: CSAT 1 5 5 · NPS 9 2 · CES 5.
const JANUARY: Scores[] = [{ csat: 5, nps: 10, ces: 1 }, { csat: 4, nps: 9, ces: 2 }, { csat: 3, nps: 8, ces: 7 }, { csat: 2, nps: 7 }, { nps: 6 }, { nps: 0 }, { nps: 3 }];
const FEBRUARY: Scores[] = [{ csat: 1, nps: 9, ces: 5 }, { csat: 5, nps: 2 }, { csat: 5 }];

for (const backend of backends()) {
  describe(`survey figures: CSAT %, NPS and CES against hand-computed fixtures (${backend})`, () => {
    let app: TestApp;
    let t: Tenant;
    let ana: Session;

    before(async () => {
      app = await createTestApp(backend);
      t = await createTenant(app, 'Figures');
      ana = await addEmployee(app, t, 'agent');
      const ws = t.workspaceId;
      const customer = await app.ctx.db.insertInto('customers').values({ workspace_id: ws, name: 'Fixture', updated_at: new Date() }).returning('id').executeTakeFirstOrThrow();
      const web = await app.ctx.db.insertInto('conversations').values({ workspace_id: ws, customer_id: customer.id, channel: 'web' }).returning('id').executeTakeFirstOrThrow();
      const mail = await app.ctx.db.insertInto('conversations').values({ workspace_id: ws, customer_id: customer.id, channel: 'email' }).returning('id').executeTakeFirstOrThrow();
      const insert = async (s: Scores, at: string, opts: { employees?: string[]; conversationId?: string; kind?: 'conversation' | 'exit' } = {}) => {
        const kind = opts.kind ?? 'conversation';
        const survey = await app.ctx.db
          .insertInto('surveys')
          .values({ workspace_id: ws, kind, customer_id: customer.id, status: 'answered', locale: 'es', questions: '[]', due_at: at, expires_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        await app.ctx.db
          .insertInto('survey_responses')
          .values({ workspace_id: ws, survey_id: survey.id, kind, customer_id: customer.id, conversation_id: opts.conversationId ?? web.id, employee_ids: opts.employees ?? [], csat: s.csat ?? null, nps: s.nps ?? null, ces: s.ces ?? null, answered_at: at })
          .execute();
      };
      // Ana took part in the first two January answers only; the February ones came by e-mail.
      for (const [i, s] of JANUARY.entries()) await insert(s, `2026-01-${String(10 + i).padStart(2, '0')}T12:00:00Z`, { employees: i < 2 ? [ana.employeeId] : [] });
      for (const s of FEBRUARY) await insert(s, '2026-02-14T12:00:00Z', { conversationId: mail.id });
      // Outside the period, and an exit answer: neither counts below.
      await insert({ csat: 1, nps: 0, ces: 7 }, '2025-12-31T23:59:00Z');
      await insert({}, '2026-01-20T12:00:00Z', { kind: 'exit' });
    });
    after(() => app.teardown());

    const results = async (query: string) => {
      const res = await call(app, 'GET', `/api/surveys/results?${query}`, { session: t.admin });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };

    test('the period January–February, overall', async () => {
      const { total } = await results('from=2026-01-01&to=2026-02-28');
      assert.equal(total.answers, 10);
      // CSAT: 4 and 5 are satisfied: 5, 4 (January) and 5, 5 (February) of 7 answers = 57.1 %.
      assert.deepEqual(total.csat, { answers: 7, satisfied: 4, percent: 57.1 });
      // NPS: promoters 10, 9, 9 = 3; passives 8, 7 = 2; detractors 6, 0, 3, 2 = 4 of 9: (3 − 4) / 9 = −11.1.
      assert.deepEqual(total.nps, { answers: 9, promoters: 3, passives: 2, detractors: 4, score: -11.1 });
      // CES: (1 + 2 + 7 + 5) / 4 = 3.75.
      assert.deepEqual(total.ces, { answers: 4, average: 3.75 });
    });

    test('by month', async () => {
      const { months } = await results('from=2026-01-01&to=2026-02-28');
      assert.deepEqual(months.map((m: { month: string }) => m.month), ['2026-01', '2026-02']);
      const [jan, feb] = months;
      // January: CSAT 2 of 4 = 50 %; NPS (2 − 3) / 7 = −14.3; CES 10 / 3 = 3.33.
      assert.deepEqual(jan.csat, { answers: 4, satisfied: 2, percent: 50 });
      assert.deepEqual(jan.nps, { answers: 7, promoters: 2, passives: 2, detractors: 3, score: -14.3 });
      assert.deepEqual(jan.ces, { answers: 3, average: 3.33 });
      // February: CSAT 2 of 3 = 66.7 %; NPS (1 − 1) / 2 = 0; CES 5.
      assert.deepEqual(feb.csat, { answers: 3, satisfied: 2, percent: 66.7 });
      assert.deepEqual(feb.nps, { answers: 2, promoters: 1, passives: 0, detractors: 1, score: 0 });
      assert.deepEqual(feb.ces, { answers: 1, average: 5 });
    });

    test('by employee and by channel; an empty period has no figures rather than zeros', async () => {
      const mine = (await results(`employeeId=${ana.employeeId}`)).total;
      // Ana's two: CSAT 5 and 4 = 100 %; NPS 10 and 9 = 100; CES (1 + 2) / 2 = 1.5.
      assert.deepEqual(mine.csat, { answers: 2, satisfied: 2, percent: 100 });
      assert.equal(mine.nps.score, 100);
      assert.equal(mine.ces.average, 1.5);
      const mail = (await results('channel=email')).total;
      assert.deepEqual(mail.csat, { answers: 3, satisfied: 2, percent: 66.7 });
      const none = (await results('from=2030-01-01')).total;
      assert.deepEqual(none, {
        answers: 0,
        low: 0,
        csat: { answers: 0, satisfied: 0, percent: null },
        nps: { answers: 0, promoters: 0, passives: 0, detractors: 0, score: null },
        ces: { answers: 0, average: null },
      });
      const all = (await results('')).total;
      assert.equal(all.answers, 11, 'without a period: December too, never the exit answer');
    });

    test('the answers behind a point, and the figures as CSV', async () => {
      const list = async (query: string) => {
        const res = await call(app, 'GET', `/api/surveys/responses?kind=conversation&${query}`, { session: t.admin });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        return res.body.items as Array<{ scores: { csat: number | null; nps: number | null }; channel: string; answeredAt: string }>;
      };
      const february = await list('from=2026-02-01&to=2026-02-28');
      assert.deepEqual(february.map((r) => r.scores.csat).sort(), [1, 5, 5]);
      assert.ok(february.every((r) => r.channel === 'email'));
      assert.equal((await list('from=2026-01-01&to=2026-01-31')).length, 7);
      assert.equal((await list('channel=email')).length, 3);
      assert.equal((await list(`employeeId=${ana.employeeId}`)).length, 2);

      const csv = await app.server.inject({ method: 'GET', url: '/api/surveys/results?from=2026-01-01&to=2026-02-28&format=csv', headers: { cookie: t.admin.cookie } });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.match(csv.headers['content-disposition'] as string, /survey-results\.csv/);
      assert.deepEqual(csv.body.trim().split('\n'), [
        'month,answers,low,csat_answers,csat_satisfied,csat_percent,nps_answers,promoters,passives,detractors,nps,ces_answers,ces_average',
        '2026-01,7,0,4,2,50,7,2,2,3,-14.3,3,3.33',
        '2026-02,3,0,3,2,66.7,2,1,0,1,0,1,5',
      ]);
    });

    test('only admins and managers read the figures; a bad period is a 400', async () => {
      assert.equal((await call(app, 'GET', '/api/surveys/results', { session: ana })).status, 403);
      const bad = await call(app, 'GET', '/api/surveys/results?from=2026-02-01&to=2026-01-01', { session: t.admin });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /from/);
      assert.equal((await call(app, 'GET', '/api/surveys/results?from=January', { session: t.admin })).status, 400);
    });
  });
}
