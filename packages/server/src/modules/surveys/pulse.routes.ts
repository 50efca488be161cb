import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams } from '../../platform/http/common.schema.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { pulseAnswerBody, roundBody } from './pulse.schema.ts';
import { answerRound, createRound, listRounds, pulseResults, roundFor } from './pulse.service.ts';

const tags = ['pulse'];

// The employee pulse: managers open rounds, employees answer once and anonymously, results only for
// groups of at least five answers.
export const pulseRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.post(
      '/pulse/rounds',
      { config: { auth: 'employee', roles: ['admin', 'manager'] }, schema: { tags, summary: 'Open a pulse round: eNPS plus engagement statements (1–5)', body: roundBody } },
      async (req, reply) => {
        const me = employeeOf(req);
        return reply.code(201).send(await createRound(scopeOf(me.workspaceId), actorOf(me), req.body));
      },
    );

    app.get('/pulse/rounds', { config: { auth: 'employee' }, schema: { tags, summary: 'Pulse rounds, newest first, with whether I answered' } }, async (req) => {
      const me = employeeOf(req);
      return { items: await listRounds(scopeOf(me.workspaceId), me.employeeId) };
    });

    app.get('/pulse/rounds/:id', { config: { auth: 'employee' }, schema: { tags, summary: 'A pulse round and its questions (es and en)', params: idParams } }, async (req) => {
      const me = employeeOf(req);
      return roundFor(scopeOf(me.workspaceId), req.params.id, me.employeeId);
    });

    app.post(
      '/pulse/rounds/:id/answers',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: 'Answer a pulse round, once, anonymously',
          description: 'Stored with your team only, never with you: a separate record says you answered, so you cannot answer twice (409). Closed rounds: 410.',
          params: idParams,
          body: pulseAnswerBody,
        },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        // Only a person answers for themselves: API tokens have no one behind them.
        if (!me.employeeId || me.via !== 'session') throw new AppError('forbidden', 'Pulse rounds are answered by employees, signed in');
        await answerRound(scopeOf(me.workspaceId), req.params.id, me.employeeId, req.body);
        return reply.code(201).send({ answered: true });
      },
    );

    app.get(
      '/pulse/rounds/:id/results',
      {
        config: { auth: 'employee', roles: ['admin', 'manager'] },
        schema: {
          tags,
          summary: 'eNPS and engagement, overall and per team, only for groups of at least 5 answers',
          description:
            'A group with fewer answers says `shown: false` and why, without a single figure (not even its count). A team is hidden too when, ' +
            'with the overall, it would reveal a smaller hidden group. eNPS = % promoters (9–10) − % detractors (0–6).',
          params: idParams,
        },
      },
      async (req) => pulseResults(scopeOf(employeeOf(req).workspaceId), req.params.id),
    );
  };
