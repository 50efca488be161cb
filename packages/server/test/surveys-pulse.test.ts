import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { bearer, call, createTenant, login, PASSWORD, type Session, type Tenant } from './support/api-client.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';

for (const backend of backends()) {
  describe(`employee pulse: eNPS and engagement, anonymous, shown only for groups of 5 (${backend})`, () => {
    let app: TestApp;
    let t: Tenant;
    let support: string;
    let sales: string;
    let roundId: string;
    const people: Session[] = [];

    const employeeIn = async (teamId: string) => {
      const email = `pulse-${randomUUID().slice(0, 8)}@example.test`;
      const res = await call(app, 'POST', '/api/employees', { session: t.admin, body: { email, name: 'Someone', role: 'agent', password: PASSWORD, teamId } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return login(app, email);
    };
    const answer = (who: Session, body: Record<string, unknown>) => call(app, 'POST', `/api/pulse/rounds/${roundId}/answers`, { session: who, body });
    const results = async () => {
      const res = await call(app, 'GET', `/api/pulse/rounds/${roundId}/results`, { session: t.admin });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    type TeamResult = { teamId: string | null; name: string | null; shown: boolean; reason?: string; enps?: unknown };
    const teamOf = (body: { teams: TeamResult[] }, id: string | null) => body.teams.find((x) => x.teamId === id)!;
    const HIDDEN = { shown: false, reason: 'fewer than 5 answers: not shown, to keep answers anonymous' };

    before(async () => {
      app = await createTestApp(backend);
      t = await createTenant(app, 'Pulse');
      support = (await call(app, 'POST', '/api/teams', { session: t.admin, body: { name: 'Support' } })).body.id;
      sales = (await call(app, 'POST', '/api/teams', { session: t.admin, body: { name: 'Sales' } })).body.id;
      for (let i = 0; i < 5; i++) people.push(await employeeIn(support));
      people.push(await employeeIn(sales));
    });
    after(() => app.teardown());

    test('managers open a round with eNPS and the default engagement statements in es and en; agents may not', async () => {
      assert.equal((await call(app, 'POST', '/api/pulse/rounds', { session: people[0]!, body: { title: 'Q1' } })).status, 403);
      assert.equal((await call(app, 'POST', '/api/pulse/rounds', { session: t.admin, body: { title: 'Q1', closesAt: '2020-01-01T00:00:00Z' } })).status, 400);
      const res = await call(app, 'POST', '/api/pulse/rounds', { session: t.admin, body: { title: 'Q1 2026' } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      roundId = res.body.id;
      assert.deepEqual(res.body.questions.map((q: { id: string }) => q.id), ['clarity', 'tools', 'recognition', 'growth', 'workload']);
      assert.equal(res.body.questions[0].text.es, 'Sé lo que se espera de mí en mi trabajo.');
      assert.match(res.body.enpsQuestion.en, /recommend this company/);
      const mine = await call(app, 'GET', `/api/pulse/rounds/${roundId}`, { session: people[0]! });
      assert.equal(mine.body.open, true);
      assert.equal(mine.body.answered, false);
    });

    test('4 answers: no figures at all; the 5th: figures, hand-computed', async () => {
      // eNPS 10, 9, 9, 6 and then 8; clarity 5, 4, 4, 3, 5; tools answered by two only: 2 and 3.
      const answers = [
        { enps: 10, answers: { clarity: 5, tools: 2 } },
        { enps: 9, answers: { clarity: 4 } },
        { enps: 9, answers: { clarity: 4, tools: 3 } },
        { enps: 6, answers: { clarity: 3 } },
      ];
      for (const [i, body] of answers.entries()) assert.equal((await answer(people[i]!, body)).status, 201);
      const four = await results();
      assert.deepEqual(four.overall, HIDDEN, 'not a single figure, not even the count');
      assert.deepEqual(teamOf(four, support), { teamId: support, name: 'Support', ...HIDDEN });
      assert.ok(!JSON.stringify(four).includes('"answers"'), 'no count anywhere');

      assert.equal((await answer(people[4]!, { enps: 8, answers: { clarity: 5 } })).status, 201);
      const five = await results();
      // Promoters 10, 9, 9 = 3; passive 8 = 1; detractor 6 = 1: (3 − 1) / 5 = 40.
      assert.deepEqual(five.overall.enps, { promoters: 3, passives: 1, detractors: 1, score: 40 });
      assert.equal(five.overall.answers, 5);
      // clarity (5 + 4 + 4 + 3 + 5) / 5 = 4.2; tools (2 + 3) / 2 = 2.5; growth unanswered.
      const q = Object.fromEntries(five.overall.questions.map((x: { id: string; answers: number; average: number | null }) => [x.id, [x.answers, x.average]]));
      assert.deepEqual(q, { clarity: [5, 4.2], tools: [2, 2.5], recognition: [0, null], growth: [0, null], workload: [0, null] });
      assert.equal(teamOf(five, support).shown, true, 'Support has 5');
      assert.deepEqual(teamOf(five, sales), { teamId: sales, name: 'Sales', ...HIDDEN });
      assert.deepEqual(teamOf(five, null), { teamId: null, name: null, ...HIDDEN });
    });

    test('one answer in a small team hides the big team too, or the overall would reveal it', async () => {
      assert.equal((await answer(people[5]!, { enps: 0, answers: {} })).status, 201);
      const six = await results();
      // Overall (3 − 2) / 6 = 16.7.
      assert.equal(six.overall.enps.score, 16.7);
      assert.deepEqual(teamOf(six, sales), { teamId: sales, name: 'Sales', ...HIDDEN });
      assert.equal(teamOf(six, support).shown, false);
      assert.match(teamOf(six, support).reason ?? '', /would reveal a group of fewer than 5/);
      assert.equal(teamOf(six, support).enps, undefined);
    });

    test('anonymous and once: the answer holds no employee, a second answer is a 409, tokens and closed rounds are refused', async () => {
      const stored = await app.ctx.db.selectFrom('pulse_answers').selectAll().where('round_id', '=', roundId).execute();
      assert.equal(stored.length, 6);
      const text = JSON.stringify(stored);
      for (const p of people) assert.ok(!text.includes(p.employeeId), 'no employee id in any answer');
      assert.deepEqual(Object.keys(stored[0]!).sort(), ['answers', 'enps', 'id', 'round_id', 'team_id', 'workspace_id'], 'no employee, no time');
      const audit = await app.ctx.db.selectFrom('audit_log').select(['action', 'actor_id']).where('workspace_id', '=', t.workspaceId).execute();
      assert.ok(!audit.some((a) => a.action.startsWith('pulse') && people.some((p) => p.employeeId === a.actor_id)), 'answering leaves no trace in the audit log');

      const again = await answer(people[0]!, { enps: 0 });
      assert.equal(again.status, 409);
      assert.equal((await call(app, 'GET', `/api/pulse/rounds/${roundId}`, { session: people[0]! })).body.answered, true);
      const bad = await answer(people[0]!, { enps: 11 });
      assert.equal(bad.status, 400);
      const created = await call(app, 'POST', '/api/api-tokens', { session: t.admin, body: { name: 'HR sync', role: 'admin' } });
      assert.equal((await call(app, 'POST', `/api/pulse/rounds/${roundId}/answers`, { headers: bearer(created.body.token), body: { enps: 10 } })).status, 403);
      assert.equal((await call(app, 'GET', `/api/pulse/rounds/${roundId}/results`, { session: people[0]! })).status, 403, 'agents do not read results');

      const next = (await call(app, 'POST', '/api/pulse/rounds', { session: t.admin, body: { title: 'Q2', questions: [{ id: 'focus', text: { es: 'Puedo concentrarme.', en: 'I can focus.' } }] } })).body;
      const unknown = await call(app, 'POST', `/api/pulse/rounds/${next.id}/answers`, { session: people[1]!, body: { enps: 7, answers: { clarity: 3 } } });
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.error.message, /body\.answers\.clarity: is not a question of this round/);
      await app.ctx.db.updateTable('pulse_rounds').set({ closes_at: new Date(Date.now() - 1000) }).where('id', '=', next.id).execute();
      assert.equal((await call(app, 'POST', `/api/pulse/rounds/${next.id}/answers`, { session: people[1]!, body: { enps: 7 } })).status, 410);
      const other = await createTenant(app, 'Elsewhere');
      assert.equal((await call(app, 'GET', `/api/pulse/rounds/${roundId}/results`, { session: other.admin })).status, 404, "another workspace's round");
    });
  });
}
