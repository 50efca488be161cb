import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams, localeSchema, uuid } from '../../platform/http/common.schema.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { dryRun } from './dry-run.service.ts';
import { parsePlaybook, playbookCatalog } from './playbook.schema.ts';
import { createPlaybook, deletePlaybook, getPlaybook, getSettings, listPlaybooks, updatePlaybook } from './playbook.service.ts';
import { localeOf } from './reaction.http.ts';

// Playbook bodies are checked by parsePlaybook (not the route schema) so that every mistake is
// reported with its exact path, including bounds that depend on the workspace's settings.
const definitionBody = z.record(z.string(), z.unknown()).describe('A playbook: {name:{es?,en?}, description?, enabled?, priority?, condition, actions} — see GET /api/playbooks/catalog');

export const playbookRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.get('/playbooks', { config: { auth: 'employee' }, schema: { tags: ['reaction'], summary: "The workspace's playbooks, highest priority first" } }, async (req) => {
      const me = employeeOf(req);
      return { items: await listPlaybooks(scopeOf(me.workspaceId)) };
    });

    app.get(
      '/playbooks/catalog',
      { config: { auth: 'employee' }, schema: { tags: ['reaction'], summary: 'Fields, operators, actions and bounds a playbook may use (for the admin form)' } },
      async (req) => playbookCatalog(await getSettings(scopeOf(employeeOf(req).workspaceId))),
    );

    app.post(
      '/playbooks',
      { config: { auth: 'employee', roles: ['admin'] }, schema: { tags: ['reaction'], summary: 'Create a playbook', body: definitionBody } },
      async (req, reply) => {
        const me = employeeOf(req);
        return reply.code(201).send(await createPlaybook(scopeOf(me.workspaceId), actorOf(me), req.body));
      },
    );

    app.post(
      '/playbooks/dry-run',
      {
        config: { auth: 'employee', roles: ['admin', 'manager'] },
        schema: {
          tags: ['reaction'],
          summary: 'What a playbook (saved, by id, or inline) would have proposed over the last N days of customer messages',
          body: z.strictObject({
            playbook: z.union([uuid(), z.record(z.string(), z.unknown())]).describe('a playbook id, or an inline definition like the POST /playbooks body'),
            days: z.number().int().min(1).max(90).default(14),
            locale: localeSchema.optional(),
          }),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        const scope = scopeOf(me.workspaceId);
        const { playbook, days } = req.body;
        const definition = typeof playbook === 'string' ? await getPlaybook(scope, playbook) : parsePlaybook(playbook, await getSettings(scope), ['body', 'playbook']);
        return dryRun(scope, definition, days, req.body.locale ?? (await localeOf(scope, me)));
      },
    );

    app.get('/playbooks/:id', { config: { auth: 'employee' }, schema: { tags: ['reaction'], params: idParams } }, async (req) =>
      getPlaybook(scopeOf(employeeOf(req).workspaceId), req.params.id),
    );

    app.patch(
      '/playbooks/:id',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: { tags: ['reaction'], summary: 'Change any part of a playbook; the result is validated whole', params: idParams, body: definitionBody },
      },
      async (req) => {
        const me = employeeOf(req);
        return updatePlaybook(scopeOf(me.workspaceId), actorOf(me), req.params.id, req.body);
      },
    );

    app.delete('/playbooks/:id', { config: { auth: 'employee', roles: ['admin'] }, schema: { tags: ['reaction'], params: idParams } }, async (req, reply) => {
      const me = employeeOf(req);
      await deletePlaybook(scopeOf(me.workspaceId), actorOf(me), req.params.id);
      return reply.code(204).send();
    });
  };
