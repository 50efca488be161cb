import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { combine } from '../src/modules/action-plans/team-score.service.ts';
import { call, createTenant, login, PASSWORD, type Session, type Tenant } from './support/api-client.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { seedVoice } from './support/voice-fixtures.ts';

describe('team score formula (no database)', () => {
  test('weighted mean of the parts that have a value', () => {
    assert.deepEqual(combine({ plans: 60, trend: 91.7, survey: 42.9 }, { plans: 50, trend: 30, survey: 20 }), { score: 66.1, effective: { plans: 0.5, trend: 0.3, survey: 0.2 } });
    // Without plans the other two share the weight: (30 × 80 + 20 × 50) / 50 = 68.
    assert.deepEqual(combine({ plans: null, trend: 80, survey: 50 }, { plans: 50, trend: 30, survey: 20 }), { score: 68, effective: { plans: 0, trend: 0.6, survey: 0.4 } });
    assert.deepEqual(combine({ plans: null, trend: null, survey: null }, { plans: 50, trend: 30, survey: 20 }).score, null);
    assert.equal(combine({ plans: 10, trend: null, survey: 90 }, { plans: 0, trend: 1, survey: 1 }).score, 90, 'a weight of 0 leaves its part out');
  });
});

for (const backend of backends()) {
  describe(`action plans and the team score (${backend})`, () => {
    let app: TestApp;
    let t: Tenant;
    let other: Tenant;
    let teams: { soporte: string; support: string };
    let lead: Session; // manager of Soporte
    let otherLead: Session; // manager of Support
    let agent: Session; // agent of Soporte
    let owner: Session; // agent of Soporte who owns plans

    const member = async (role: 'manager' | 'agent', teamId: string) => {
      const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
      const res = await call(app, 'POST', '/api/employees', { session: t.admin, body: { email, name: `${role} ${teamId.slice(0, 4)}`, role, password: PASSWORD, teamId } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return login(app, email);
    };

    before(async () => {
      app = await createTestApp(backend);
      t = await createTenant(app, 'Plans');
      other = await createTenant(app, 'Other');
      const team = async (name: string) => (await call(app, 'POST', '/api/teams', { session: t.admin, body: { name } })).body.id as string;
      teams = { soporte: await team('Soporte'), support: await team('Support') };
      lead = await member('manager', teams.soporte);
      otherLead = await member('manager', teams.support);
      agent = await member('agent', teams.soporte);
      owner = await member('agent', teams.soporte);
      await seedVoice(app, t.workspaceId, { spanishAssignee: agent.employeeId, englishTeam: teams.support });
    });
    after(() => app.teardown());

    const plan = (over: Record<string, unknown> = {}) => ({
      teamId: teams.soporte,
      title: 'Avisar de los retrasos de entrega',
      link: { type: 'topic', topicId: 'es:entreg', label: 'entrega' },
      ownerId: owner.employeeId,
      dueOn: '2026-04-30',
      ...over,
    });

    test('validation: clear 400s for a bad plan', async () => {
      const bad: Array<[Record<string, unknown>, RegExp]> = [
        [plan({ title: '  ' }), /body\.title/],
        [plan({ link: { type: 'kpi', kpi: 'happiness' } }), /body\.link/],
        [plan({ link: { type: 'topic', topicId: 'retrasos', label: 'x' } }), /body\.link/],
        [plan({ dueOn: '30/04/2026' }), /body\.dueOn/],
        [plan({ progress: 120 }), /body\.progress/],
        [plan({ status: 'someday' }), /body\.status/],
        [plan({ teamId: randomUUID() }), /body\.teamId: no such team/],
        [plan({ ownerId: randomUUID() }), /body\.ownerId: no such employee/],
        [plan({ extra: 1 }), /extra|Unrecognized/i],
      ];
      for (const [body, message] of bad) {
        const res = await call(app, 'POST', '/api/action-plans', { session: t.admin, body });
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal(res.body.error.code, 'validation_failed');
        assert.match(res.body.error.message, message);
      }
    });

    test('who may edit: admins, the team lead, the owner for notes; everyone reads', async () => {
      assert.equal((await call(app, 'POST', '/api/action-plans', { session: agent, body: plan() })).status, 403);
      assert.equal((await call(app, 'POST', '/api/action-plans', { session: otherLead, body: plan() })).status, 403, "a manager of another team");
      const made = await call(app, 'POST', '/api/action-plans', { session: lead, body: plan({ link: { type: 'kpi', kpi: 'csat' } }) });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      assert.deepEqual(made.body.link, { type: 'kpi', kpi: 'csat' });
      assert.equal(made.body.status, 'planned');
      const id = made.body.id;
      assert.equal((await call(app, 'PATCH', `/api/action-plans/${id}`, { session: agent, body: { progress: 50 } })).status, 403);
      assert.equal((await call(app, 'PATCH', `/api/action-plans/${id}`, { session: otherLead, body: { progress: 50 } })).status, 403);
      assert.equal((await call(app, 'POST', `/api/action-plans/${id}/notes`, { session: agent, body: { text: 'no soy yo' } })).status, 403);
      const note = await call(app, 'POST', `/api/action-plans/${id}/notes`, { session: owner, body: { text: 'Hablé con logística', progress: 30 } });
      assert.equal(note.status, 201, JSON.stringify(note.body));
      assert.equal(note.body.progress, 30);
      assert.equal(note.body.status, 'in_progress', 'progress on a planned plan means it started');
      assert.equal(note.body.notes[0].author.id, owner.employeeId);
      assert.equal(note.body.notes[0].text, 'Hablé con logística');
      const read = await call(app, 'GET', `/api/action-plans/${id}`, { session: otherLead });
      assert.equal(read.status, 200);
      assert.equal(read.body.noteCount, 1);
      assert.equal((await call(app, 'DELETE', `/api/action-plans/${id}`, { session: owner })).status, 403);
      assert.equal((await call(app, 'DELETE', `/api/action-plans/${id}`, { session: lead })).status, 204);
      assert.equal((await call(app, 'GET', `/api/action-plans/${id}`, { session: lead })).status, 404);
      const audit = await app.ctx.db.selectFrom('audit_log').select('action').where('workspace_id', '=', t.workspaceId).where('target_id', '=', id).orderBy('id').execute();
      assert.deepEqual(audit.map((a) => a.action), ['action_plan.created', 'action_plan.note_added', 'action_plan.deleted']);
    });

    test('status and progress move together', async () => {
      const id = (await call(app, 'POST', '/api/action-plans', { session: t.admin, body: plan({ title: 'Estado' }) })).body.id;
      const done = await call(app, 'PATCH', `/api/action-plans/${id}`, { session: t.admin, body: { status: 'done' } });
      assert.equal(done.body.progress, 100);
      assert.ok(done.body.completedAt);
      const reopened = await call(app, 'PATCH', `/api/action-plans/${id}`, { session: t.admin, body: { progress: 90 } });
      assert.equal(reopened.body.status, 'in_progress');
      assert.equal(reopened.body.completedAt, null);
      const list = await call(app, 'GET', `/api/action-plans?teamId=${teams.soporte}&status=in_progress`, { session: agent });
      assert.deepEqual(list.body.items.map((p: { id: string }) => p.id), [id]);
      assert.equal((await call(app, 'PATCH', `/api/action-plans/${id}`, { session: t.admin, body: {} })).status, 400);
      await call(app, 'DELETE', `/api/action-plans/${id}`, { session: t.admin });
    });

    test('workspaces are isolated', async () => {
      const id = (await call(app, 'POST', '/api/action-plans', { session: t.admin, body: plan({ title: 'Privado' }) })).body.id;
      assert.equal((await call(app, 'GET', `/api/action-plans/${id}`, { session: other.admin })).status, 404);
      assert.equal((await call(app, 'PATCH', `/api/action-plans/${id}`, { session: other.admin, body: { progress: 10 } })).status, 404);
      assert.equal((await call(app, 'POST', `/api/action-plans/${id}/notes`, { session: other.admin, body: { text: 'x' } })).status, 404);
      assert.deepEqual((await call(app, 'GET', '/api/action-plans', { session: other.admin })).body.items, []);
      const foreign = await call(app, 'POST', '/api/action-plans', { session: other.admin, body: plan() });
      assert.equal(foreign.status, 400, 'a team and owner of another workspace do not exist here');
      assert.equal((await call(app, 'GET', `/api/teams/${teams.soporte}/score`, { session: other.admin })).status, 404);
      await call(app, 'DELETE', `/api/action-plans/${id}`, { session: t.admin });
    });

    test('team score against hand-computed numbers, then custom weights', async () => {
      const settings = await call(app, 'PUT', '/api/teams/score-settings', { session: t.admin, body: { windowDays: 7 } });
      assert.equal(settings.status, 200, JSON.stringify(settings.body));
      assert.deepEqual(settings.body, { weights: { plans: 50, trend: 30, survey: 20 }, windowDays: 7 });
      const first = (await call(app, 'POST', '/api/action-plans', { session: lead, body: plan({ progress: 40 }) })).body;
      const second = (await call(app, 'POST', '/api/action-plans', { session: lead, body: plan({ title: 'Revisar precios', link: { type: 'topic', topicId: 'es:preci', label: 'precio' } }) })).body;
      await call(app, 'POST', '/api/action-plans', { session: lead, body: plan({ title: 'Abandonado', progress: 10, status: 'dropped' }) });

      const score = async (teamId: string) => {
        const res = await call(app, 'GET', `/api/teams/${teamId}/score?at=2026-03-15`, { session: agent });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        return res.body;
      };
      let s = await score(teams.soporte);
      assert.deepEqual(s.window, { from: '2026-03-09', to: '2026-03-15' });
      // Plans: 40 and 0 (the dropped one does not count) → 20.
      assert.equal(s.parts.plans.value, 20);
      // Trend: negative mentions 3 of 4 (75 %) in 2–8 March, 2 of 6 (33.3 %) in 9–15 March → 50 + 41.67 = 91.7.
      assert.deepEqual(s.parts.trend.previous, { from: '2026-03-02', to: '2026-03-08', mentions: 4, negative: 3, share: 75 });
      assert.deepEqual(s.parts.trend.current, { from: '2026-03-09', to: '2026-03-15', mentions: 6, negative: 2, share: 33.3 });
      assert.equal(s.parts.trend.value, 91.7);
      // Survey: CSAT of 9–15 March: 1, 3, 2, 4, 5, 4, 2 → 3 of 7 satisfied = 42.9 %.
      assert.deepEqual([s.parts.survey.value, s.parts.survey.basis, s.parts.survey.answers], [42.9, 'csat', 7]);
      // (50 × 20 + 30 × 91.7 + 20 × 42.9) / 100 = 46.09.
      assert.equal(s.score, 46.1);

      // Progress notes move the plans part, and so the score: the first plan to 80, the second to 40.
      await call(app, 'POST', `/api/action-plans/${first.id}/notes`, { session: owner, body: { text: 'Aviso automático activo', progress: 80 } });
      await call(app, 'POST', `/api/action-plans/${second.id}/notes`, { session: lead, body: { text: 'Tabla revisada', progress: 40 } });
      s = await score(teams.soporte);
      // Plans: (80 + 40) / 2 = 60 → (50 × 60 + 30 × 91.7 + 20 × 42.9) / 100 = 66.09.
      assert.equal(s.parts.plans.value, 60);
      assert.equal(s.score, 66.1);

      // Custom weights: plans left out, trend and survey equal → (91.7 + 42.9) / 2 = 67.3.
      const custom = await call(app, 'PUT', '/api/teams/score-settings', { session: t.admin, body: { weights: { plans: 0, trend: 1, survey: 1 } } });
      assert.equal(custom.status, 200, JSON.stringify(custom.body));
      s = await score(teams.soporte);
      assert.equal(s.score, 67.3);
      assert.deepEqual([s.parts.plans.effectiveWeight, s.parts.trend.effectiveWeight, s.parts.survey.effectiveWeight], [0, 0.5, 0.5]);

      // Support (English messages, all in the second week, no plans, no answers): nothing to score.
      const all = await call(app, 'GET', '/api/teams/scores?at=2026-03-15', { session: agent });
      assert.equal(all.status, 200);
      const support = all.body.items.find((i: { team: { id: string } }) => i.team.id === teams.support);
      assert.equal(support.score, null);
      assert.equal(support.parts.trend.previous.mentions, 0);
      assert.equal(all.body.items.find((i: { team: { id: string } }) => i.team.id === teams.soporte).score, 67.3);

      for (const body of [{ weights: { plans: 0, trend: 0, survey: 0 } }, { weights: { plans: -1 } }, { windowDays: 3 }, { weights: { happiness: 5 } }]) {
        const res = await call(app, 'PUT', '/api/teams/score-settings', { session: t.admin, body });
        assert.equal(res.status, 400, JSON.stringify(body));
      }
      assert.equal((await call(app, 'PUT', '/api/teams/score-settings', { session: lead, body: { windowDays: 30 } })).status, 403);
      assert.equal((await call(app, 'GET', `/api/teams/${randomUUID()}/score`, { session: agent })).status, 404);
      assert.equal((await call(app, 'GET', `/api/teams/${teams.soporte}/score?at=yesterday`, { session: agent })).status, 400);
    });
  });
}
