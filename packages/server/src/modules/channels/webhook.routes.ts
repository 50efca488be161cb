import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { openAttachment } from '../attachments/attachment.service.ts';
import { applyStatus } from './channel-delivery.service.ts';
import { readFileLink } from './channel-files.ts';
import { receiveInbound } from './channel-inbound.service.ts';
import type { ChannelRuntime } from './channel-runtime.ts';
import { findChannelByWebhookKey, recordChannelError, toChannelConfig } from './channel.service.ts';
import { MalformedPayload, type MediaRef, type WebhookRequest } from './channel.types.ts';

const hookParams = z.object({
  kind: z.enum(['whatsapp', 'telegram', 'messenger', 'instagram', 'sms']),
  key: z.string().min(10).max(100),
});

// The URL each network calls. Its key finds the channel (and so the workspace); the network's own
// signature proves the call is genuine before anything is read. A 200 is sent only once stored.
export const webhookRoutes =
  (ctx: AppContext, runtime: ChannelRuntime): FastifyPluginAsyncZod =>
  async (app) => {
    // Signatures are over the exact bytes received: keep the body raw, whatever its type.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));

    const channelOf = async (kind: z.infer<typeof hookParams>['kind'], key: string) => {
      const row = await findChannelByWebhookKey(ctx.db, kind, key);
      if (!row || !row.active) throw new AppError('not_found', 'No active channel has this webhook URL');
      return row;
    };

    app.get(
      '/channels/hooks/:kind/:key',
      { schema: { tags: ['channels'], summary: "Meta's subscription handshake (hub.mode, hub.verify_token, hub.challenge)", params: hookParams, querystring: z.record(z.string(), z.string()) } },
      async (req, reply) => {
        const row = await channelOf(req.params.kind, req.params.key);
        const challenge = runtime.adapters[row.kind].verifyChallenge?.(toChannelConfig(ctx, row), req.query);
        if (!challenge) throw new AppError('forbidden', 'The verify token does not match this channel');
        return reply.type('text/plain').send(challenge);
      },
    );

    app.get(
      '/channels/files',
      // The token is a query parameter (path parameters are capped at 100 characters), named so the
      // request log redacts it.
      { schema: { tags: ['channels'], summary: "A reply's file, for networks that fetch media from a URL (signed link, valid one day)", querystring: z.object({ token: z.string().min(10).max(1000) }) } },
      async (req, reply) => {
        const link = readFileLink(ctx, req.query.token);
        if (!link) throw new AppError('not_found', 'This file link is invalid or has expired');
        const { ref, stream } = await openAttachment(tenantScope(ctx.db, link.workspaceId), ctx.storage, link.attachmentId);
        return reply.header('content-type', ref.contentType).header('content-length', ref.sizeBytes).header('x-content-type-options', 'nosniff').send(stream);
      },
    );

    app.post('/channels/hooks/:kind/:key', { schema: { tags: ['channels'], summary: 'Webhook of a messaging network', params: hookParams } }, async (req, reply) => {
      const row = await channelOf(req.params.kind, req.params.key);
      const channel = toChannelConfig(ctx, row);
      const adapter = runtime.adapters[row.kind];
      const scope = tenantScope(ctx.db, row.workspace_id);
      const hook: WebhookRequest = {
        headers: req.headers,
        query: req.query as Record<string, string | undefined>,
        rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      };
      if (!adapter.authenticate(channel, hook)) {
        req.log.warn({ channelId: row.id, kind: row.kind }, 'channel webhook: bad signature');
        await recordChannelError(scope, row.id, 'Refused a webhook call whose signature or secret token did not match');
        throw new AppError('unauthorized', 'The webhook signature does not match this channel');
      }
      let batch;
      try {
        batch = adapter.parse(channel, hook);
      } catch (err) {
        if (!(err instanceof MalformedPayload)) throw err;
        req.log.warn({ channelId: row.id, kind: row.kind, reason: err.message }, 'channel webhook: malformed payload');
        await recordChannelError(scope, row.id, `Refused a malformed webhook: ${err.message}`);
        throw new AppError('bad_request', err.message);
      }
      let stored = 0;
      const fetchMedia = adapter.fetchMedia && ((media: MediaRef, maxBytes: number) => adapter.fetchMedia!(channel, media, maxBytes));
      for (const message of batch.messages) if (!(await receiveInbound(ctx, channel, message, fetchMedia)).duplicate) stored++;
      let updated = 0;
      for (const status of batch.statuses) updated += await applyStatus(ctx, scope, row.id, status);
      if (adapter.webhookReply) return reply.type(adapter.webhookReply.contentType).send(adapter.webhookReply.body);
      return { ok: true, stored, updated };
    });
  };
