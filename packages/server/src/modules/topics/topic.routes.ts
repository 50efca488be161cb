import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { topicDetailQuery, topicFilterQuery, topicIdParams, trendQuery } from './topic.schema.ts';
import { getTopic, getTrend, listTopics } from './topic.service.ts';

const tags = ['topics'];
const computed =
  'Computed from survey comments and customer messages of the period (default: the last 90 days): key phrases after stop words, lightly stemmed, ' +
  'grouped when they share stems or appear in the same texts. Bounded: the newest 2,000 texts of each source (`documents.sampled` says when more existed). ' +
  'A result is reused for 10 minutes (`refresh=true` computes again).';

export const topicRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.get(
      '/topics',
      { config: { auth: 'employee' }, schema: { tags, summary: 'What customers talk about, per language, with sentiment and quotes', description: computed, querystring: topicFilterQuery } },
      async (req) => listTopics(scopeOf(employeeOf(req).workspaceId), req.query),
    );

    app.get(
      '/topics/trend',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: 'Negative topic mentions over time, overall and per negative topic',
          description: `A mention is a topic named in one text; it is negative when the text is (sentiment ≤ −0.25). ${computed}`,
          querystring: trendQuery,
        },
      },
      async (req) => getTrend(scopeOf(employeeOf(req).workspaceId), req.query),
    );

    app.get(
      '/topics/:id',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: 'One topic and its mentions (newest first), each linking to its conversation or survey answer',
          description: 'Pass the same filters as for the list. The id is the language and stems, e.g. `es:entreg` (URL-encode the `+`).',
          params: topicIdParams,
          querystring: topicDetailQuery,
        },
      },
      async (req) => getTopic(scopeOf(employeeOf(req).workspaceId), req.params.id, req.query),
    );
  };
