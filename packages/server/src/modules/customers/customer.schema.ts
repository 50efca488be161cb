import { z } from 'zod';
import { localeSchema } from '../../platform/http/common.schema.ts';
import { cursorSchema } from '../../platform/http/cursor.ts';
import { emailField, normaliseIdentityValue, phoneField } from './identity-value.ts';

const attributes = z
  .record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
  .refine((r) => Object.keys(r).length <= 100, 'at most 100 attributes');

export const customerProfileSchema = z.object({
  name: z.string().trim().min(1).max(200).nullable().optional(),
  email: emailField.nullable().optional(),
  phone: phoneField.describe('stored in E.164, like +34600111222').nullable().optional(),
  locale: localeSchema.nullable().optional(),
  company: z.string().trim().min(1).max(200).nullable().optional().describe('the company the customer belongs to or buys for'),
  attributes: attributes
    .optional()
    .describe('merged into the stored attributes; null removes one. Keys defined under /api/customer-attributes are checked against their type'),
});

export const identitySchema = z
  .object({
    channel: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{1,31}$/, 'must be a channel name like "email" or "whatsapp"')
      .describe('email, phone, sms, whatsapp, a social network (instagram, telegram…), web, web-visitor, or a system of yours (crm, shop…)'),
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(320)
      .describe('emails are trimmed and lower-cased, phones stored in E.164, handles without "@"'),
    verified: z
      .boolean()
      .optional()
      .describe('true when your side has verified it: if another customer already has it, the two are merged automatically'),
  })
  .transform((identity, ctx) => {
    const normal = normaliseIdentityValue(identity.channel, identity.externalId);
    if ('error' in normal) {
      ctx.addIssue({ code: 'custom', path: ['externalId'], message: normal.error });
      return z.NEVER;
    }
    return { ...identity, externalId: normal.value };
  });

export const customerListQuery = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  tag: z.string().trim().toLowerCase().min(1).max(40).optional().describe('only customers with this tag (tags are compared lower-case)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorSchema.optional(),
});
