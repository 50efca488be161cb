import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope, type TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { openAttachment } from '../attachments/attachment.service.ts';
import { applyStatus } from './channel-delivery.service.ts';
import { readFileLink } from './channel-files.ts';
import { receiveInbound } from './channel-inbound.service.ts';
import type { ChannelRuntime } from './channel-runtime.ts';
import { findChannelByWebhookKey, recordChannelError, toChannelConfig } from './channel.service.ts';
import { MalformedPayload, type ChannelConfig, type MediaRef, type WebhookRequest } from './channel.types.ts';

// One Meta app calls one URL for all its numbers or pages: an item for another account of the
// workspace goes to that account's channel; one no channel has is left out and noted.
function accountRouter(ctx: AppContext, scope: TenantScope, channel: ChannelConfig, setting: string | undefined) {
  const known = new Map<string, ChannelConfig | null>();
  return async (account: string | undefined): Promise<ChannelConfig | null> => {
    if (!setting || !account || account === channel.settings[setting]) return channel;
    if (!known.has(account)) {
      const sibling = await scope
        .selectFrom('channels')
        .selectAll()
        .where('kind', '=', channel.kind)
        .where('active', '=', true)
        .where(sql<boolean>`settings->>${setting} = ${account}`)
        .executeTakeFirst();
      if (!sibling) await recordChannelError(scope, channel.id, `Left out a webhook item for ${channel.kind} account ${account}, which no active channel of this workspace has`);
      known.set(account, sibling ? toChannelConfig(ctx, sibling) : null);
    }
    return known.get(account)!;
  };
}

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
      const target = accountRouter(ctx, scope, channel, adapter.accountSetting);
      let stored = 0;
      let updated = 0;
      for (const message of batch.messages) {
        const to = await target(message.account);
        if (!to) continue;
        const fetchMedia = adapter.fetchMedia && ((media: MediaRef, maxBytes: number) => adapter.fetchMedia!(to, media, maxBytes));
        if (!(await receiveInbound(ctx, to, message, fetchMedia)).duplicate) stored++;
      }
      for (const status of batch.statuses) {
        const to = await target(status.account);
        if (to) updated += await applyStatus(ctx, scope, to.id, status);
      }
      if (adapter.webhookReply) return reply.type(adapter.webhookReply.contentType).send(adapter.webhookReply.body);
      return { ok: true, stored, updated };
    });
  };
