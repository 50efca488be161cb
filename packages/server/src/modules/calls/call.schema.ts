import { z } from 'zod';
import { uuid } from '../../platform/http/common.schema.ts';
import type { OfficeHours } from '../reaction/office-hours.ts';
import { officeHoursSchema } from '../reaction/reaction-settings.schema.ts';

export const DEFAULT_RING_SECONDS = 20;

// Spread into the workspace settings schema (modules/workspaces/workspace.routes.ts).
export const callSettingsSchema = {
  callsEnabled: z.boolean().optional().describe('customers may call from the widget (default true)'),
  callRingSeconds: z.number().int().min(2).max(120).optional().describe('how long each employee rings before the next is tried (default 20)'),
  callOfficeHours: officeHoursSchema
    .nullable()
    .optional()
    .describe('when customers may call (time zone and weekly ranges); unset or null: whenever someone can answer'),
};

export type CallSettings = { enabled: boolean; ringSeconds: number; officeHours: OfficeHours | null };

export function callSettingsOf(settings: Record<string, unknown>): CallSettings {
  const ring = settings.callRingSeconds;
  return {
    enabled: settings.callsEnabled !== false,
    ringSeconds: typeof ring === 'number' && Number.isInteger(ring) && ring >= 2 ? ring : DEFAULT_RING_SECONDS,
    officeHours: officeHoursSchema.safeParse(settings.callOfficeHours).data ?? null,
  };
}

export const mediaSchema = z.enum(['audio', 'video']);

export const qualitySchema = z
  .object({
    rttMs: z.number().min(0).max(600_000).nullable(),
    packetLossPct: z.number().min(0).max(100).nullable(),
    width: z.number().int().min(0).max(10_000).nullable(),
    height: z.number().int().min(0).max(10_000).nullable(),
    framesDecoded: z.number().int().min(0),
    audioPacketsReceived: z.number().int().min(0),
  })
  .strict()
  .describe("what this side's browser measured with getStats(): round trip, packet loss, the video it received");

export const visitorCallBody = z
  .object({
    conversationId: uuid().describe('the conversation the call belongs to (the widget starts one first if needed)'),
    media: mediaSchema.describe('audio: a voice call; video: camera too'),
  })
  .strict();

export const employeeCallBody = z.object({ media: mediaSchema }).strict();

export const hangUpBody = z
  .object({
    reason: z.enum(['hangup', 'failed']).default('hangup').describe('failed: the browser could not connect or lost the media'),
    detail: z.string().trim().max(300).optional().describe('why it failed, in the browser\'s words'),
    quality: qualitySchema.optional(),
  })
  .strict();

export const qualityBody = z.object({ quality: qualitySchema }).strict();

export const callListQuery = z.object({
  status: z.enum(['missed']).optional().describe('missed: calls from customers nobody answered and nobody has handled yet'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const sdp = z.string().min(1).max(100_000);
export const signalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready') }),
  z.object({ kind: z.literal('offer'), sdp }),
  z.object({ kind: z.literal('answer'), sdp }),
  z.object({
    kind: z.literal('ice'),
    candidate: z
      .object({
        candidate: z.string().max(2000).optional(),
        sdpMid: z.string().max(100).nullable().optional(),
        sdpMLineIndex: z.number().int().min(0).max(100).nullable().optional(),
        usernameFragment: z.string().max(300).nullable().optional(),
      })
      .nullable(),
  }),
]);

export type CallSignalFrame = z.infer<typeof signalSchema>;
