import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './platform/config/config.ts';
import type { AppContext } from './platform/context.ts';
import { openDatabase, type DatabaseHandle } from './platform/db/database.ts';
import { resolveInstanceSecret } from './platform/db/instance-secret.ts';
import type { DomainEvents } from './platform/events/domain-events.ts';
import { createInProcessBus } from './platform/events/event-bus.ts';
import { registerAuth } from './platform/http/auth.plugin.ts';
import { AppError } from './platform/http/app-error.ts';
import { registerErrorHandler } from './platform/http/error-handler.ts';
import { createHub, type Hub } from './platform/realtime/hub.ts';
import { pruneStreamEvents } from './platform/realtime/stream-log.ts';
import { staleStagedEvents } from './platform/realtime/stream-outbox.ts';
import { startIntervalJob } from './platform/jobs/interval-job.ts';
import { scheduledScans } from './modules/customers/duplicate-scan.service.ts';
import { createDiskStorage } from './platform/storage/storage.ts';
import { createEmotionSensor } from './platform/emotion/emotion-sensor.ts';
import { attachmentRoutes } from './modules/attachments/attachment.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { principalFromApiToken } from './modules/auth/api-token.service.ts';
import { principalFromSession } from './modules/auth/session.service.ts';
import { registerBondListeners } from './modules/bonds/bond.listeners.ts';
import { registerCallListeners } from './modules/calls/call.listeners.ts';
import { callRoutes } from './modules/calls/call.routes.ts';
import { channelRoutes } from './modules/channels/channel.routes.ts';
import { registerChannelListeners } from './modules/channels/channel.listeners.ts';
import { startChannelRuntime, type ChannelRuntime } from './modules/channels/channel-runtime.ts';
import { webhookRoutes } from './modules/channels/webhook.routes.ts';
import { bondRoutes } from './modules/bonds/bond.routes.ts';
import { conversationRoutes } from './modules/conversations/conversation.routes.ts';
import { customerRoutes } from './modules/customers/customer.routes.ts';
import { registerEmotionListeners } from './modules/emotion/emotion.listeners.ts';
import { emotionRoutes } from './modules/emotion/emotion.routes.ts';
import { employeeRoutes } from './modules/employees/employee.routes.ts';
import { createPresenceTracker } from './modules/employees/presence.service.ts';
import { messageRoutes } from './modules/messages/message.routes.ts';
import { registerRealtimeListeners } from './modules/realtime/realtime.listeners.ts';
import { realtimeRoutes } from './modules/realtime/realtime.routes.ts';
import { reactionRoutes, registerReactionListeners } from './modules/reaction/reaction.module.ts';
import { registerRepliesListeners } from './modules/replies/replies.listeners.ts';
import { repliesRoutes } from './modules/replies/replies.routes.ts';
import { registerSurveyListeners, startSurveySender } from './modules/surveys/survey.listeners.ts';
import { surveyApiRoutes, surveyPageRoutes } from './modules/surveys/survey-public.routes.ts';
import { pulseRoutes } from './modules/surveys/pulse.routes.ts';
import { surveyRoutes } from './modules/surveys/survey.routes.ts';
import { kpiRoutes } from './modules/kpis/kpi.routes.ts';
import { topicRoutes } from './modules/topics/topic.routes.ts';
import { purgeTopicSnapshots } from './modules/topics/topic.service.ts';
import { actionPlanRoutes } from './modules/action-plans/action-plan.routes.ts';
import { resolveVisitor } from './modules/widget/visitor.service.ts';
import { widgetAssetRoutes } from './modules/widget/widget-assets.routes.ts';
import { widgetRoutes } from './modules/widget/widget.routes.ts';
import { webAppRoutes } from './modules/web/web-app.routes.ts';
import { workspaceRoutes } from './modules/workspaces/workspace.routes.ts';

export type App = {
  server: FastifyInstance;
  ctx: AppContext;
  hub: Hub;
  channels: ChannelRuntime;
  backend: DatabaseHandle['backend'];
  close: () => Promise<void>;
};

