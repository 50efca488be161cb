import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, test } from 'node:test';
import { surveyScores } from '../src/modules/kpis/kpi.service.ts';
import { tenantScope } from '../src/platform/db/tenant-scope.ts';
import { addEmployee, call, createTenant, type Session, type Tenant } from './support/api-client.ts';
import { seedKpiFixture, type KpiFixture } from './support/kpi-fixture.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';

type Point = { key: string; value: number | null; counts: Record<string, number | null> };
type Series = { total: { value: number | null; counts: Record<string, number | null> }; points: Point[] };

// Every figure below is computed by hand from support/kpi-fixture.ts (January 2026, weeks from Monday:
// 2025-12-29 (clipped to 1 January), 01-05, 01-12, 01-19, 01-26).
const JANUARY = 'from=2026-01-01&to=2026-01-31';

for (const backend of backends()) {
  describe(`KPI dashboard against hand-computed fixtures (${backend})`, () => {
    let app: TestApp;
    let t: Tenant;
    let other: Tenant;
    let fx: KpiFixture;
    let agent: Session;

    before(async () => {
      app = await createTestApp(backend);
      t = await createTenant(app, 'Kpis');
      agent = await addEmployee(app, t, 'agent');
      const ben = await addEmployee(app, t, 'agent');
      fx = await seedKpiFixture(app.ctx.db, t.workspaceId, { ana: agent.employeeId, ben: ben.employeeId });
      // Another workspace with its own January: none of it may show in the first one's figures.
      other = await createTenant(app, 'Otra');
      const o1 = await addEmployee(app, other, 'agent');
      const o2 = await addEmployee(app, other, 'agent');
      await seedKpiFixture(app.ctx.db, other.workspaceId, { ana: o1.employeeId, ben: o2.employeeId });
      await app.ctx.db.deleteFrom('survey_responses').where('workspace_id', '=', other.workspaceId).where('csat', '=', 2).execute();
    });
    after(() => app.teardown());

    const series = async (kpi: string, query: string, session: Session = t.admin): Promise<Series> => {
      const res = await call(app, 'GET', `/api/kpis/${kpi}?${query}`, { session });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    const week = (s: Series, key: string) => s.points.find((p) => p.key === key)!;

    test('CSAT, NPS and CES by week, and for a team and an employee', async () => {
      const csat = await series('csat', `${JANUARY}&granularity=week`);
      assert.deepEqual(csat.points.map((p) => p.key), ['2025-12-29', '2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']);
      // Week of 5 January: 5 and 2 → 1 of 2 satisfied = 50 %; week of 12: the 4 → 100 %; January: 2 of 3 = 66.7 %.
      assert.deepEqual(week(csat, '2026-01-05'), { ...week(csat, '2026-01-05'), value: 50, counts: { answers: 2, satisfied: 1 } });
      assert.equal(week(csat, '2026-01-12').value, 100);
      assert.equal(week(csat, '2026-01-19').value, null, 'no answers: no figure, not 0');
      assert.deepEqual(csat.total, { value: 66.7, counts: { answers: 3, satisfied: 2 } });
      // NPS: 10 promoter, 6 detractor, 8 passive → (1 − 1) / 3 = 0. CES: (2 + 6) / 2 = 4.
      const nps = await series('nps', `${JANUARY}&granularity=month`);
      assert.deepEqual(nps.total, { value: 0, counts: { answers: 3, promoters: 1, passives: 1, detractors: 1 } });
      assert.deepEqual((await series('ces', JANUARY)).total, { value: 4, counts: { answers: 2, sum: 8 } });
      // Team T1: K1 (assignee Ana) and K3 (team T1): CSAT 5 and 4 = 100 %; NPS 10 and 8 → 50.
      assert.equal((await series('csat', `${JANUARY}&teamId=${fx.teamId}`)).total.value, 100);
      assert.equal((await series('nps', `${JANUARY}&teamId=${fx.teamId}`)).total.value, 50);
      // Ben's answer only (the 2): 0 %. E-mail: the same answer.
      assert.deepEqual((await series('csat', `${JANUARY}&employeeId=${fx.ben}`)).total.counts, { answers: 1, satisfied: 0 });
      assert.equal((await series('csat', `${JANUARY}&channel=email`)).total.value, 0);
      // The function the team score reads gives the same figures.
      const scores = await surveyScores(tenantScope(app.ctx.db, t.workspaceId), { from: '2026-01-01', to: '2026-01-31', teamId: fx.teamId });
      assert.equal(scores.csat.percent, 100);
      assert.equal(scores.nps.score, 50);
      assert.equal(scores.ces.average, 2);
    });

    test('first response and resolution times', async () => {
      // Opened in the week of 5 January: K1 answered after 300 s, K2 after 3600 s → median 1950; K3 never answered.
      const frt = await series('first_response', `${JANUARY}&granularity=week`);
      assert.deepEqual(week(frt, '2026-01-05').counts, { conversations: 2, answered: 2, median_seconds: 1950, p90_seconds: 3270 });
      assert.deepEqual(week(frt, '2026-01-12').counts, { conversations: 1, answered: 0, median_seconds: null, p90_seconds: null });
      assert.equal(frt.total.value, 1950);
      assert.equal((await series('first_response', `${JANUARY}&channel=email`)).total.value, 3600);
      // Resolved: K1 in 7200 s, K2 in 86 400 s (week of 5), K4 in 25 days = 2 160 000 s (week of 12) → median 86 400.
      const res = await series('resolution', `${JANUARY}&granularity=week`);
      assert.equal(week(res, '2026-01-05').value, 46_800);
      assert.equal(week(res, '2026-01-12').value, 2_160_000);
      assert.deepEqual(res.total.counts, { resolved: 3, median_seconds: 86_400, p90_seconds: 1_745_280 });
      // Ben's conversations (assignee): K2 and K4 → median (86 400 + 2 160 000) / 2.
      assert.equal((await series('resolution', `${JANUARY}&employeeId=${fx.ben}`)).total.value, 1_123_200);
    });

    test('the first response is kept by the database whatever order messages are written in', async () => {
      const db = app.ctx.db;
      const ws = t.workspaceId;
      const k5 = await db.insertInto('conversations').values({ workspace_id: ws, customer_id: fx.customers.c5, channel: 'sms', created_at: '2026-03-02T10:00:00Z', updated_at: '2026-03-02T10:00:00Z' }).returning('id').executeTakeFirstOrThrow();
      const write = (author: 'customer' | 'employee', at: string) =>
        db.insertInto('messages').values({ workspace_id: ws, conversation_id: k5.id, direction: author === 'customer' ? 'inbound' : 'outbound', author_type: author, text: at, created_at: at }).returning('id').executeTakeFirstOrThrow();
      // Imported out of order: a reply at 10:10, then the customer's 10:00 message, then an earlier reply at 10:05.
      await write('employee', '2026-03-02T10:10:00Z');
      const first = await write('customer', '2026-03-02T10:00:00Z');
      assert.equal((await series('first_response', 'from=2026-03-01&to=2026-03-31&channel=sms')).total.value, 600);
      await write('employee', '2026-03-02T10:05:00Z');
      assert.equal((await series('first_response', 'from=2026-03-01&to=2026-03-31&channel=sms')).total.value, 300);
      const row = await db.selectFrom('messages').select(sql<Date>`replied_at`.as('replied_at')).where('id', '=', first.id).executeTakeFirstOrThrow();
      assert.equal(new Date(row.replied_at).toISOString(), '2026-03-02T10:05:00.000Z');
      await db.deleteFrom('conversations').where('id', '=', k5.id).execute();
    });

    test('time to react to a negative emotion', async () => {
      // K1: 10:01 → reply 10:05 = 240 s; 10:20 was corrected to joy, so 10:25 opens the next episode → 10:40 = 900 s.
      // K2: 09:00 → suggestion accepted 09:30 = 1800 s (before the 10:00 reply). K3 (corrected to anger): no reaction.
      const s = await series('negative_reaction', `${JANUARY}&granularity=week`);
      assert.deepEqual(week(s, '2026-01-05').counts, { episodes: 3, reacted: 3, median_seconds: 900, p90_seconds: 1620 });
      assert.deepEqual(week(s, '2026-01-12').counts, { episodes: 1, reacted: 0, median_seconds: null, p90_seconds: null });
      assert.deepEqual(s.total.counts, { episodes: 4, reacted: 3, median_seconds: 900, p90_seconds: 1620 });
      // Team T1: K1 and K3 → 240 and 900, one unreacted.
      assert.deepEqual((await series('negative_reaction', `${JANUARY}&teamId=${fx.teamId}`)).total.counts, { episodes: 3, reacted: 2, median_seconds: 570, p90_seconds: 834 });
    });

    test('suggestions accepted and dismissed', async () => {
      const s = await series('suggestions', `${JANUARY}&granularity=week`);
      assert.deepEqual(week(s, '2026-01-05'), { ...week(s, '2026-01-05'), value: 50, counts: { accepted: 1, dismissed: 1 } });
      assert.equal(week(s, '2026-01-12').value, 100);
      assert.deepEqual(s.total, { value: 66.7, counts: { accepted: 2, dismissed: 1 } });
      // Decided by Ana: one dismissed, one accepted.
      assert.deepEqual((await series('suggestions', `${JANUARY}&employeeId=${fx.ana}`)).total.counts, { accepted: 1, dismissed: 1 });
    });

    test('churn rate and reasons', async () => {
      // Customers at 1 January: C1–C4 and C6, minus C6 who left in December = 4. C2 and C4 leave in January: 2 / 4 = 50 %.
      const month = await series('churn', `${JANUARY}&granularity=month`);
      assert.equal(month.total.value, 50);
      assert.equal(month.total.counts.customers, 4);
      assert.equal(month.total.counts.exits, 2);
      assert.equal(month.total.counts.answered, 1);
      assert.equal(month.total.counts.reason_price, 1);
      // By week: base 4; C2 leaves the week of 5 (1 / 4 = 25 %); C5 arrives on 10 January so the week of 12 starts with 4 again; C4 leaves the week of 19.
      const weeks = await series('churn', `${JANUARY}&granularity=week`);
      assert.deepEqual(weeks.points.map((p) => [p.counts.customers, p.counts.exits, p.value]), [[4, 0, 0], [4, 1, 25], [4, 0, 0], [4, 1, 25], [3, 0, 0]]);
      // Customers with an e-mail conversation: C2 only, who left.
      assert.equal((await series('churn', `${JANUARY}&channel=email`)).total.value, 100);
    });

    test('mood trend', async () => {
      const s = await series('mood', `${JANUARY}&granularity=week`);
      // Week of 5: −0.5 and 0.25 → −0.125; week of 12: −0.25. January: −0.5 / 3 = −0.167.
      assert.deepEqual(week(s, '2026-01-05').counts, { points: 2, average: -0.125, negative: 1, positive: 1 });
      assert.equal(week(s, '2026-01-12').value, -0.25);
      assert.equal(s.total.value, -0.167);
      assert.equal((await series('mood', `${JANUARY}&channel=email`)).total.counts.points, 0);
    });

    test('bond concentration', async () => {
      // Strongest bonds: C1 → Ana (6 of 8), C2 → Ben (5 of 5), C3 → Ana (3 of 3), C4 → Ben (1 of 1.5).
      const s = await series('bond_concentration', '');
      const ana = s.points.find((p) => p.key === fx.ana)!;
      const ben = s.points.find((p) => p.key === fx.ben)!;
      assert.deepEqual(ana.counts, { customers: 2, bonded: 4, share: 50, average_top_share: 0.875 });
      assert.deepEqual(ben.counts, { customers: 2, bonded: 4, share: 50, average_top_share: 0.833 });
      // HHI 0.5² + 0.5² = 0.5; average strongest share (0.75 + 1 + 1 + 0.667) / 4 = 0.854.
      assert.deepEqual(s.total, { value: 0.5, counts: { bonded: 4, employees: 2, hhi: 0.5, average_top_share: 0.854 } });
      const team = await series('bond_concentration', `teamId=${fx.teamId}`);
      assert.deepEqual(team.points.map((p) => p.key), [fx.ana]);
    });

    test('the items behind a point, paginated and linked to their conversations', async () => {
      const items = async (kpi: string, query: string) => {
        const res = await call(app, 'GET', `/api/kpis/${kpi}/items?${query}`, { session: t.admin });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        return res.body;
      };
      const first = await items('first_response', `${JANUARY}&granularity=week&point=2026-01-05&limit=1`);
      assert.equal(first.items.length, 1);
      assert.equal(first.items[0].conversationId, fx.conversations.k2, 'newest first');
      assert.equal(first.items[0].customer.name, 'Carlos Dos');
      assert.equal(first.items[0].channel, 'email');
      assert.deepEqual(first.items[0].values, { seconds: 3600 });
      assert.equal(first.nextOffset, 1);
      const second = await items('first_response', `${JANUARY}&granularity=week&point=2026-01-05&limit=1&offset=1`);
      assert.equal(second.items[0].conversationId, fx.conversations.k1);
      assert.equal(second.nextOffset, null);
      const episodes = await items('negative_reaction', `${JANUARY}&granularity=week&point=2026-01-05`);
      assert.deepEqual(episodes.items.map((i: { values: { seconds: number } }) => i.values.seconds), [1800, 900, 240]);
      const exits = await items('churn', `${JANUARY}&granularity=month&point=2026-01-01`);
      assert.deepEqual(exits.items.map((i: { customer: { id: string }; values: { reason: string | null } }) => [i.customer.id, i.values.reason]), [[fx.customers.c4, null], [fx.customers.c2, 'price']]);
      assert.equal(exits.items[1].conversationId, fx.conversations.k2);
      const bonded = await items('bond_concentration', `point=${fx.ana}`);
      assert.deepEqual(bonded.items.map((i: { customer: { id: string } }) => i.customer.id), [fx.customers.c3, fx.customers.c1]);
      const csat = await items('csat', `${JANUARY}&granularity=week&point=2026-01-12`);
      assert.deepEqual(csat.items.map((i: { conversationId: string; values: { csat: number } }) => [i.conversationId, i.values.csat]), [[fx.conversations.k3, 4]]);
    });

    test('CSV of a chart: one row per point with every count', async () => {
      const res = await app.server.inject({ method: 'GET', url: `/api/kpis/suggestions?${JANUARY}&granularity=week&format=csv`, headers: { cookie: t.admin.cookie } });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/csv/);
      assert.match(res.headers['content-disposition'] as string, /kpi-suggestions-2026-01-01-2026-01-31\.csv/);
      const lines = res.body.trim().split('\n');
      assert.equal(lines[0], 'point,label,from,to,suggestions,accepted,dismissed');
      assert.equal(lines[2], '2026-01-05,2026-01-05,2026-01-05T00:00:00.000Z,2026-01-12T00:00:00.000Z,50,1,1');
      assert.equal(lines.length, 6);
    });

    test('workspace isolation: another workspace sees only its own data and not our teams', async () => {
      // The other workspace lost its CSAT 2 answer: 2 of 2 satisfied, where ours is 2 of 3.
      assert.deepEqual((await series('csat', JANUARY, other.admin)).total, { value: 100, counts: { answers: 2, satisfied: 2 } });
      assert.deepEqual((await series('csat', JANUARY)).total.counts, { answers: 3, satisfied: 2 });
      const foreign = await call(app, 'GET', `/api/kpis/csat?teamId=${fx.teamId}`, { session: other.admin });
      assert.equal(foreign.status, 400);
      assert.match(foreign.body.error.message, /teamId: no such team/);
      const res = await call(app, 'GET', `/api/kpis/bond_concentration/items?point=${fx.ana}`, { session: other.admin });
      assert.deepEqual(res.body.items, []);
    });

    test('bad filters are a clear 400; agents may not read the dashboard', async () => {
      const bad = async (url: string, pattern: RegExp) => {
        const res = await call(app, 'GET', url, { session: t.admin });
        assert.equal(res.status, 400, url);
        assert.equal(res.body.error.code, 'validation_failed');
        assert.match(res.body.error.message, pattern, url);
      };
      await bad('/api/kpis/happiness', /kpi: must be one of/);
      await bad('/api/kpis/csat?from=2026-02-01&to=2026-01-01', /from/);
      await bad('/api/kpis/csat?granularity=hour', /granularity/);
      await bad('/api/kpis/csat?from=2020-01-01&to=2026-01-01&granularity=day', /granularity: more than 400 points/);
      await bad('/api/kpis/csat?teamId=nope', /teamId: must be a UUID/);
      await bad(`/api/kpis/csat?employeeId=${fx.teamId}`, /employeeId: no such employee/);
      await bad('/api/kpis/bond_concentration?channel=web', /channel: bonds are not per channel/);
      await bad(`/api/kpis/csat/items?${JANUARY}&granularity=week&point=2026-01-07`, /point: is not a period/);
      await bad('/api/kpis/csat/items', /point/);
      assert.equal((await call(app, 'GET', '/api/kpis/csat', { session: agent })).status, 403);
    });

    test('a bond written later changes the strongest one, decay included', async () => {
      const db = app.ctx.db;
      const ana = () => db.updateTable('bonds').where('workspace_id', '=', t.workspaceId).where('customer_id', '=', fx.customers.c1).where('employee_id', '=', fx.ana);
      const { updated_at } = await ana().returning('updated_at').set({ score: 6 }).executeTakeFirstOrThrow();
      try {
        // Ana's bond with C1 last moved 60 days earlier: 6 halves twice to 1.5, under Ben's 2 → C1 now hangs on Ben, 2 / 3.5 of it.
        await ana().set({ updated_at: new Date(updated_at.getTime() - 60 * 86_400_000) }).execute();
        const s = await series('bond_concentration', '');
        assert.deepEqual(s.points.map((p) => [p.key, p.counts.customers]), [[fx.ben, 3], [fx.ana, 1]]);
        const res = await call(app, 'GET', `/api/kpis/bond_concentration/items?point=${fx.ben}`, { session: t.admin });
        const c1 = res.body.items.find((i: { customer: { id: string } }) => i.customer.id === fx.customers.c1);
        assert.deepEqual(c1.values, { bond_score: 2, top_share: 0.571 });
      } finally {
        await ana().set({ updated_at }).execute();
      }
    });

    test('bonds with someone who left do not count (as for the trusted employee)', async () => {
      await app.ctx.db.updateTable('employees').set({ active: false }).where('id', '=', fx.ben).execute();
      try {
        // C2 has no active bond left; C1 and C4 now hang on Ana alone: 3 customers, all hers.
        const s = await series('bond_concentration', '');
        assert.deepEqual(s.points.map((p) => [p.key, p.counts.customers, p.value]), [[fx.ana, 3, 100]]);
        assert.deepEqual(s.total, { value: 1, counts: { bonded: 3, employees: 1, hhi: 1, average_top_share: 1 } });
      } finally {
        await app.ctx.db.updateTable('employees').set({ active: true }).where('id', '=', fx.ben).execute();
      }
    });
  });
}
