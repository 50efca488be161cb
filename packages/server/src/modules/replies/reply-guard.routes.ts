import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { uuid } from '../../platform/http/common.schema.ts';
import { personalisationStats } from './personalisation-stats.service.ts';
import { checkReply } from './reply-check.service.ts';

const DAY = 86_400_000;
// Matches no employee: an agent's API token not tied to a person sees nobody's figures.
const NOBODY = '00000000-0000-0000-0000-000000000000';

const statsQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional().describe('inclusive; default: 30 days before `to`'),
    to: z.iso.datetime({ offset: true }).optional().describe('exclusive; default: now'),
    employeeId: uuid().optional().describe('one employee (managers and admins)'),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { message: 'must be after `from`', path: ['to'] });

export const replyGuardRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/replies/check',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['replies'],
          summary: 'Before sending: is this reply nearly the same as replies already sent to other customers? With hints to personalise it',
          body: z.object({ conversationId: uuid(), text: z.string().max(ctx.config.maxMessageChars, `must be at most ${ctx.config.maxMessageChars} characters`) }).strict(),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return checkReply(tenantScope(ctx.db, me.workspaceId), { ...req.body, employeeId: me.employeeId });
      },
    );

    app.get(
      '/replies/stats',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['replies'],
          summary: 'Personalisation per employee: replies, canned replies, snippet uses (unchanged or not) and the rate; agents see only themselves',
          querystring: statsQuery,
        },
      },
      async (req) => {
        const me = employeeOf(req);
        const to = req.query.to ? new Date(req.query.to) : new Date();
        const from = req.query.from ? new Date(req.query.from) : new Date(to.getTime() - 30 * DAY);
        const employeeId = me.role === 'agent' ? (me.employeeId ?? NOBODY) : req.query.employeeId;
        return personalisationStats(tenantScope(ctx.db, me.workspaceId), { from, to, employeeId });
      },
    );
  };
