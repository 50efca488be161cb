import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { customerIdParams, exitBody, exitReportQuery } from './exit.schema.ts';
import { exitReport, exitReportCsv, recordExit } from './exit.service.ts';
import { listResponses, resultsCsv, surveyResults } from './survey-report.service.ts';
import { getSurveySettings, updateSurveySettings } from './survey-settings.service.ts';
import { periodQuery, responsesQuery, SUGGESTED_QUESTIONS, surveySettingsPatch } from './survey.schema.ts';

const tags = ['surveys'];

const csv = (reply: FastifyReply, name: string, body: string) => reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(body);

// The admin rules, the answers and their figures, and customer exits.
export const surveyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.get(
      '/surveys/settings',
      { config: { auth: 'employee', roles: ['admin', 'manager'] }, schema: { tags, summary: "The workspace's survey rules, and questions an admin may add (NPS, CES)" } },
      async (req) => ({ settings: await getSurveySettings(scopeOf(employeeOf(req).workspaceId)), suggestedQuestions: SUGGESTED_QUESTIONS }),
    );

    app.put(
      '/surveys/settings',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: {
          tags,
          summary: 'Change the survey rules (admins)',
          description:
            '`enabled`; `channels` (conversation channels that get a survey, null for all); `delayMinutes` after the conversation is resolved; ' +
            '`frequencyDays` (at most one survey per customer in that many days, 0 for no limit); `linkValidDays`; `questions` (at most one csat, ' +
            'nps and ces each, plus open ones, with texts in es and en); `lowScore` thresholds (CSAT ≤, NPS ≤, CES ≥) that raise a reaction. ' +
            'Fields not sent keep their value; surveys already scheduled keep the questions they had.',
          body: surveySettingsPatch,
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return { settings: await updateSurveySettings(scopeOf(me.workspaceId), actorOf(me), req.body) };
      },
    );

    app.get(
      '/surveys/responses',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: 'Survey answers, newest first: by customer, conversation, employee, kind, period, channel, low score or exit reason',
          description: 'What lies behind a point of the results or exit-reason charts. Pass `nextBefore` as `before` for the next page.',
          querystring: responsesQuery,
        },
      },
      async (req) => listResponses(scopeOf(employeeOf(req).workspaceId), req.query),
    );

    app.get(
      '/surveys/results',
      {
        config: { auth: 'employee', roles: ['admin', 'manager'] },
        schema: {
          tags,
          summary: 'CSAT, NPS and CES of the customer surveys, overall and by month',
          description: 'CSAT % = answers of 4–5 / CSAT answers; NPS = % promoters (9–10) − % detractors (0–6); CES = average (1–7, lower is easier). `from`/`to` are whole UTC days, both included. ' +
            '`format=csv`: one row per month. The answers behind a point: GET /api/surveys/responses with the same filters.',
          querystring: periodQuery,
        },
      },
      async (req, reply) => {
        const results = await surveyResults(scopeOf(employeeOf(req).workspaceId), req.query);
        return req.query.format === 'csv' ? csv(reply, 'survey-results.csv', resultsCsv(results)) : results;
      },
    );

    app.post(
      '/customers/:id/exit',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: 'The customer left: record it and ask them why',
          description:
            'From your systems (API token) or an employee. Makes an exit survey unless the customer refused surveys or `survey` is false; its link is ' +
            'returned (send it your own way too) and written in their latest conversation. The same `externalId` again answers 200 with the first exit.',
          params: customerIdParams,
          body: exitBody,
        },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        const { exit, created } = await recordExit(ctx, scopeOf(me.workspaceId), actorOf(me), req.params.id, req.body);
        return reply.code(created ? 201 : 200).send(exit);
      },
    );

    app.get(
      '/surveys/exit-reasons',
      {
        config: { auth: 'employee', roles: ['admin', 'manager'] },
        schema: {
          tags,
          summary: 'Why customers left: reasons by month, with counts and shares of the answers',
          description: 'Shares are % of the exit answers of the month. `format=csv`: one row per month and reason. The answers behind a bar: GET /api/surveys/responses?kind=exit&reason=….',
          querystring: exitReportQuery,
        },
      },
      async (req, reply) => {
        const report = await exitReport(scopeOf(employeeOf(req).workspaceId), req.query);
        return req.query.format === 'csv' ? csv(reply, 'exit-reasons.csv', exitReportCsv(report)) : report;
      },
    );
  };
