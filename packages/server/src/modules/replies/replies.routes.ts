import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { replyGuardRoutes } from './reply-guard.routes.ts';
import { snippetRoutes } from './snippet.routes.ts';

// The canned-reply guard's HTTP surface: checks and stats, and snippets.
export const repliesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(replyGuardRoutes(ctx));
    await app.register(snippetRoutes(ctx));
  };
