import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams, uuid } from '../../platform/http/common.schema.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getConversation } from '../conversations/conversation.service.ts';
import { authorOf } from '../messages/message-author.ts';
import { sendMessage } from '../messages/message.service.ts';
import { CHANNEL_KINDS, isChannelKind } from './channel-adapters.ts';
import { originalOf } from './channel-inbound.service.ts';
import { enqueueReply, routeOf, whatsappWindowProblem } from './channel-outbound.service.ts';
import { retryDelivery } from './channel-retry.service.ts';
import type { ChannelRuntime } from './channel-runtime.ts';
import { channelKinds, createChannelBody, templateBody, updateChannelBody } from './channel.schema.ts';
import { SELF_SENT_KEY_PREFIX } from './channel.types.ts';
import { createChannel, deliveryCounts, getChannel, listChannels, recordChannelError, toChannelConfig, toChannelView, updateChannel } from './channel.service.ts';
import { registerTelegramWebhook } from './telegram/telegram.adapter.ts';

// The admin API behind the channel setup screens, and what employees need around a channel message.
export const channelRoutes =
  (ctx: AppContext, runtime: ChannelRuntime): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);
    const viewOf = async (workspaceId: string, row: Awaited<ReturnType<typeof getChannel>>) =>
      ({ ...toChannelView(ctx, row, (await deliveryCounts(scopeOf(workspaceId))).get(row.id)), smtpPort: row.kind === 'email' ? runtime.smtpPort() : null });

    app.get('/channels', { config: { auth: 'employee', roles: ['admin', 'manager'] }, schema: { tags: ['channels'], summary: 'Channels with their webhook URL, verify token and health (secrets only as set/unset)' } }, async (req) => {
      const me = employeeOf(req);
      const scope = scopeOf(me.workspaceId);
      const [rows, counts] = await Promise.all([listChannels(scope), deliveryCounts(scope)]);
      return { items: rows.map((r) => ({ ...toChannelView(ctx, r, counts.get(r.id)), smtpPort: r.kind === 'email' ? runtime.smtpPort() : null })) };
    });

    // What a setup form needs per kind: the settings' JSON schema and the secrets, with those required.
    app.get('/channels/kinds', { config: { auth: 'employee', roles: ['admin', 'manager'] }, schema: { tags: ['channels'], summary: 'The settings and secrets each kind of channel takes' } }, async () => ({
      items: CHANNEL_KINDS.map((kind) => ({
        kind,
        settings: z.toJSONSchema(channelKinds[kind].settings, { io: 'input' }),
        secrets: Object.keys(channelKinds[kind].secrets.shape),
        requiredSecrets: channelKinds[kind].requiredSecrets,
        webhook: kind !== 'email',
      })),
    }));

    app.post('/channels', { config: { auth: 'employee', roles: ['admin'] }, schema: { tags: ['channels'], summary: 'Connect a network (see docs/channels.md)', body: createChannelBody } }, async (req, reply) => {
      const me = employeeOf(req);
      const scope = scopeOf(me.workspaceId);
      const row = await scope.transaction(async (trx) => {
        const created = await createChannel(ctx, trx, req.body);
        await recordAudit(trx, actorOf(me), { action: 'channel.created', targetType: 'channel', targetId: created.id, details: { kind: created.kind, name: created.name } });
        return created;
      });
      return reply.code(201).send(await viewOf(me.workspaceId, row));
    });

    app.get('/channels/:id', { config: { auth: 'employee', roles: ['admin', 'manager'] }, schema: { tags: ['channels'], params: idParams } }, async (req) => {
      const me = employeeOf(req);
      return viewOf(me.workspaceId, await getChannel(scopeOf(me.workspaceId), req.params.id));
    });

    app.patch('/channels/:id', { config: { auth: 'employee', roles: ['admin'] }, schema: { tags: ['channels'], summary: 'Rename, pause, change settings or secrets, rotate the verify token', params: idParams, body: updateChannelBody } }, async (req) => {
      const me = employeeOf(req);
      const scope = scopeOf(me.workspaceId);
      const row = await scope.transaction(async (trx) => {
        const updated = await updateChannel(ctx, trx, req.params.id, req.body);
        // Which secrets changed, never their values.
        await recordAudit(trx, actorOf(me), { action: 'channel.updated', targetType: 'channel', targetId: updated.id, details: { fields: Object.keys(req.body), secrets: Object.keys(req.body.secrets ?? {}) } });
        return updated;
      });
      return viewOf(me.workspaceId, row);
    });

    app.post(
      '/channels/:id/telegram-webhook',
      { config: { auth: 'employee', roles: ['admin'] }, schema: { tags: ['channels'], summary: "Tell the Telegram bot this channel's webhook URL and secret token (setWebhook)", params: idParams } },
      async (req) => {
        const me = employeeOf(req);
        const scope = scopeOf(me.workspaceId);
        const row = await getChannel(scope, req.params.id);
        if (row.kind !== 'telegram') throw new AppError('validation_failed', 'Only Telegram channels register their webhook this way');
        try {
          return { ok: true, description: await registerTelegramWebhook(toChannelConfig(ctx, row)) };
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err);
          await recordChannelError(scope, row.id, reason);
          throw new AppError('conflict', `Telegram did not accept the webhook: ${reason}`);
        }
      },
    );

    app.get(
      '/channels/:id/deliveries',
      {
        config: { auth: 'employee', roles: ['admin', 'manager'] },
        schema: { tags: ['channels'], summary: 'Latest outbound sends of a channel, failed or waiting first', params: idParams, querystring: z.object({ status: z.enum(['queued', 'sent', 'delivered', 'read', 'failed']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      },
      async (req) => {
        const me = employeeOf(req);
        const scope = scopeOf(me.workspaceId);
        await getChannel(scope, req.params.id);
        const rows = await scope
          .selectFrom('channel_messages')
          .select(['id', 'message_id', 'conversation_id', 'status', 'error', 'attempts', 'next_attempt_at', 'external_id', 'updated_at'])
          .where('channel_id', '=', req.params.id)
          .where('direction', '=', 'outbound')
          .$if(req.query.status !== undefined, (q) => q.where('status', '=', req.query.status!))
          .orderBy('updated_at', 'desc')
          .limit(req.query.limit)
          .execute();
        return {
          items: rows.map((r) => ({
            messageId: r.message_id,
            conversationId: r.conversation_id,
            status: r.status,
            error: r.error,
            attempts: r.attempts,
            nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
            externalId: r.external_id,
            updatedAt: r.updated_at.toISOString(),
          })),
        };
      },
    );

    app.post(
      '/channels/:id/deliveries/:messageId/retry',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: { tags: ['channels'], summary: 'Send a failed reply again, with a fresh count of attempts (not when part of it already arrived)', params: idParams.extend({ messageId: uuid() }) },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        const scope = scopeOf(me.workspaceId);
        await scope.transaction(async (trx) => {
          await retryDelivery(ctx, trx, req.params.id, req.params.messageId);
          await recordAudit(trx, actorOf(me), { action: 'channel.delivery_retried', targetType: 'channel', targetId: req.params.id, details: { messageId: req.params.messageId } });
        });
        runtime.kick();
        return reply.code(202).send({ status: 'queued' });
      },
    );

    app.get('/messages/:id/channel', { config: { auth: 'employee' }, schema: { tags: ['channels'], summary: 'The original as the network sent it (whole e-mail with quotes and sanitised HTML) and its delivery', params: idParams } }, async (req) => {
      const me = employeeOf(req);
      return originalOf(scopeOf(me.workspaceId), req.params.id);
    });

    app.get('/conversations/:id/channel', { config: { auth: 'employee' }, schema: { tags: ['channels'], summary: 'Where a reply would go, and whether WhatsApp\'s 24-hour window is open', params: idParams } }, async (req) => {
      const me = employeeOf(req);
      const scope = scopeOf(me.workspaceId);
      const conversation = await getConversation(scope, req.params.id);
      if (!isChannelKind(conversation.channel)) return { kind: conversation.channel, channelId: null, canReply: true, reason: null };
      const route = await routeOf(scope, conversation.id);
      if (!route) return { kind: conversation.channel, channelId: null, canReply: false, reason: `No active ${conversation.channel} channel or address for this customer` };
      const closed = route.channel.kind === 'whatsapp' ? await whatsappWindowProblem(scope, route.channel.id, route.peer) : null;
      return { kind: route.channel.kind, channelId: route.channel.id, canReply: !closed, reason: closed?.reason ?? null, ...(closed ? { lastInboundAt: closed.lastInboundAt, templateRequired: true } : {}) };
    });

    app.post(
      '/conversations/:id/whatsapp-template',
      { config: { auth: 'employee' }, schema: { tags: ['channels'], summary: 'Send an approved WhatsApp template (the only message allowed outside the 24-hour window)', params: idParams, body: templateBody } },
      async (req, reply) => {
        const me = employeeOf(req);
        const scope = scopeOf(me.workspaceId);
        const conversation = await getConversation(scope, req.params.id);
        if (conversation.channel !== 'whatsapp') throw new AppError('validation_failed', 'Templates are for WhatsApp conversations');
        const { idempotencyKey, ...template } = req.body;
        const text = `[template ${template.name}]${template.parameters.length ? ` ${template.parameters.join(' · ')}` : ''}`;
        const sent = await sendMessage(ctx, scope, authorOf(me), { conversationId: conversation.id, text, idempotencyKey: `${SELF_SENT_KEY_PREFIX}${idempotencyKey}` });
        if (!sent.duplicate) {
          await enqueueReply(ctx, scope, { conversationId: conversation.id, messageId: sent.message.id, template });
          runtime.kick();
        }
        return reply.code(sent.duplicate ? 200 : 201).send(sent);
      },
    );
  };
