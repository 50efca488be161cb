import { z } from 'zod';

const option = z.string().trim().min(1).max(100);
const options = z
  .array(option)
  .max(100, 'at most 100 options')
  .refine((list) => new Set(list).size === list.length, 'options must be different from each other')
  .describe('the values a select attribute allows, in the order they are offered');

export const attributeKeyParams = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits and _, starting with a letter, at most 40'),
});

export const newDefinitionBody = z
  .object({
    key: attributeKeyParams.shape.key.describe('how the attribute is named in the API and in CSV mappings, e.g. "plan" or "contract_end"'),
    label: z.string().trim().min(1).max(100).describe('what employees see, e.g. "Contract ends"'),
    type: z.enum(['text', 'number', 'boolean', 'date', 'select']).describe('date values are written 2026-03-31'),
    options: options.optional(),
    description: z.string().trim().max(500).nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional().describe('order in the customer page; by default after the others'),
  })
  .strict();

export const definitionOrderBody = z
  .object({
    keys: z
      .array(attributeKeyParams.shape.key)
      .max(500)
      .refine((list) => new Set(list).size === list.length, 'each key once')
      .describe('every defined key, in the order the customer page shows them'),
  })
  .strict();

export const definitionChangeBody = z
  .object({
    label: newDefinitionBody.shape.label.optional(),
    options: options.optional(),
    description: z.string().trim().max(500).nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'send label, options, description or position');
