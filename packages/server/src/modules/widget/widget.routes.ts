import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { visitorOf } from '../../platform/http/auth.plugin.ts';
import { idempotencyKey, idParams } from '../../platform/http/common.schema.ts';
import { page } from '../../platform/http/cursor.ts';
import { createConversation, getConversation, listConversations } from '../conversations/conversation.service.ts';
import { customerProfileSchema } from '../customers/customer.schema.ts';
import { messageListQuery, sendMessageBody } from '../messages/message.schema.ts';
import { authorOf } from '../messages/message-author.ts';
import { listMessages, sendMessage, toCustomerView } from '../messages/message.service.ts';
import { findWorkspaceByPublicKey, toWorkspaceView } from '../workspaces/workspace.service.ts';
import { startVisitorSession } from './visitor.service.ts';

export const widgetRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/widget/config',
      {
        schema: {
          tags: ['widget'],
          summary: 'Public look of the widget (colour, greeting, office hours) before any session exists',
          querystring: z.object({ workspace: z.string().min(1).max(100).describe('the widget key (data-workspace)') }),
        },
      },
      async (req, reply) => {
        const workspace = await findWorkspaceByPublicKey(ctx.db, req.query.workspace);
        if (!workspace) throw new AppError('not_found', 'No workspace has that widget key');
        // Short cache: a page view must not cost a database read each time, a settings change shows within a minute.
        reply.header('cache-control', 'public, max-age=60');
        return { name: workspace.name, settings: toWorkspaceView(workspace).settings };
      },
    );

    app.post(
      '/widget/session',
      {
        // Each new visitor becomes a customer record: cap how fast one address can make them.
        config: { rateLimit: { max: ctx.config.widgetSessionsPerMinute, timeWindow: 60_000 } },
        schema: {
          tags: ['widget'],
          summary: 'Start or resume a visitor session; returns a signed visitor token',
          body: z.object({
            workspace: z.string().min(1).max(100).describe('the widget key (data-workspace)'),
            visitorToken: z.string().max(2000).optional(),
            identity: z
              .object({
                userId: z.string().min(1).max(200),
                userHash: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the hex HMAC-SHA256 of userId'),
              })
              .optional(),
            name: customerProfileSchema.shape.name,
            email: customerProfileSchema.shape.email,
            locale: customerProfileSchema.shape.locale,
          }),
        },
      },
      async (req) => {
        const { workspace, visitorToken, identity, ...profile } = req.body;
        return startVisitorSession(ctx.db, ctx.secret, { workspace, visitorToken, identity, profile });
      },
    );

    app.get('/widget/conversations', { config: { auth: 'visitor' }, schema: { tags: ['widget'], summary: "The visitor's own conversations" } }, async (req) => {
      const v = visitorOf(req);
      const rows = await listConversations(tenantScope(ctx.db, v.workspaceId), null, { customerId: v.customerId, limit: 50 });
      return { items: rows.map((r) => ({ id: r.id, status: r.status, createdAt: r.created_at.toISOString(), lastMessageAt: r.last_message_at?.toISOString() ?? null })) };
    });

    app.post(
      '/widget/conversations',
      {
        config: { auth: 'visitor' },
        schema: {
          tags: ['widget'],
          summary: 'Start a conversation with a first message',
          body: sendMessageBody(ctx.config.maxMessageChars).extend({ idempotencyKey }),
        },
      },
      async (req, reply) => {
        const v = visitorOf(req);
        const scope = tenantScope(ctx.db, v.workspaceId);
        // The conversation shares the first message's key, so a retried start makes neither twice.
        const opened = await createConversation(ctx, scope, { type: 'visitor', id: v.customerId }, {
          customerId: v.customerId,
          channel: 'web',
          idempotencyKey: req.body.idempotencyKey,
          identityId: v.identityId,
        });
        const sent = await sendMessage(ctx, scope, authorOf(v), { ...req.body, conversationId: opened.conversation.id });
        return reply.code(opened.created ? 201 : 200).send({ conversation: opened.conversation, message: toCustomerView(sent.message), duplicate: sent.duplicate });
      },
    );

    app.get(
      '/widget/conversations/:id/messages',
      { config: { auth: 'visitor' }, schema: { tags: ['widget'], params: idParams, querystring: messageListQuery } },
      async (req) => {
        const v = visitorOf(req);
        const { items, streamSeq } = await listMessages(tenantScope(ctx.db, v.workspaceId), req.params.id, { ...req.query, customerId: v.customerId });
        return { ...page(items.map(toCustomerView), req.query.limit, (m) => m.createdAt), streamSeq };
      },
    );

    app.get('/widget/conversations/:id', { config: { auth: 'visitor' }, schema: { tags: ['widget'], params: idParams } }, async (req) => {
      const v = visitorOf(req);
      const c = await getConversation(tenantScope(ctx.db, v.workspaceId), req.params.id, v.customerId);
      return { id: c.id, status: c.status, createdAt: c.created_at.toISOString() };
    });

    app.post(
      '/widget/conversations/:id/messages',
      { config: { auth: 'visitor' }, schema: { tags: ['widget'], params: idParams, body: sendMessageBody(ctx.config.maxMessageChars) } },
      async (req, reply) => {
        const v = visitorOf(req);
        const result = await sendMessage(ctx, tenantScope(ctx.db, v.workspaceId), authorOf(v), { ...req.body, conversationId: req.params.id });
        return reply.code(result.duplicate ? 200 : 201).send({ ...result, message: toCustomerView(result.message) });
      },
    );
  };
