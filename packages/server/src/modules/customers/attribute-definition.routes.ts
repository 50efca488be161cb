import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { attributeKeyParams, definitionChangeBody, definitionOrderBody, newDefinitionBody } from './attribute-definition.schema.ts';
import { createDefinition, deleteDefinition, listDefinitions, reorderDefinitions, updateDefinition } from './attribute-definition.service.ts';

const tags = ['customers'];

export const attributeDefinitionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.get(
      '/customer-attributes',
      { config: { auth: 'employee' }, schema: { tags, summary: "The workspace's custom customer attributes, in display order" } },
      async (req) => ({ items: await listDefinitions(scopeOf(employeeOf(req).workspaceId)) }),
    );

    app.post(
      '/customer-attributes',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: {
          tags,
          summary: 'Define a custom customer attribute (admins)',
          description:
            'From then on the value of that key in a customer\'s `attributes` is checked against the type when written through the ' +
            'API or a CSV import: a wrong one is a 400 naming `attributes.<key>`. Values stored before keep their form.',
          body: newDefinitionBody,
        },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        return reply.code(201).send(await createDefinition(scopeOf(me.workspaceId), actorOf(me), req.body));
      },
    );

    app.put(
      '/customer-attributes/order',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: {
          tags,
          summary: 'Put the attributes in the order the customer page shows them (admins)',
          description: 'Send every defined key once; a key missing or not defined is a 400 naming it. Answers the list in its new order.',
          body: definitionOrderBody,
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return { items: await reorderDefinitions(scopeOf(me.workspaceId), actorOf(me), req.body.keys) };
      },
    );

    app.patch(
      '/customer-attributes/:key',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: {
          tags,
          summary: 'Change the label, options, description or position of an attribute (admins)',
          description: 'The type cannot change. Removing an option some customer holds is a 409 saying how many hold it.',
          params: attributeKeyParams,
          body: definitionChangeBody,
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return updateDefinition(scopeOf(me.workspaceId), actorOf(me), req.params.key, req.body);
      },
    );

    app.delete(
      '/customer-attributes/:key',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: { tags, summary: 'Delete an attribute definition (admins); the values stay on the customers, untyped', params: attributeKeyParams },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        await deleteDefinition(scopeOf(me.workspaceId), actorOf(me), req.params.key);
        return reply.code(204).send();
      },
    );
  };
