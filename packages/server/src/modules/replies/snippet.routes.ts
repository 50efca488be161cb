import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams } from '../../platform/http/common.schema.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { fillSnippetBody, newSnippetBody, snippetListQuery, snippetPatchBody } from './snippet.schema.ts';
import { createSnippet, deleteSnippet, fillSnippet, getSnippet, listSnippets, updateSnippet } from './snippet.service.ts';

const writers = { auth: 'employee' as const, roles: ['admin' as const, 'manager' as const] };

export const snippetRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.get(
      '/snippets',
      { config: { auth: 'employee' }, schema: { tags: ['snippets'], summary: 'Snippets of the workspace, by title', querystring: snippetListQuery } },
      async (req) => ({ items: await listSnippets(scopeOf(employeeOf(req).workspaceId), req.query) }),
    );

    app.get('/snippets/:id', { config: { auth: 'employee' }, schema: { tags: ['snippets'], params: idParams } }, async (req) =>
      getSnippet(scopeOf(employeeOf(req).workspaceId), req.params.id),
    );

    app.post(
      '/snippets',
      {
        config: writers,
        schema: { tags: ['snippets'], summary: 'Create a snippet; placeholders such as {firstName} are filled per customer', body: newSnippetBody },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        const snippet = await scopeOf(me.workspaceId).transaction(async (trx) => {
          const created = await createSnippet(trx, me.employeeId, req.body);
          await recordAudit(trx, actorOf(me), { action: 'snippet.created', targetType: 'snippet', targetId: created.id });
          return created;
        });
        return reply.code(201).send(snippet);
      },
    );

    app.patch('/snippets/:id', { config: writers, schema: { tags: ['snippets'], params: idParams, body: snippetPatchBody } }, async (req) => {
      const me = employeeOf(req);
      return scopeOf(me.workspaceId).transaction(async (trx) => {
        const updated = await updateSnippet(trx, req.params.id, req.body);
        await recordAudit(trx, actorOf(me), { action: 'snippet.updated', targetType: 'snippet', targetId: updated.id, details: { fields: Object.keys(req.body) } });
        return updated;
      });
    });

    app.delete('/snippets/:id', { config: writers, schema: { tags: ['snippets'], params: idParams } }, async (req, reply) => {
      const me = employeeOf(req);
      await scopeOf(me.workspaceId).transaction(async (trx) => {
        await deleteSnippet(trx, req.params.id);
        await recordAudit(trx, actorOf(me), { action: 'snippet.deleted', targetType: 'snippet', targetId: req.params.id });
      });
      return reply.code(204).send();
    });

    app.post(
      '/snippets/:id/fill',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['snippets'],
          summary: 'The snippet filled for the customer of a conversation; unknown values stay as [[placeholder]] gaps to fill by hand',
          params: idParams,
          body: fillSnippetBody,
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return fillSnippet(scopeOf(me.workspaceId), req.params.id, req.body.conversationId, me.employeeId);
      },
    );
  };
