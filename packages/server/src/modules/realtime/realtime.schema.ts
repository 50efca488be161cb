import { z } from 'zod';
import { idempotencyKey, uuid } from '../../platform/http/common.schema.ts';
import { signalSchema } from '../calls/call.schema.ts';

export const clientMessageSchema = (maxChars: number) =>
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('send'),
      conversationId: uuid(),
      text: z.string().max(maxChars, `must be at most ${maxChars} characters`).default(''),
      attachmentIds: z.array(uuid()).max(10).optional(),
      idempotencyKey,
    }),
    z.object({ type: z.literal('typing'), conversationId: uuid(), typing: z.boolean() }),
    z.object({ type: z.literal('subscribe'), conversationId: uuid(), since: z.number().int().min(0).optional() }),
    z.object({ type: z.literal('ping') }),
    // Calls (modules/calls): join a call's signalling, then relay offers, answers and ICE candidates.
    z.object({ type: z.literal('call.join'), callId: uuid() }),
    z.object({ type: z.literal('call.signal'), callId: uuid(), signal: signalSchema }),
  ]);

export type ClientMessage = z.infer<ReturnType<typeof clientMessageSchema>>;

export const connectQuery = z.object({
  token: z.string().max(2000).optional(),
  since: z.coerce.number().int().min(0).optional(),
  conversationId: uuid().optional(),
});
