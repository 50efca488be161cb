import { z } from 'zod';
import { localeSchema } from '../../platform/http/common.schema.ts';
import { cursorSchema } from '../../platform/http/cursor.ts';

const attributes = z
  .record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
  .refine((r) => Object.keys(r).length <= 100, 'at most 100 attributes');

export const customerProfileSchema = z.object({
  name: z.string().trim().min(1).max(200).nullable().optional(),
  email: z.email({ message: 'must be an email address' }).max(320).nullable().optional(),
  phone: z.string().regex(/^\+?[0-9 ()-]{4,32}$/, 'must be a phone number').nullable().optional(),
  locale: localeSchema.nullable().optional(),
  attributes: attributes.optional(),
});

export const identitySchema = z.object({
  channel: z.string().regex(/^[a-z][a-z0-9_-]{1,31}$/, 'must be a channel name like "email" or "whatsapp"'),
  externalId: z.string().trim().min(1).max(320),
  verified: z.boolean().optional(),
});

export const customerListQuery = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorSchema.optional(),
});
