import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams } from '../../platform/http/common.schema.ts';
import { page } from '../../platform/http/cursor.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { customerListQuery, customerProfileSchema, identitySchema } from './customer.schema.ts';
import {
  addIdentity,
  createCustomer,
  getCustomer,
  listCustomers,
  listIdentities,
  toCustomerView,
  updateCustomer,
} from './customer.service.ts';

export const customerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.get(
      '/customers',
      { config: { auth: 'employee' }, schema: { tags: ['customers'], summary: 'List or search customers', querystring: customerListQuery } },
      async (req) => {
        const me = employeeOf(req);
        const rows = await listCustomers(scopeOf(me.workspaceId), { q: req.query.q, limit: req.query.limit, before: req.query.cursor });
        return page(rows.map((r) => toCustomerView(r)), req.query.limit, (c) => c.createdAt);
      },
    );

    app.post(
      '/customers',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['customers'],
          summary: 'Create a customer, optionally with channel identities',
          body: customerProfileSchema.extend({ identities: z.array(identitySchema).max(20).optional() }),
        },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        const { identities = [], ...profile } = req.body;
        const view = await scopeOf(me.workspaceId).transaction(async (trx) => {
          const customer = await createCustomer(trx, profile);
          const ids = [];
          for (const identity of identities) ids.push(await addIdentity(trx, customer.id, identity));
          await recordAudit(trx, actorOf(me), { action: 'customer.created', targetType: 'customer', targetId: customer.id });
          return toCustomerView(customer, ids);
        });
        return reply.code(201).send(view);
      },
    );

    app.get('/customers/:id', { config: { auth: 'employee' }, schema: { tags: ['customers'], params: idParams } }, async (req) => {
      const me = employeeOf(req);
      const scope = scopeOf(me.workspaceId);
      return toCustomerView(await getCustomer(scope, req.params.id), await listIdentities(scope, req.params.id));
    });

    app.patch(
      '/customers/:id',
      { config: { auth: 'employee' }, schema: { tags: ['customers'], params: idParams, body: customerProfileSchema.strict() } },
      async (req) => {
        const me = employeeOf(req);
        const scope = scopeOf(me.workspaceId);
        const row = await scope.transaction(async (trx) => {
          const updated = await updateCustomer(trx, req.params.id, req.body);
          await recordAudit(trx, actorOf(me), {
            action: 'customer.updated',
            targetType: 'customer',
            targetId: updated.id,
            details: { fields: Object.keys(req.body) },
          });
          return updated;
        });
        return toCustomerView(row, await listIdentities(scope, row.id));
      },
    );

    app.post(
      '/customers/:id/identities',
      { config: { auth: 'employee' }, schema: { tags: ['customers'], summary: 'Link a channel identity', params: idParams, body: identitySchema } },
      async (req, reply) => {
        const me = employeeOf(req);
        const identity = await scopeOf(me.workspaceId).transaction(async (trx) => {
          const created = await addIdentity(trx, req.params.id, req.body);
          await recordAudit(trx, actorOf(me), {
            action: 'customer.identity_added',
            targetType: 'customer',
            targetId: req.params.id,
            details: { channel: created.channel, externalId: created.externalId },
          });
          return created;
        });
        return reply.code(201).send(identity);
      },
    );
  };
