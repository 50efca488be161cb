import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { widgetDistDir } from '../../platform/http/client-bundles.ts';
import { findWorkspaceByPublicKey } from '../workspaces/workspace.service.ts';
import { demoPage, noWorkspacePage } from './demo-page.ts';

export const widgetAssetRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/widget.js', { schema: { hide: true } }, async (_req, reply) => {
      const code = await readFile(path.join(widgetDistDir, 'widget.js')).catch(() => null);
      if (!code) return reply.code(503).type('text/javascript').send(`console.error(${JSON.stringify('Vínculo: widget.js is not built yet; run npm run build')});`);
      // The URL is the same for every release, so caches revalidate after five minutes.
      return reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(code);
    });

    app.get(
      '/demo',
      { schema: { hide: true, querystring: z.object({ workspace: z.string().min(1).max(100).optional(), lang: z.enum(['es', 'en']).optional() }) } },
      async (req, reply) => {
        const workspace = req.query.workspace
          ? await findWorkspaceByPublicKey(ctx.db, req.query.workspace)
          : await ctx.db.selectFrom('workspaces').selectAll().orderBy('created_at').limit(1).executeTakeFirst();
        if (!workspace) return reply.code(404).type('text/html; charset=utf-8').send(noWorkspacePage);
        return reply.type('text/html; charset=utf-8').send(demoPage({ workspaceKey: workspace.public_key, workspaceName: workspace.name, lang: req.query.lang ?? 'es' }));
      },
    );
  };
