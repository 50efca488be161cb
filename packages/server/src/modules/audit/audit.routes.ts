import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { listAudit } from './audit.service.ts';

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit-log',
      {
        config: { auth: 'employee', roles: ['admin', 'manager'] },
        schema: {
          tags: ['audit'],
          summary: 'Recent audited actions, newest first',
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(500).default(100),
            before: z.string().regex(/^\d+$/, 'must be an audit entry id').optional(),
          }),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return { items: await listAudit(tenantScope(ctx.db, me.workspaceId), { limit: req.query.limit, beforeId: req.query.before }) };
      },
    );
  };
