import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams, uuid } from '../../platform/http/common.schema.ts';
import { deciderOf } from './reaction.http.ts';
import { acceptSuggestion, dismissSuggestion, getSuggestion, listSuggestions, snoozeSuggestion } from './suggestion.service.ts';

const statuses = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(['open', 'snoozed', 'accepted', 'dismissed'])))
  .describe('comma-separated: open,snoozed,accepted,dismissed (default open)');
const boolText = z.enum(['true', 'false']).transform((v) => v === 'true');

const actionEdit = z.strictObject({
  index: z.number().int().min(0),
  text: z.string().trim().min(1, 'must not be empty').max(4000).optional(),
  percent: z.number().gt(0).max(100).optional(),
  amount: z.number().gt(0).max(1e9).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO currency code like EUR').optional(),
  hours: z.number().min(1).max(720).optional(),
});

export const suggestionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.get(
      '/suggestions',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['reaction'],
          summary: 'Suggestions, newest activity first; mine=true: those for me, my team, unassigned, or (managers) escalated',
          querystring: z.object({
            status: statuses.optional(),
            customerId: uuid().optional(),
            conversationId: uuid().optional(),
            mine: boolText.optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        const q = req.query;
        return { items: await listSuggestions(scopeOf(me.workspaceId), deciderOf(me), { ...q, status: q.status ?? ['open'], mine: q.mine ?? false }) };
      },
    );

    app.get('/suggestions/:id', { config: { auth: 'employee' }, schema: { tags: ['reaction'], params: idParams } }, async (req) =>
      getSuggestion(scopeOf(employeeOf(req).workspaceId), req.params.id),
    );

    app.post(
      '/suggestions/:id/accept',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['reaction'],
          summary: 'Accept all actions, one (actionIndex) or some with edits (actions); drafts come back for the composer, nothing is sent',
          params: idParams,
          body: z
            .strictObject({
              actionIndex: z.number().int().min(0).optional(),
              actions: z.array(actionEdit).min(1, 'must list at least one action').max(8).optional(),
              note: z.string().trim().max(1000).optional(),
            })
            .refine((b) => b.actionIndex === undefined || b.actions === undefined, 'send either actionIndex or actions, not both')
            .default({}),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return acceptSuggestion(ctx, scopeOf(me.workspaceId), deciderOf(me), req.params.id, req.body);
      },
    );

    app.post(
      '/suggestions/:id/dismiss',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['reaction'],
          summary: 'Dismiss a suggestion, saying why (kept for the playbook owners)',
          params: idParams,
          body: z.strictObject({ reason: z.string({ message: 'is required: say why' }).trim().min(3, 'must be at least 3 characters').max(500, 'must be at most 500 characters') }),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return dismissSuggestion(ctx, scopeOf(me.workspaceId), deciderOf(me), req.params.id, req.body.reason);
      },
    );

    app.post(
      '/suggestions/:id/snooze',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['reaction'],
          summary: 'Put a suggestion aside; it comes back (reminder.due) after the given minutes',
          params: idParams,
          body: z.strictObject({ minutes: z.number().int('must be a whole number of minutes').min(1, 'must be at least 1').max(10_080, 'must be at most 10080 (7 days)') }),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return snoozeSuggestion(ctx, scopeOf(me.workspaceId), deciderOf(me), req.params.id, req.body.minutes);
      },
    );
  };
