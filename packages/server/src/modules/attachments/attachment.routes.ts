import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { idParams } from '../../platform/http/common.schema.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { openAttachment, storeAttachment, type Uploader } from './attachment.service.ts';

const uploaderOf = (p: Principal): Uploader =>
  p.kind === 'visitor'
    ? { type: 'customer', id: p.customerId }
    : p.employeeId
      ? { type: 'employee', id: p.employeeId }
      : { type: 'integration', id: p.apiTokenId ?? null };

async function upload(ctx: AppContext, req: FastifyRequest) {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data in a field named "file"');
  const file = await req.file();
  if (!file) throw new AppError('validation_failed', 'No file in the request: add a multipart field named "file"');
  const principal = req.principal!;
  return storeAttachment(tenantScope(ctx.db, principal.workspaceId), ctx.storage, uploaderOf(principal), {
    fileName: file.filename || 'file',
    contentType: file.mimetype || 'application/octet-stream',
    data: file.file,
  });
}

// Content-Disposition: attachment, so an uploaded HTML file can never run on our origin.
const disposition = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export const attachmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    for (const [prefix, auth] of [
      ['', 'employee'],
      ['/widget', 'visitor'],
    ] as const) {
      app.post(
        `${prefix}/attachments`,
        {
          config: { auth },
          schema: { tags: ['attachments'], summary: `Upload a file (multipart field "file", at most ${ctx.config.maxUploadBytes} bytes)`, consumes: ['multipart/form-data'] },
        },
        async (req, reply) => reply.code(201).send(await upload(ctx, req)),
      );
      app.get(`${prefix}/attachments/:id`, { config: { auth }, schema: { tags: ['attachments'], params: idParams } }, async (req, reply) => {
        const p = req.principal!;
        const { ref, stream } = await openAttachment(
          tenantScope(ctx.db, p.workspaceId),
          ctx.storage,
          req.params.id,
          p.kind === 'visitor' ? p.customerId : undefined,
        );
        return reply
          .header('content-type', ref.contentType)
          .header('content-length', ref.sizeBytes)
          .header('content-disposition', disposition(ref.fileName))
          .header('x-content-type-options', 'nosniff')
          .send(stream);
      });
    }
  };
