import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams, uuid } from '../../platform/http/common.schema.ts';
import { page } from '../../platform/http/cursor.ts';
import { assertChannelReplyAllowed } from '../channels/channel-outbound.service.ts';
import { messageListQuery, sendMessageBody } from './message.schema.ts';
import { authorOf } from './message-author.ts';
import { listMessages, sendMessage } from './message.service.ts';

export const messageRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Only employees' replies may say which snippet they started from (the canned-reply guard counts it).
    const replyBody = sendMessageBody(ctx.config.maxMessageChars).extend({ snippetId: uuid().optional().describe('the snippet this reply started from (GET /api/snippets)') });

    app.get(
      '/conversations/:id/messages',
      { config: { auth: 'employee' }, schema: { tags: ['messages'], summary: 'Message history, oldest first', params: idParams, querystring: messageListQuery } },
      async (req) => {
        const me = employeeOf(req);
        const { items, streamSeq } = await listMessages(tenantScope(ctx.db, me.workspaceId), req.params.id, req.query);
        return { ...page(items, req.query.limit, (m) => m.createdAt), streamSeq };
      },
    );

    app.post(
      '/conversations/:id/messages',
      {
        config: { auth: 'employee' },
        schema: { tags: ['messages'], summary: 'Reply to the customer', params: idParams, body: replyBody },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        const scope = tenantScope(ctx.db, me.workspaceId);
        await assertChannelReplyAllowed(scope, req.params.id);
        const result = await sendMessage(ctx, scope, authorOf(me), { ...req.body, conversationId: req.params.id });
        return reply.code(result.duplicate ? 200 : 201).send(result);
      },
    );
  };
