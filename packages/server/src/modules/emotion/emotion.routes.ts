import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams } from '../../platform/http/common.schema.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { correctEmotion, correctionsToTsv, listCorrections } from './emotion-correction.service.ts';
import { getMoodTimeline } from './mood.service.ts';

const emotionLabel = z.enum(['anger', 'disgust', 'fear', 'joy', 'sadness', 'surprise', 'neutral']);
const polarityLabel = z.enum(['negative', 'neutral', 'positive']);

export const emotionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/customers/:id/mood',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['emotion'],
          summary: "The customer's mood now (fading towards neutral over time) and its timeline, one point per message",
          params: idParams,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return getMoodTimeline(tenantScope(ctx.db, me.workspaceId), req.params.id, req.query.limit);
      },
    );

    app.put(
      '/messages/:id/emotion',
      {
        config: { auth: 'employee' },
        schema: {
          tags: ['emotion'],
          summary: "Correct the emotion read in a customer's message; kept as training data",
          params: idParams,
          body: z.object({ emotion: emotionLabel, polarity: polarityLabel.optional() }).strict(),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        const scope = tenantScope(ctx.db, me.workspaceId);
        const emotion = await correctEmotion(ctx, scope, me.employeeId, req.params.id, req.body);
        await recordAudit(scope, actorOf(me), { action: 'message.emotion_corrected', targetType: 'message', targetId: req.params.id, details: req.body });
        return emotion;
      },
    );

    app.get(
      '/emotion/corrections.tsv',
      {
        config: { auth: 'employee', roles: ['admin', 'manager'] },
        schema: {
          tags: ['emotion'],
          summary: 'Corrections as a TSV (text, emotion, polarity, …) for training and `npm run emotion -- evaluate`',
          querystring: z.object({ since: z.iso.datetime({ offset: true }).optional() }),
        },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        const rows = await listCorrections(tenantScope(ctx.db, me.workspaceId), req.query.since ? new Date(req.query.since) : undefined);
        return reply
          .type('text/tab-separated-values; charset=utf-8')
          .header('content-disposition', 'attachment; filename="emotion-corrections.tsv"')
          .send(correctionsToTsv(rows));
      },
    );
  };
