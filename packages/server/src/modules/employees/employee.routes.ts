import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams, localeSchema, roleSchema, uuid } from '../../platform/http/common.schema.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { createEmployee, getEmployee, listEmployees, toEmployeeView, updateEmployee } from './employee.service.ts';
import { createTeam, deleteTeam, listTeams, renameTeam } from './team.service.ts';

const password = z.string().min(10, 'must be at least 10 characters').max(200);

export const employeeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.get('/employees', { config: { auth: 'employee' }, schema: { tags: ['employees'], summary: 'List employees' } }, async (req) => {
      const me = employeeOf(req);
      return { items: (await listEmployees(scopeOf(me.workspaceId))).map(toEmployeeView) };
    });

    app.post(
      '/employees',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: {
          tags: ['employees'],
          summary: 'Add an employee',
          body: z.object({
            email: z.email({ message: 'must be an email address' }),
            name: z.string().trim().min(1).max(120),
            role: roleSchema,
            password: password.optional(),
            teamId: uuid().nullable().optional(),
            locale: localeSchema.optional(),
          }),
        },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        const scope = scopeOf(me.workspaceId);
        const row = await scope.transaction(async (trx) => {
          const created = await createEmployee(trx, req.body);
          await recordAudit(trx, actorOf(me), {
            action: 'employee.created',
            targetType: 'employee',
            targetId: created.id,
            details: { email: created.email, role: created.role },
          });
          return created;
        });
        return reply.code(201).send(toEmployeeView(row));
      },
    );

    app.get('/employees/:id', { config: { auth: 'employee' }, schema: { tags: ['employees'], params: idParams } }, async (req) => {
      const me = employeeOf(req);
      return toEmployeeView(await getEmployee(scopeOf(me.workspaceId), req.params.id));
    });

    app.patch(
      '/employees/:id',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: {
          tags: ['employees'],
          summary: 'Change role, team, language, password or deactivate',
          params: idParams,
          body: z
            .object({
              name: z.string().trim().min(1).max(120).optional(),
              role: roleSchema.optional(),
              teamId: uuid().nullable().optional(),
              locale: localeSchema.optional(),
              active: z.boolean().optional(),
              password: password.optional(),
            })
            .strict(),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        const row = await scopeOf(me.workspaceId).transaction(async (trx) => {
          const updated = await updateEmployee(trx, req.params.id, req.body);
          const { password: _hidden, ...visible } = req.body;
          await recordAudit(trx, actorOf(me), {
            action: 'employee.updated',
            targetType: 'employee',
            targetId: updated.id,
            details: { ...visible, ...(req.body.password ? { passwordChanged: true } : {}) },
          });
          return updated;
        });
        return toEmployeeView(row);
      },
    );

    app.get('/teams', { config: { auth: 'employee' }, schema: { tags: ['teams'], summary: 'List teams (departments)' } }, async (req) => {
      const me = employeeOf(req);
      return { items: await listTeams(scopeOf(me.workspaceId)) };
    });

    const teamBody = z.object({ name: z.string().trim().min(1).max(80) });

    app.post(
      '/teams',
      { config: { auth: 'employee', roles: ['admin', 'manager'] }, schema: { tags: ['teams'], body: teamBody } },
      async (req, reply) => {
        const me = employeeOf(req);
        const team = await scopeOf(me.workspaceId).transaction(async (trx) => {
          const created = await createTeam(trx, req.body.name);
          await recordAudit(trx, actorOf(me), { action: 'team.created', targetType: 'team', targetId: created.id, details: req.body });
          return created;
        });
        return reply.code(201).send(team);
      },
    );

    app.patch(
      '/teams/:id',
      { config: { auth: 'employee', roles: ['admin', 'manager'] }, schema: { tags: ['teams'], params: idParams, body: teamBody } },
      async (req) => {
        const me = employeeOf(req);
        return scopeOf(me.workspaceId).transaction(async (trx) => {
          const team = await renameTeam(trx, req.params.id, req.body.name);
          await recordAudit(trx, actorOf(me), { action: 'team.renamed', targetType: 'team', targetId: team.id, details: req.body });
          return team;
        });
      },
    );

    app.delete(
      '/teams/:id',
      { config: { auth: 'employee', roles: ['admin'] }, schema: { tags: ['teams'], params: idParams } },
      async (req, reply) => {
        const me = employeeOf(req);
        await scopeOf(me.workspaceId).transaction(async (trx) => {
          await deleteTeam(trx, req.params.id);
          await recordAudit(trx, actorOf(me), { action: 'team.deleted', targetType: 'team', targetId: req.params.id });
        });
        return reply.code(204).send();
      },
    );
  };
