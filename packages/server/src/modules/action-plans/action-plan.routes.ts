import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { idParams } from '../../platform/http/common.schema.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { createPlanBody, listPlansQuery, noteBody, updatePlanBody } from './action-plan.schema.ts';
import { addNote, createPlan, deletePlan, getPlan, listPlans, updatePlan } from './action-plan.service.ts';
import { scoreQuery, teamScoreSettingsPatch } from './team-score.schema.ts';
import { allTeamScores, getTeamScoreSettings, teamScore, updateTeamScoreSettings } from './team-score.service.ts';

const tags = ['action plans'];
const editors = "Admins edit every team's plans, a team's managers (team leads) their own team's; everyone in the workspace reads them.";
const formula =
  'score = Σ weightᵢ × partᵢ / Σ weightᵢ over the parts that have a value (0–100 each): `plans` = mean progress of open plans and plans done in the window; ' +
  '`trend` = 50 + (share of negative topic mentions in the previous window − in this one, in percentage points), clamped to 0–100; ' +
  '`survey` = CSAT % (or (NPS + 100) / 2 without CSAT answers). Default weights 50 / 30 / 20, window 30 days. See docs/voice.md.';

export const actionPlanRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.get(
      '/action-plans',
      { config: { auth: 'employee' }, schema: { tags, summary: 'Action plans, by due day: per team, status, topic or KPI', querystring: listPlansQuery } },
      async (req) => ({ items: await listPlans(scopeOf(employeeOf(req).workspaceId), req.query) }),
    );

    app.post(
      '/action-plans',
      { config: { auth: 'employee' }, schema: { tags, summary: 'Make an action plan for a team, about a topic or a KPI', description: editors, body: createPlanBody } },
      async (req, reply) => {
        const me = employeeOf(req);
        return reply.code(201).send(await createPlan(scopeOf(me.workspaceId), me, req.body));
      },
    );

    app.get(
      '/action-plans/:id',
      { config: { auth: 'employee' }, schema: { tags, summary: 'An action plan with its progress notes, newest first', params: idParams } },
      async (req) => getPlan(scopeOf(employeeOf(req).workspaceId), req.params.id),
    );

    app.patch(
      '/action-plans/:id',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: 'Change an action plan',
          description: `${editors} Status "done" sets progress to 100; progress on a planned plan makes it in progress; progress below 100 reopens a done plan.`,
          params: idParams,
          body: updatePlanBody,
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return updatePlan(scopeOf(me.workspaceId), me, req.params.id, req.body);
      },
    );

    app.delete(
      '/action-plans/:id',
      { config: { auth: 'employee' }, schema: { tags, summary: 'Delete an action plan and its notes', description: editors, params: idParams } },
      async (req, reply) => {
        const me = employeeOf(req);
        await deletePlan(scopeOf(me.workspaceId), me, req.params.id);
        return reply.code(204).send();
      },
    );

    app.post(
      '/action-plans/:id/notes',
      {
        config: { auth: 'employee' },
        schema: { tags, summary: "Write a progress note, optionally with the plan's new progress and status", description: `${editors} The plan's owner may write notes too.`, params: idParams, body: noteBody },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        return reply.code(201).send(await addNote(scopeOf(me.workspaceId), me, req.params.id, req.body));
      },
    );

    app.get(
      '/teams/scores',
      { config: { auth: 'employee' }, schema: { tags, summary: "Every team's score with its three parts", description: formula, querystring: scoreQuery } },
      async (req) => allTeamScores(scopeOf(employeeOf(req).workspaceId), req.query.at),
    );

    app.get(
      '/teams/score-settings',
      { config: { auth: 'employee' }, schema: { tags, summary: "The team score's weights and window" } },
      async (req) => getTeamScoreSettings(scopeOf(employeeOf(req).workspaceId)),
    );

    app.put(
      '/teams/score-settings',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: { tags, summary: "Change the team score's weights (0–100 each, relative) or window (7–365 days), admins", body: teamScoreSettingsPatch },
      },
      async (req) => {
        const me = employeeOf(req);
        return updateTeamScoreSettings(scopeOf(me.workspaceId), actorOf(me), req.body);
      },
    );

    app.get(
      '/teams/:id/score',
      { config: { auth: 'employee' }, schema: { tags, summary: "A team's score with its three parts", description: formula, params: idParams, querystring: scoreQuery } },
      async (req) => teamScore(scopeOf(employeeOf(req).workspaceId), req.params.id, req.query.at),
    );
  };
