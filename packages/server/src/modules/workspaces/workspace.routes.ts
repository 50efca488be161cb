import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { routingSettingsSchema } from '../bonds/bond.schema.ts';
import { callSettingsSchema } from '../calls/call.schema.ts';
import { getWorkspace, rotateIdentitySecret, toWorkspaceView, updateWorkspace } from './workspace.service.ts';

const settingsSchema = z
  .object({
    widgetColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f7a6d').optional(),
    greeting: z.object({ es: z.string().max(500).optional(), en: z.string().max(500).optional() }).optional(),
    officeHours: z.string().max(500).optional(),
    defaultLocale: z.enum(['es', 'en']).optional(),
    ...routingSettingsSchema,
    ...callSettingsSchema,
  })
  .strict();

export const workspaceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/workspace',
      { config: { auth: 'employee' }, schema: { tags: ['workspace'], summary: 'The current workspace' } },
      async (req) => {
        const me = employeeOf(req);
        const ws = await getWorkspace(ctx.db, me.workspaceId);
        // The identity secret lets a site vouch for its users, so only admins may read it.
        return { ...toWorkspaceView(ws), ...(me.role === 'admin' ? { identitySecret: ws.identity_secret } : {}) };
      },
    );

    app.patch(
      '/workspace',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: {
          tags: ['workspace'],
          summary: 'Rename the workspace or change widget settings',
          body: z.object({ name: z.string().trim().min(1).max(120).optional(), settings: settingsSchema.optional() }).strict(),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        const ws = await updateWorkspace(ctx.db, me.workspaceId, req.body);
        await recordAudit(tenantScope(ctx.db, me.workspaceId), actorOf(me), {
          action: 'workspace.updated',
          targetType: 'workspace',
          targetId: ws.id,
          details: req.body,
        });
        return toWorkspaceView(ws);
      },
    );

    app.post(
      '/workspace/identity-secret',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: { tags: ['workspace'], summary: 'Rotate the identity-verification secret' },
      },
      async (req) => {
        const me = employeeOf(req);
        const identitySecret = await rotateIdentitySecret(ctx.db, me.workspaceId);
        await recordAudit(tenantScope(ctx.db, me.workspaceId), actorOf(me), {
          action: 'workspace.identity_secret_rotated',
          targetType: 'workspace',
          targetId: me.workspaceId,
        });
        return { identitySecret };
      },
    );
  };
