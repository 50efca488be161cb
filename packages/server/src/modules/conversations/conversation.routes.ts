import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams } from '../../platform/http/common.schema.ts';
import { page } from '../../platform/http/cursor.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { conversationListQuery, conversationPatchBody, newConversationBody, noteBody } from './conversation.schema.ts';
import { createConversation, getConversation, toConversationView, updateConversation } from './conversation.service.ts';
import { listInbox, markConversationRead } from './inbox.service.ts';
import { addNote, listNotes } from './note.service.ts';

export const conversationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.get(
      '/conversations',
      { config: { auth: 'employee' }, schema: { tags: ['conversations'], summary: 'The inbox: filter by status, assignee, team, channel', querystring: conversationListQuery } },
      async (req) => {
        const me = employeeOf(req);
        const { cursor, ...filters } = req.query;
        const items = await listInbox(scopeOf(me.workspaceId), me.employeeId, { ...filters, cursor });
        return page(items, req.query.limit, (c) => c.updatedAt);
      },
    );

    app.post(
      '/conversations',
      { config: { auth: 'employee' }, schema: { tags: ['conversations'], summary: 'Start a conversation with a customer', body: newConversationBody } },
      async (req, reply) => {
        const me = employeeOf(req);
        const result = await createConversation(ctx, scopeOf(me.workspaceId), actorOf(me), req.body);
        return reply.code(result.created ? 201 : 200).send(result.conversation);
      },
    );

    app.get('/conversations/:id', { config: { auth: 'employee' }, schema: { tags: ['conversations'], params: idParams } }, async (req) => {
      const me = employeeOf(req);
      return toConversationView(await getConversation(scopeOf(me.workspaceId), req.params.id));
    });

    app.patch(
      '/conversations/:id',
      { config: { auth: 'employee' }, schema: { tags: ['conversations'], summary: 'Assign, move to a team, resolve or reopen', params: idParams, body: conversationPatchBody } },
      async (req) => {
        const me = employeeOf(req);
        return updateConversation(ctx, scopeOf(me.workspaceId), actorOf(me), req.params.id, req.body);
      },
    );

    app.post(
      '/conversations/:id/read',
      { config: { auth: 'employee' }, schema: { tags: ['conversations'], summary: 'Mark the conversation read up to its newest message (for the signed-in employee)', params: idParams } },
      async (req) => {
        const me = employeeOf(req);
        if (!me.employeeId) throw new AppError('validation_failed', 'Only an employee (not an API token) has read markers');
        return markConversationRead(scopeOf(me.workspaceId), me.employeeId, req.params.id);
      },
    );

    app.get('/conversations/:id/notes', { config: { auth: 'employee' }, schema: { tags: ['conversations'], params: idParams } }, async (req) => {
      const me = employeeOf(req);
      return { items: await listNotes(scopeOf(me.workspaceId), req.params.id) };
    });

    app.post(
      '/conversations/:id/notes',
      { config: { auth: 'employee' }, schema: { tags: ['conversations'], summary: 'Add an internal note (never shown to the customer)', params: idParams, body: noteBody } },
      async (req, reply) => {
        const me = employeeOf(req);
        return reply.code(201).send(await addNote(ctx, scopeOf(me.workspaceId), me.employeeId, req.params.id, req.body.text));
      },
    );
  };
