import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams } from '../../platform/http/common.schema.ts';
import { page } from '../../platform/http/cursor.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { attributeDefinitionRoutes } from './attribute-definition.routes.ts';
import { customerDataRoutes } from './customer-data.routes.ts';
import { customerMergeRoutes } from './customer-merge.routes.ts';
import { customerProfileRoutes } from './customer-profile.routes.ts';
import { profileDetails } from './customer-profile.service.ts';
import { customerListQuery, customerProfileSchema, identitySchema } from './customer.schema.ts';
import {
  createCustomer,
  getCustomer,
  listCustomers,
  listIdentities,
  toCustomerView,
  updateCustomer,
} from './customer.service.ts';
import { linkIdentity, linkIdentityInTransaction } from './identity.service.ts';
import { publishMerge, type MergeOutcome } from './merge.service.ts';

export const customerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);
    await app.register(customerMergeRoutes(ctx));
    await app.register(customerDataRoutes(ctx));
    await app.register(customerProfileRoutes(ctx));
    await app.register(attributeDefinitionRoutes(ctx));

    app.get(
      '/customers',
      { config: { auth: 'employee' }, schema: { tags: ['customers'], summary: 'List or search customers', querystring: customerListQuery } },
      async (req) => {
        const me = employeeOf(req);
        const rows = await listCustomers(scopeOf(me.workspaceId), { q: req.query.q, tag: req.query.tag, limit: req.query.limit, before: req.query.cursor });
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
          description:
            'An identity another customer already has is a 409, unless it is verified: then this is that person, the new record ' +
            'is merged into the existing one (recorded, undoable) and the response is the surviving customer with `merges`.',
          body: customerProfileSchema.extend({ identities: z.array(identitySchema).max(20).optional() }),
        },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        const actor = actorOf(me);
        const { identities = [], ...profile } = req.body;
        const { view, merges } = await scopeOf(me.workspaceId).transaction(async (trx) => {
          const customer = await createCustomer(trx, profile);
          await recordAudit(trx, actor, { action: 'customer.created', targetType: 'customer', targetId: customer.id });
          let holder = customer.id;
          const linked = [];
          const merges: MergeOutcome[] = [];
          for (const identity of identities) {
            const link = await linkIdentityInTransaction(trx, actor, holder, identity);
            holder = link.customerId;
            linked.push(link.identity);
            if (link.merge) merges.push(link.merge);
          }
          if (!merges.length) return { view: toCustomerView(customer, linked), merges };
          return { view: toCustomerView(await getCustomer(trx, holder), await listIdentities(trx, holder)), merges };
        });
        for (const merge of merges) publishMerge(ctx, me.workspaceId, 'customer.merged', merge, actor.id);
        return reply.code(201).send(merges.length ? { ...view, merges: merges.map((m) => m.merge) } : view);
      },
    );

    app.get(
      '/customers/:id',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['customers'],
          summary: 'A customer with identities, value, consent and preferred channel',
          description:
            '`value` is `{lifetime, currency, lastPurchaseAt, orders, byCurrency}` in the workspace\'s main currency (null before any ' +
            'order); `preferredChannel` is `{channel, source: learned|employee, stats}`.',
          params: idParams,
        },
      },
      async (req) => {
        const me = employeeOf(req);
        const scope = scopeOf(me.workspaceId);
        const customer = await getCustomer(scope, req.params.id);
        return { ...toCustomerView(customer, await listIdentities(scope, customer.id)), ...(await profileDetails(scope, customer)) };
      },
    );

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
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['customers'],
          summary: 'Link a channel identity',
          description:
            'Emails are stored trimmed and lower-cased, phones in E.164 (an invalid one is a 400 naming the field). When another ' +
            'customer already has the identity: if it is verified the two customers are merged (the older survives; the response ' +
            'carries `customerId` and `merge`), otherwise nothing is linked, the pair is proposed as a possible duplicate and the ' +
            'answer is a 409 whose details carry `proposalId`.',
          params: idParams,
          body: identitySchema,
        },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        const actor = actorOf(me);
        const link = await linkIdentity(ctx, scopeOf(me.workspaceId), actor, req.params.id, req.body, (trx, l) =>
          recordAudit(trx, actor, {
            action: 'customer.identity_added',
            targetType: 'customer',
            targetId: l.customerId,
            details: { channel: l.identity.channel, externalId: l.identity.externalId, verified: l.identity.verified, mergeId: l.merge?.merge.id ?? null },
          }),
        );
        return reply.code(201).send({ ...link.identity, customerId: link.customerId, ...(link.merge ? { merge: link.merge.merge } : {}) });
      },
    );
  };
