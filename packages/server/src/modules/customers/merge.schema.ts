import { z } from 'zod';
import { uuid } from '../../platform/http/common.schema.ts';
import { cursorSchema } from '../../platform/http/cursor.ts';

const side = z.enum(['survivor', 'absorbed']);

export const mergeBody = z
  .object({
    absorbedId: uuid().describe('the customer merged into this one; it disappears from lists until the merge is undone'),
    fields: z
      .object({ name: side, email: side, phone: side, locale: side, company: side })
      .partial()
      .strict()
      .optional()
      .describe("whose value each field keeps; by default the survivor's, or the absorbed customer's where the survivor has none"),
    attributes: z
      .record(z.string().max(100), side)
      .optional()
      .describe("whose value each attribute keeps; by default both customers' attributes are kept, the survivor's winning on a shared key"),
    proposalId: uuid().optional().describe('the duplicate proposal this merge settles, if it came from the queue'),
  })
  .strict();

export const duplicateListQuery = z.object({
  status: z.enum(['open', 'dismissed', 'merged']).default('open'),
  customerId: uuid().optional().describe('only the proposals that involve this customer'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorSchema.optional(),
});

export const scanBody = z
  .object({
    minNameSimilarity: z
      .number()
      .min(0.5)
      .max(1)
      .optional()
      .describe('how alike two names must be (trigram similarity, 0.5–1) to be proposed on the name alone; default 0.65'),
  })
  .strict();

export const scanListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
