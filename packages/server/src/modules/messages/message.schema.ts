import { z } from 'zod';
import { idempotencyKey, uuid } from '../../platform/http/common.schema.ts';
import { cursorSchema } from '../../platform/http/cursor.ts';

export const sendMessageBody = (maxChars: number) =>
  z.object({
    text: z.string().max(maxChars, `must be at most ${maxChars} characters`).default(''),
    attachmentIds: z.array(uuid()).max(10).optional(),
    idempotencyKey: idempotencyKey.describe('any unique string per message; a retry with the same key never makes a second message'),
  });

export const messageListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: cursorSchema.optional(),
});
