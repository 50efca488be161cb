import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams } from '../../platform/http/common.schema.ts';
import type { EmployeePrincipal } from '../../platform/http/principal.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { customerIdByIdentity, listOrders, recordOrder } from './customer-orders.service.ts';
import { activityQuery, consentBody, kindsOf, interestsBody, motivationBody, orderBody, orderByIdentityBody, ordersQuery, preferredChannelBody, tagsBody } from './customer-profile.schema.ts';
import { setConsent, setPreferredChannel, setTags } from './customer-profile.service.ts';
import { getMotivation, setMotivation } from './customer-motivation.service.ts';
import { customerActivity } from './customer-timeline.service.ts';

const tags = ['customers'];
const ORDER_DESCRIPTION =
  'Idempotent on the workspace and `externalId`: the first post stores the order (201); the same id again stores nothing and ' +
  'answers with the order first stored (200); the same id for another customer is a 409. Purchases add to the customer\'s ' +
  'lifetime value and refunds subtract from it, per currency; the value is shown in the workspace\'s main currency (the one ' +
  'with most orders). Events carry no value and only show on the activity. For API tokens, admins and managers.';

// The company's systems post with an API token; among people, only admins and managers may.
function assertMayPostOrders(me: EmployeePrincipal): void {
  if (me.via !== 'api_token' && me.role !== 'admin' && me.role !== 'manager') {
    throw new AppError('forbidden', 'Orders are posted by an API token, an admin or a manager');
  }
}

export const customerProfileRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.post(
      '/customers/:id/orders',
      { config: { auth: 'employee' }, schema: { tags, summary: 'Record an order, refund or event from your systems', description: ORDER_DESCRIPTION, params: idParams, body: orderBody } },
      async (req, reply) => {
        const me = employeeOf(req);
        assertMayPostOrders(me);
        const { order, created } = await recordOrder(scopeOf(me.workspaceId), actorOf(me), req.params.id, req.body);
        return reply.code(created ? 201 : 200).send(order);
      },
    );

    app.post(
      '/orders',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: 'Record an order for the customer with an identity',
          description: `${ORDER_DESCRIPTION} The customer is named by one of their identities (normalised like identities are); none is a 404.`,
          body: orderByIdentityBody,
        },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        assertMayPostOrders(me);
        const scope = scopeOf(me.workspaceId);
        const { customer, ...order } = req.body;
        const customerId = await customerIdByIdentity(scope, customer.channel, customer.externalId);
        const result = await recordOrder(scope, actorOf(me), customerId, order);
        return reply.code(result.created ? 201 : 200).send(result.order);
      },
    );

    app.get(
      '/customers/:id/orders',
      { config: { auth: 'employee' }, schema: { tags, summary: "The customer's orders and events, newest first", params: idParams, querystring: ordersQuery } },
      async (req) => {
        const me = employeeOf(req);
        return { items: await listOrders(scopeOf(me.workspaceId), req.params.id, req.query.limit) };
      },
    );

    app.put(
      '/customers/:id/tags',
      { config: { auth: 'employee' }, schema: { tags, summary: "Replace the customer's tags", description: 'Filter the list with `GET /api/customers?tag=vip`.', params: idParams, body: tagsBody } },
      async (req) => {
        const me = employeeOf(req);
        return { tags: await setTags(scopeOf(me.workspaceId), actorOf(me), req.params.id, 'tags', req.body.tags) };
      },
    );

    app.put(
      '/customers/:id/interests',
      { config: { auth: 'employee' }, schema: { tags, summary: "Replace the customer's interests", params: idParams, body: interestsBody } },
      async (req) => {
        const me = employeeOf(req);
        return { interests: await setTags(scopeOf(me.workspaceId), actorOf(me), req.params.id, 'interests', req.body.interests) };
      },
    );

    app.put(
      '/customers/:id/consent',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: "Record the customer's consent to marketing and surveys",
          description: 'Each purpose sent is stored with when, who and the source; the history shows on the activity and the change is audited. Purposes not sent keep their last decision.',
          params: idParams,
          body: consentBody,
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return { consent: await setConsent(scopeOf(me.workspaceId), actorOf(me), req.params.id, req.body) };
      },
    );

    app.put(
      '/customers/:id/preferred-channel',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: "Choose the customer's preferred channel, or null to use the learned one",
          description:
            'Learned: the channel where the customer wrote most in the last 90 days, ties broken by the shorter median time they took to ' +
            'answer an employee there. An employee\'s choice wins until it is set back to null.',
          params: idParams,
          body: preferredChannelBody,
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return setPreferredChannel(scopeOf(me.workspaceId), actorOf(me), req.params.id, req.body.channel);
      },
    );

    app.get(
      '/customers/:id/motivation',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: "The customer's buying motivation, with the reasons it was inferred",
          description:
            'Inferred from the customer\'s latest 200 messages (phrases that ask for advice, ask about technical details, or speak of a ' +
            'history with the company, in Spanish and English) and from a long relationship (a year and three conversations, or three ' +
            'purchases). `inferred.reasons` quote the messages. An employee\'s choice (`source: employee`) wins until set back to null.',
          params: idParams,
        },
      },
      async (req) => getMotivation(scopeOf(employeeOf(req).workspaceId), req.params.id),
    );

    app.put(
      '/customers/:id/motivation',
      { config: { auth: 'employee' }, schema: { tags, summary: "Choose the customer's buying motivation, or null for the inferred one", params: idParams, body: motivationBody } },
      async (req) => {
        const me = employeeOf(req);
        return setMotivation(scopeOf(me.workspaceId), actorOf(me), req.params.id, req.body.motivation, req.body.note ?? null);
      },
    );

    app.get(
      '/customers/:id/activity',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: 'Everything that happened with the customer, newest first, across channels and departments',
          description:
            'Kinds: `message` (both directions, with the channel), `note`, `order`, `action` (suggestions taken and follow-ups, from ' +
            'the reaction module), `merge`, `unmerge`, `consent`, `survey` (an answer, with its conversation, employees, scores and texts), `exit`. Ordered by (at, kind, id) descending; pass `nextCursor` as `before` ' +
            'for the next page. `kinds=consent,order` keeps only those. Texts are cut at 1,000 characters.',
          params: idParams,
          querystring: activityQuery,
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return customerActivity(scopeOf(me.workspaceId), req.params.id, req.query.limit, req.query.before, kindsOf(req.query.kinds));
      },
    );
  };
