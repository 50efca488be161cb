import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams, localeSchema } from '../../platform/http/common.schema.ts';
import { startIntervalJob } from '../../platform/jobs/interval-job.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { needingAttention } from './attention.service.ts';
import { getOutcomes } from './outcome.service.ts';
import { playbookRoutes } from './playbook.routes.ts';
import { getSettings, updateSettings } from './playbook.service.ts';
import { reactionSettingsPatch } from './reaction-settings.schema.ts';
import { localeOf } from './reaction.http.ts';
import { completeReminder, listReminders, runDueReminders } from './reminder.service.ts';
import { suggestionRoutes } from './suggestion.routes.ts';
import { getTimeline } from './timeline.service.ts';

export const REMINDER_JOB_MS = 15_000;
const MAX_RANGE_DAYS = 366;

// Everything of the reaction module under /api, and the job that brings reminders back; the job
// stops with the server, before the database closes.
export const reactionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);
    await app.register(playbookRoutes(ctx));
    await app.register(suggestionRoutes(ctx));

    app.get(
      '/reaction/settings',
      { config: { auth: 'employee' }, schema: { tags: ['reaction'], summary: 'Bounds for offers and the process automations (admins change them)' } },
      async (req) => getSettings(scopeOf(employeeOf(req).workspaceId)),
    );

    app.patch(
      '/reaction/settings',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: { tags: ['reaction'], summary: 'Change bounds or turn automations on/off (admins only)', body: reactionSettingsPatch },
      },
      async (req) => {
        const me = employeeOf(req);
        return updateSettings(scopeOf(me.workspaceId), actorOf(me), req.body);
      },
    );

    app.get(
      '/customers/:id/timeline',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['reaction'],
          summary: "The customer's timeline, newest first: accepted actions, follow-ups, conversations opened and resolved",
          params: idParams,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        },
      },
      async (req) => getTimeline(scopeOf(employeeOf(req).workspaceId), req.params.id, req.query.limit),
    );

    app.get(
      '/reminders',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['reaction'],
          summary: 'Reminders (follow-ups and snoozed suggestions), soonest first',
          querystring: z.object({
            mine: z.enum(['true', 'false']).transform((v) => v === 'true').default(true),
            status: z
              .string()
              .transform((s) => s.split(',').filter(Boolean))
              .pipe(z.array(z.enum(['pending', 'due', 'done'])))
              .optional()
              .describe('comma-separated: pending,due,done (default pending,due)'),
            limit: z.coerce.number().int().min(1).max(200).default(100),
          }),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        const q = req.query;
        return { items: await listReminders(scopeOf(me.workspaceId), { employeeId: me.employeeId, mine: q.mine, status: q.status ?? ['pending', 'due'], limit: q.limit }) };
      },
    );

    app.post('/reminders/:id/done', { config: { auth: 'employee' }, schema: { tags: ['reaction'], params: idParams } }, async (req) => {
      const me = employeeOf(req);
      return completeReminder(ctx, scopeOf(me.workspaceId), actorOf(me), req.params.id);
    });

    app.get(
      '/reaction/outcomes',
      {
        config: { auth: 'employee', roles: ['admin', 'manager'] },
        schema: {
          tags: ['reaction'],
          summary: 'Per suggestion: time to react and mood recovery; totals, by playbook and by employee (default: the last 30 days)',
          querystring: z.object({
            from: z.iso.datetime({ offset: true }).optional(),
            to: z.iso.datetime({ offset: true }).optional(),
            locale: localeSchema.optional(),
          }),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        const scope = scopeOf(me.workspaceId);
        const to = req.query.to ? new Date(req.query.to) : new Date();
        const from = req.query.from ? new Date(req.query.from) : new Date(to.getTime() - 30 * 86_400_000);
        if (from >= to) throw new AppError('validation_failed', 'querystring.from: must be earlier than "to"', [{ path: 'querystring.from', message: 'must be earlier than "to"' }]);
        if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
          throw new AppError('validation_failed', `querystring.from: the range may span at most ${MAX_RANGE_DAYS} days`, [{ path: 'querystring.from', message: `the range may span at most ${MAX_RANGE_DAYS} days` }]);
        }
        return getOutcomes(scope, { from, to }, req.query.locale ?? (await localeOf(scope, me)));
      },
    );

    app.get(
      '/attention',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['reaction'],
          summary: 'Customers who need attention now, most urgent first, each with the reason',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), locale: localeSchema.optional() }),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        const scope = scopeOf(me.workspaceId);
        return needingAttention(scope, req.query.locale ?? (await localeOf(scope, me)), req.query.limit);
      },
    );

    const stop = startIntervalJob('reaction-reminders', REMINDER_JOB_MS, () => runDueReminders(ctx, new Date()), {
      error: (obj, msg) => ctx.log.error(obj, msg),
      // Every 15 s would flood the log: only runs that fired something are worth a line.
      info: (obj, msg) => (obj as { result?: number }).result && ctx.log.info(obj, msg),
    });
    app.addHook('onClose', async () => stop());
  };
