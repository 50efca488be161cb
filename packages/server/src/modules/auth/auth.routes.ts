import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf, SESSION_COOKIE } from '../../platform/http/auth.plugin.ts';
import { idParams, roleSchema } from '../../platform/http/common.schema.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getEmployee, toEmployeeView } from '../employees/employee.service.ts';
import { getWorkspace, toWorkspaceView } from '../workspaces/workspace.service.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-token.service.ts';
import { login, logout } from './session.service.ts';

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const secureCookie = ctx.config.publicUrl.startsWith('https://');

    app.post(
      '/auth/login',
      {
        // Password guessing is slowed per client address; scrypt already makes each guess costly.
        config: { rateLimit: { max: ctx.config.loginAttemptsPerMinute, timeWindow: 60_000 } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets an httpOnly session cookie and returns the CSRF token for writes',
          body: z.object({ email: z.email({ message: 'must be an email address' }), password: z.string().min(1).max(200) }),
        },
      },
      async (req, reply) => {
        const result = await login(ctx.db, req.body.email, req.body.password, ctx.config.sessionDays);
        reply.setCookie(SESSION_COOKIE, result.sessionToken, {
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookie,
          path: '/',
          expires: result.expiresAt,
        });
        const employee = await getEmployee(tenantScope(ctx.db, result.workspaceId), result.employeeId);
        return { employee: toEmployeeView(employee), csrfToken: result.csrfToken };
      },
    );

    app.post('/auth/logout', { config: { auth: 'employee' }, schema: { tags: ['auth'] } }, async (req, reply) => {
      await logout(ctx.db, employeeOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    });

    app.get('/auth/me', { config: { auth: 'employee' }, schema: { tags: ['auth'], summary: 'Who is signed in, their workspace and CSRF token' } }, async (req) => {
      const me = employeeOf(req);
      const workspace = toWorkspaceView(await getWorkspace(ctx.db, me.workspaceId));
      const employee = me.employeeId ? toEmployeeView(await getEmployee(tenantScope(ctx.db, me.workspaceId), me.employeeId)) : null;
      return { employee, role: me.role, via: me.via, workspace, csrfToken: me.csrfToken ?? null };
    });

    app.get('/api-tokens', { config: { auth: 'employee', roles: ['admin'] }, schema: { tags: ['auth'] } }, async (req) => {
      const me = employeeOf(req);
      return { items: await listApiTokens(tenantScope(ctx.db, me.workspaceId)) };
    });

    app.post(
      '/api-tokens',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: {
          tags: ['auth'],
          summary: 'Create an API token for an integration; the token is shown only in this response',
          body: z.object({ name: z.string().trim().min(1).max(100), role: roleSchema.default('agent') }),
        },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        const created = await tenantScope(ctx.db, me.workspaceId).transaction(async (trx) => {
          const token = await createApiToken(trx, { ...req.body, createdBy: me.employeeId });
          await recordAudit(trx, actorOf(me), { action: 'api_token.created', targetType: 'api_token', targetId: token.id, details: { name: token.name, role: token.role } });
          return token;
        });
        return reply.code(201).send(created);
      },
    );

    app.delete('/api-tokens/:id', { config: { auth: 'employee', roles: ['admin'] }, schema: { tags: ['auth'], params: idParams } }, async (req, reply) => {
      const me = employeeOf(req);
      await tenantScope(ctx.db, me.workspaceId).transaction(async (trx) => {
        await revokeApiToken(trx, req.params.id);
        await recordAudit(trx, actorOf(me), { action: 'api_token.revoked', targetType: 'api_token', targetId: req.params.id });
      });
      return reply.code(204).send();
    });
  };
