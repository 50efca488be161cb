import { z } from 'zod';
import { idempotencyKey, uuid } from '../../platform/http/common.schema.ts';
import { cursorSchema } from '../../platform/http/cursor.ts';

export const statusSchema = z.enum(['open', 'pending', 'resolved']);
export const channelSchema = z.string().regex(/^[a-z][a-z0-9_-]{1,31}$/, 'must be a channel name like "web" or "email"');

export const conversationListQuery = z.object({
  status: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(statusSchema))
    .optional()
    .describe('comma-separated: open,pending,resolved'),
  assignee: z.union([z.enum(['me', 'unassigned']), uuid()]).optional(),
  teamId: uuid().optional(),
  channel: channelSchema.optional(),
  customerId: uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorSchema.optional(),
});

export const newConversationBody = z.object({
  customerId: uuid(),
  channel: channelSchema.default('web'),
  subject: z.string().trim().min(1).max(300).optional(),
  assigneeId: uuid().nullable().optional(),
  teamId: uuid().nullable().optional(),
  idempotencyKey: idempotencyKey.optional(),
});

export const conversationPatchBody = z
  .object({
    status: statusSchema.optional(),
    assigneeId: uuid().nullable().optional(),
    teamId: uuid().nullable().optional(),
    subject: z.string().trim().min(1).max(300).nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'send at least one of status, assigneeId, teamId, subject');

export const noteBody = z.object({ text: z.string().trim().min(1, 'must not be empty').max(10_000) });
