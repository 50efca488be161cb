import { z } from 'zod';
import { localeSchema, uuid } from '../../platform/http/common.schema.ts';
import { ATTRIBUTE_PREFIX, PLACEHOLDERS, unknownPlaceholders } from './snippet-template.ts';

const known = [...PLACEHOLDERS.map((p) => `{${p}}`), `{${ATTRIBUTE_PREFIX}<attribute>}`].join(', ');

const snippetBody = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(5000)
  .superRefine((body, ctx) => {
    const unknown = unknownPlaceholders(body);
    if (unknown.length) ctx.addIssue({ code: 'custom', message: `unknown placeholder ${unknown.map((p) => `{${p}}`).join(', ')}; use ${known}` });
  });

export const newSnippetBody = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(200),
    body: snippetBody,
    locale: localeSchema,
  })
  .strict();

export const snippetPatchBody = newSnippetBody.partial().strict().refine((p) => Object.keys(p).length > 0, 'change at least one of title, body, locale');

export const snippetListQuery = z.object({
  locale: localeSchema.optional(),
  q: z.string().trim().min(1).max(200).optional(),
});

export const fillSnippetBody = z.object({ conversationId: uuid() }).strict();
