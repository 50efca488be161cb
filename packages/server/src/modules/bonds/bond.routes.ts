import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams } from '../../platform/http/common.schema.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getConversation } from '../conversations/conversation.service.ts';
import { bondConcentration, departureRisk } from './bond-risk.service.ts';
import { routingOf } from './bond-routing.service.ts';
import { listCustomerBonds, recomputeBonds, trustedOf } from './bond.service.ts';
import { concentrationResponse, customerBondsResponse, departureRiskResponse, recomputeResponse, routingResponse } from './bond.schema.ts';

export const bondRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.get(
      '/customers/:id/bonds',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['bonds'],
          summary: "The customer's bonds with employees, strongest first, and their trusted employee",
          params: idParams,
          response: { 200: customerBondsResponse },
        },
      },
      async (req) => {
        const me = employeeOf(req);
        const items = await listCustomerBonds(scopeOf(me.workspaceId), req.params.id);
        return { customerId: req.params.id, trustedEmployee: trustedOf(items), items };
      },
    );

    app.post(
      '/bonds/recompute',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: { tags: ['bonds'], summary: "Recompute every bond of the workspace from its conversations (set-based)", response: { 200: recomputeResponse } },
      },
      async (req) => {
        const me = employeeOf(req);
        const scope = scopeOf(me.workspaceId);
        const started = performance.now();
        const result = await recomputeBonds(scope);
        const ms = Math.round(performance.now() - started);
        await recordAudit(scope, actorOf(me), { action: 'bonds.recomputed', details: { ...result, ms } });
        return { ...result, ms };
      },
    );

    app.get(
      '/bonds/concentration',
      {
        config: { auth: 'employee', roles: ['admin', 'manager'] },
        schema: { tags: ['bonds'], summary: 'How many customers hang on each employee (their strongest bond)', response: { 200: concentrationResponse } },
      },
      async (req) => bondConcentration(scopeOf(employeeOf(req).workspaceId)),
    );

    app.get(
      '/employees/:id/departure-risk',
      {
        config: { auth: 'employee', roles: ['admin', 'manager'] },
        schema: {
          tags: ['bonds'],
          summary: 'Customers whose strongest bond is this employee, their value and mood, and a handover plan with drafted introductions',
          params: idParams,
          response: { 200: departureRiskResponse },
        },
      },
      async (req) => departureRisk(scopeOf(employeeOf(req).workspaceId), req.params.id),
    );

    app.get(
      '/conversations/:id/routing',
      {
        config: { auth: 'employee' },
        schema: { tags: ['bonds'], summary: 'Why a conversation was routed where it was', params: idParams, response: { 200: routingResponse } },
      },
      async (req) => {
        const scope = scopeOf(employeeOf(req).workspaceId);
        await getConversation(scope, req.params.id);
        return { conversationId: req.params.id, routing: await routingOf(scope, req.params.id) };
      },
    );
  };
