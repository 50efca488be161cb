import { z } from 'zod';
import type { ChannelKind } from './channel.types.ts';

const baseUrl = z.url({ message: 'must be an absolute http(s) URL' }).max(500).optional().describe("the network API's base URL; the default is the network's own");
const secret = z.string().trim().min(1).max(2000);
const email = z.email({ message: 'must be an email address' }).max(320).transform((e) => e.toLowerCase());

// What each kind needs to run; secrets are written here and never read back.
export const channelKinds = {
  email: {
    settings: z
      .object({
        fromName: z.string().trim().min(1).max(120).optional(),
        smtp: z
          .object({ host: z.string().trim().min(1).max(255), port: z.number().int().min(1).max(65535), secure: z.boolean().default(false), user: z.string().max(320).optional() })
          .optional()
          .describe('outgoing server for replies; without it VINCULO_MAIL_TRANSPORT is used'),
      })
      .strict(),
    secrets: z.object({ smtpPassword: secret.optional() }).strict(),
    requiredSecrets: [],
  },
  whatsapp: {
    settings: z.object({ phoneNumberId: z.string().trim().min(1).max(64), apiBaseUrl: baseUrl }).strict(),
    secrets: z.object({ accessToken: secret.optional(), appSecret: secret.optional() }).strict(),
    requiredSecrets: ['accessToken', 'appSecret'],
  },
  telegram: {
    settings: z.object({ apiBaseUrl: baseUrl }).strict(),
    secrets: z.object({ botToken: secret.optional() }).strict(),
    requiredSecrets: ['botToken'],
  },
  messenger: {
    settings: z.object({ pageId: z.string().trim().min(1).max(64), apiBaseUrl: baseUrl }).strict(),
    secrets: z.object({ pageAccessToken: secret.optional(), appSecret: secret.optional() }).strict(),
    requiredSecrets: ['pageAccessToken', 'appSecret'],
  },
  instagram: {
    settings: z.object({ accountId: z.string().trim().min(1).max(64), apiBaseUrl: baseUrl }).strict(),
    secrets: z.object({ accessToken: secret.optional(), appSecret: secret.optional() }).strict(),
    requiredSecrets: ['accessToken', 'appSecret'],
  },
  sms: {
    settings: z
      .object({
        accountSid: z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio Account SID (AC…)'),
        from: z.string().trim().min(1).max(40).optional().describe('the sending number, E.164'),
        messagingServiceSid: z.string().trim().regex(/^MG[0-9a-fA-F]{32}$/, 'must be a Messaging Service SID (MG…)').optional(),
        apiBaseUrl: baseUrl,
      })
      .strict()
      .refine((s) => s.from || s.messagingServiceSid, 'needs "from" or "messagingServiceSid"'),
    secrets: z.object({ authToken: secret.optional() }).strict(),
    requiredSecrets: ['authToken'],
  },
} as const satisfies Record<ChannelKind, { settings: z.ZodType; secrets: z.ZodType; requiredSecrets: readonly string[] }>;

export const channelKindSchema = z.enum(['email', 'whatsapp', 'telegram', 'messenger', 'instagram', 'sms']);

export const createChannelBody = z
  .object({
    kind: channelKindSchema,
    name: z.string().trim().min(1).max(120),
    settings: z.record(z.string(), z.unknown()).default({}).describe('per kind, see docs/channels.md'),
    secrets: z.record(z.string(), z.string()).default({}).describe('tokens and app secrets; stored encrypted, never returned'),
    addresses: z.array(email).max(20).default([]).describe('e-mail only: the addresses this channel receives for'),
  })
  .strict();

export const updateChannelBody = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    active: z.boolean().optional(),
    settings: z.record(z.string(), z.unknown()).optional().describe('replaces the settings'),
    secrets: z.record(z.string(), z.string().nullable()).optional().describe('merged: a value replaces, null removes, absent keeps'),
    addresses: z.array(email).max(20).optional(),
    rotateVerifyToken: z.boolean().optional(),
  })
  .strict();

export const templateBody = z
  .object({
    name: z.string().trim().min(1).max(512).describe('an approved WhatsApp message template'),
    language: z.string().trim().min(2).max(15).default('es'),
    parameters: z.array(z.string().max(1024)).max(20).default([]).describe('body parameters {{1}}, {{2}}…'),
    idempotencyKey: z.string().min(8).max(200),
  })
  .strict();
