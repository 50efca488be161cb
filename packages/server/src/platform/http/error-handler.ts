import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorOf, type ErrorBody } from './app-error.ts';

type PgError = { code?: string; detail?: string };
const isPgError = (e: unknown): e is PgError & Error =>
  e instanceof Error && typeof (e as PgError).code === 'string' && /^[0-9A-Z]{5}$/.test((e as PgError).code ?? '');

const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const send = (status: number, code: string, message: string, details?: unknown) => {
      const body: ErrorBody = { error: errorOf(code, message, details) };
      return reply.code(status).send(body);
    };
    if (err instanceof AppError) return send(err.status, err.code, err.message, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'request';
      const issues = err.validation.map((v) => ({
        path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'is invalid',
      }));
      return send(400, 'validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
    }
    if (isPgError(err)) {
      // Safety net: services check references first, but a race must still not look like a crash.
      if (err.code === '23505') return send(409, 'conflict', 'That already exists', err.detail);
      if (err.code === '23503') return send(400, 'bad_request', 'A referenced record does not exist');
      if (err.code === '22P02') return send(400, 'bad_request', 'A value has the wrong format');
    }
    const status = (err as FastifyError).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const fcode = (err as FastifyError).code ?? '';
      const code = fastifyCodes[fcode] ?? (status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status === 404 ? 'not_found' : 'bad_request');
      return send(status, code, err.message);
    }
    req.log.error({ err }, 'unhandled error');
    return send(500, 'internal', 'Something went wrong on our side; it has been logged');
  });

  app.setNotFoundHandler((req, reply) => {
    const body: ErrorBody = { error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } };
    return reply.code(404).send(body);
  });
}
