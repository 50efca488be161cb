import { stat } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../platform/http/app-error.ts';
import { notBuiltPage, webDistDir } from '../../platform/http/client-bundles.ts';

const isFile = (p: string) => stat(p).then((s) => s.isFile(), () => false);

// The employees' single-page app: real files from the Vite build, and index.html for every other
// page path so deep links (/conversations/…) survive a reload. /api stays a JSON 404.
export const webAppRoutes = (): FastifyPluginAsync => async (app) => {
  await app.register(fastifyStatic, { root: webDistDir, serve: false });

  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(req.url.split('?')[0] ?? '/');
    } catch {
      throw new AppError('bad_request', 'The address is not valid URL encoding');
    }
    if (urlPath.startsWith('/api/')) return reply.callNotFound();
    const file = path.normalize(path.join(webDistDir, urlPath));
    if (file.startsWith(webDistDir) && urlPath !== '/' && (await isFile(file))) {
      // Vite puts a content hash in every asset name, so those never change.
      const immutable = urlPath.startsWith('/assets/');
      return reply.sendFile(path.relative(webDistDir, file), { maxAge: immutable ? '365d' : 0, immutable });
    }
    if (urlPath.startsWith('/assets/')) return reply.callNotFound();
    if (!(await isFile(path.join(webDistDir, 'index.html')))) return reply.code(503).type('text/html').send(notBuiltPage('web app'));
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
  });
};
