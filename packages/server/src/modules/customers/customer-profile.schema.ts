import { z } from 'zod';
import { channelSchema } from '../conversations/conversation.schema.ts';
import { ACTIVITY_KINDS, activityCursorSchema, type ActivityKind } from './customer-timeline.service.ts';
import { MAX_TAG_LENGTH, MAX_TAGS, normaliseTags } from './customer-profile.service.ts';
import { identitySchema } from './customer.schema.ts';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const orderBody = z.object({
  externalId: z.string().trim().min(1).max(200).describe('The order or event id in your system: posting it again stores nothing and answers with the first (200)'),
  amount: z.number().nonnegative('must be zero or more (send a refund as kind "refund")').max(1e15).describe('In the currency\'s units, e.g. 19.90'),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => CURRENCIES.has(c), 'must be an ISO 4217 currency code like EUR or USD')
    .describe('ISO 4217, e.g. EUR'),
  at: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time, like 2026-03-01T10:00:00Z' }).describe('When it happened in your system'),
  kind: z.enum(['purchase', 'refund', 'event']).default('purchase').describe('purchase adds to the value, refund subtracts, event only shows on the activity'),
  description: z.string().trim().min(1).max(500).optional(),
});

export const orderByIdentityBody = orderBody.extend({
  customer: identitySchema.describe('The customer by one of their identities, e.g. {"channel": "shop", "externalId": "C-1001"}'),
});

const tagList = z
  .array(z.string().max(200))
  .transform(normaliseTags)
  .pipe(z.array(z.string().max(MAX_TAG_LENGTH, `each at most ${MAX_TAG_LENGTH} characters`)).max(MAX_TAGS, `at most ${MAX_TAGS}`));

export const tagsBody = z.object({ tags: tagList.describe('Replaces the tags: trimmed, lower-case, duplicates removed; at most 50, each at most 40 characters') });
export const interestsBody = z.object({ interests: tagList.describe('Replaces the interests; normalised like tags') });

export const consentBody = z
  .object({
    marketing: z.boolean().optional(),
    surveys: z.boolean().optional(),
    source: z.string().trim().min(1).max(200).optional().describe('Where the customer gave or withdrew it, e.g. "web form", "phone call"'),
  })
  .strict()
  .refine((b) => b.marketing !== undefined || b.surveys !== undefined, 'send marketing, surveys or both');

export const preferredChannelBody = z.object({
  channel: channelSchema.nullable().describe('The channel to use with this customer; null goes back to the learned one'),
});

export const activityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: activityCursorSchema.optional().describe('nextCursor of the previous page'),
  kinds: z
    .string()
    .refine((v) => v.split(',').every((k) => (ACTIVITY_KINDS as readonly string[]).includes(k)), `must be a comma-separated list of: ${ACTIVITY_KINDS.join(', ')}`)
    .optional()
    .describe('only these kinds, e.g. `consent` for the consent history'),
});

export const kindsOf = (kinds: string | undefined): ActivityKind[] | undefined => (kinds ? (kinds.split(',') as ActivityKind[]) : undefined);

export const ordersQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const motivationBody = z
  .object({
    motivation: z.enum(['advice', 'technical', 'relationship']).nullable().describe('advice: wants to be guided; technical: focuses on details and specifications; relationship: seeks a lasting relationship. null goes back to the inferred one'),
    note: z.string().trim().max(500).nullable().optional().describe('why, in the employee\'s words'),
  })
  .strict();