export type BuildOptions = { pgliteDir?: string; logger?: boolean };

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    pgliteDir: options.pgliteDir,
  });
  const server = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            // Socket URLs carry tokens; they must never reach the logs.
            serializers: {
              req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.replace(/([?&]token=)[^&]*/g, '$1[redacted]') }),
            },
          },
    bodyLimit: Math.max(1024 * 1024, config.maxMessageChars * 8),
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  const ctx: AppContext = {
    config,
    db: database.db,
    bus: createInProcessBus<DomainEvents>((type, err) => server.log.error({ err, type }, 'event listener failed')),
    storage: createDiskStorage(path.join(config.dataDir, 'attachments')),
    secret: await resolveInstanceSecret(database.db, config.secret),
    log: server.log,
    emotion: createEmotionSensor(),
  };
  const hub = createHub(ctx.db, (err) => server.log.error({ err }, 'realtime catch-up failed'));
  registerRealtimeListeners(ctx, hub);
  registerEmotionListeners(ctx);
  registerReactionListeners(ctx);
  registerRepliesListeners(ctx);
  registerBondListeners(ctx);
  registerSurveyListeners(ctx);
  const ringer = registerCallListeners(ctx);
  const channels = await startChannelRuntime(ctx);
  registerChannelListeners(ctx, channels);

  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(server);
  // Browsers download the widget on every customer site: ship it (and JSON, the app) gzipped.
  await server.register(compress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await server.register(cookie);
  // The widget runs on customers' own sites and authenticates with a bearer token, never a cookie,
  // so its endpoints (and only those) answer any origin.
  await server.register(cors, {
    delegator: (req, done) =>
      done(null, req.url?.startsWith('/api/widget/') ? { origin: '*', methods: ['GET', 'POST'], allowedHeaders: ['authorization', 'content-type'], maxAge: 600 } : { origin: false }),
  });
  await server.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, c) => new AppError('rate_limited', `Too many attempts; try again in ${Math.ceil(c.ttl / 1000)} s`),
  });
  await server.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 }, throwFileSizeLimit: true });
  await server.register(websocket, { options: { maxPayload: 64 * 1024 + config.maxMessageChars * 4 } });
  await server.register(swagger, {
    openapi: {
      info: {
        title: 'Vínculo API',
        version: '0.1.0',
        description:
          'Human-first customer relationships: conversations, customers, employees. Real-time events come over the WebSockets ' +
          '`/api/realtime` (employees) and `/api/widget/realtime` (visitors); their frames are described in the README ("Real-time protocol").',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vinculo_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (vk_…) or visitor token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await server.register(swaggerUi, { routePrefix: '/api/docs' });
  const seen = createPresenceTracker(ctx.db);
  registerAuth(server, {
    fromSession: async (token) => seen(await principalFromSession(ctx.db, token)),
    fromApiToken: (token) => principalFromApiToken(ctx.db, token),
    fromVisitorToken: (token) => resolveVisitor(ctx.db, ctx.secret, token),
  });

  await server.register(
    async (api) => {
      api.get('/health', { schema: { tags: ['meta'], summary: 'Liveness and database check' } }, async () => {
        await ctx.db.selectFrom('instance_settings').select('key').limit(1).execute();
        return { status: 'ok', database: database.backend, connections: hub.clientCount() };
      });
      api.get('/openapi.json', { schema: { hide: true } }, async () => server.swagger());
      for (const routes of [authRoutes, workspaceRoutes, employeeRoutes, customerRoutes, conversationRoutes, messageRoutes, attachmentRoutes, auditRoutes, widgetRoutes, emotionRoutes]) {
        await api.register(routes(ctx));
      }
      await api.register(realtimeRoutes(ctx, hub, seen));
      await api.register(reactionRoutes(ctx));
      await api.register(repliesRoutes(ctx));
      await api.register(bondRoutes(ctx));
      await api.register(surveyRoutes(ctx));
      await api.register(surveyApiRoutes(ctx));
      await api.register(pulseRoutes(ctx));
      await api.register(kpiRoutes(ctx));
      await api.register(topicRoutes(ctx));
      await api.register(actionPlanRoutes(ctx));
      await api.register(callRoutes(ctx));
      await api.register(channelRoutes(ctx, channels));
      await api.register(webhookRoutes(ctx, channels));
    },
    { prefix: '/api' },
  );
  await server.register(widgetAssetRoutes(ctx));
  await server.register(surveyPageRoutes(ctx));
  await server.register(webAppRoutes());
  await server.ready();
  const stopPruning = startIntervalJob(
    'prune-stream-events',
    60 * 60 * 1000,
    () => pruneStreamEvents(ctx.db, new Date(Date.now() - config.eventRetentionDays * 86_400_000)),
    server.log,
  );

  // Events staged by a process that stopped before numbering them are numbered now, and any left
  // by a failed numbering soon after (once older than a live writer ever leaves its own).
  const kickStaged = async (olderThanMs: number) => {
    const stale = await staleStagedEvents(ctx.db, olderThanMs);
    for (const { workspaceId, ids } of stale) ctx.bus.publish('stream.staged', { workspaceId, ids });
    return stale.length ? { workspaces: stale.length, events: stale.reduce((n, s) => n + s.ids.length, 0) } : undefined;
  };
  await kickStaged(0);
  const stopKicking = startIntervalJob('sequence-staged-events', 10_000, () => kickStaged(5_000), server.log);
  const stopSurveys = startSurveySender(ctx, server.log);
  // Checked hourly (or more often when scans are due more often); each workspace is scanned only when due.
  const scanHours = config.duplicateScanHours;
  const stopRinging = startIntervalJob('ring-timeouts', 5_000, ringer.sweep, server.log);
  const stopTopicPurge = startIntervalJob('purge-topic-snapshots', 3_600_000, () => purgeTopicSnapshots(ctx.db), server.log);
  const stopScanning = scanHours > 0 ? startIntervalJob('scan-duplicates', Math.min(3_600_000, scanHours * 3_600_000), () => scheduledScans(ctx.db, scanHours), server.log) : async () => {};

  let closed = false;
  return {
    server,
    ctx,
    hub,
    channels,
    backend: database.backend,
    close: async () => {
      if (closed) return;
      closed = true;
      await stopPruning();
      await stopKicking();
      await channels.close();
      await stopScanning();
      await stopSurveys();
      await stopRinging();
      await stopTopicPurge();
      ringer.stop();
      await server.close();
      await ctx.bus.close();
      await database.close();
    },
  };
}
