import path from 'node:path';
import { z } from 'zod';
import type { IceConfig } from '../../modules/calls/ice-servers.ts';

const port = z.coerce.number().int().min(0).max(65535);

const boolText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const urlList = (v: string | undefined) => (v ?? '').split(',').map((u) => u.trim()).filter(Boolean);

// A comma-separated list of ICE server URLs of one scheme (stun:/stuns: or turn:/turns:).
const iceUrls = (scheme: 'stun' | 'turn') =>
  z
    .string()
    .max(2000)
    .refine((v) => urlList(v).every((u) => new RegExp(`^${scheme}s?:[^\\s]+$`).test(u)), `must be comma-separated ${scheme}: or ${scheme}s: URLs`);

// Every setting Vínculo reads; README.md documents the same list.
export const configSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  VINCULO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  VINCULO_PUBLIC_URL: z.url({ message: 'must be an absolute http(s) URL' }).optional(),
  VINCULO_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  VINCULO_ADMIN_EMAIL: z.email({ message: 'must be an email address' }).default('admin@vinculo.local'),
  VINCULO_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  VINCULO_DEMO: boolText.default(true),
  VINCULO_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  VINCULO_MAX_MESSAGE_CHARS: z.coerce.number().int().min(1).max(100_000).default(10_000),
  VINCULO_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  VINCULO_LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  VINCULO_WIDGET_SESSIONS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  VINCULO_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  // Hours between scheduled duplicate scans of a workspace whose customers changed; 0 turns them off.
  VINCULO_DUPLICATE_SCAN_HOURS: z.coerce.number().min(0).max(24 * 365).default(24),
  // Channels (docs/channels.md): the key that seals their secrets, the SMTP listener, outgoing mail, retries.
  VINCULO_SECRETS_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  VINCULO_SMTP_PORT: z.union([z.literal('off'), port]).default(2525),
  VINCULO_SMTP_MAX_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
  VINCULO_MAIL_TRANSPORT: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  VINCULO_CHANNEL_RETRY_MS: z.coerce.number().int().min(1).default(15_000),
  VINCULO_CHANNEL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  VINCULO_CHANNEL_POLL_MS: z.coerce.number().int().min(10).default(5_000),
  // Calls (docs/calls.md): STUN and TURN servers offered to both browsers; TURN credentials are made
  // from the secret shared with coturn (use-auth-secret) and expire after the TTL.
  VINCULO_STUN_URLS: iceUrls('stun').optional(),
  VINCULO_TURN_URLS: iceUrls('turn').optional(),
  VINCULO_TURN_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  VINCULO_TURN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
}).refine((c) => !c.VINCULO_TURN_URLS || c.VINCULO_TURN_SECRET, {
  path: ['VINCULO_TURN_SECRET'],
  message: 'is required with VINCULO_TURN_URLS (the secret shared with coturn, use-auth-secret)',
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  publicUrl: string;
  secret: string | undefined;
  adminEmail: string;
  adminPassword: string | undefined;
  demo: boolean;
  maxUploadBytes: number;
  maxMessageChars: number;
  sessionDays: number;
  eventRetentionDays: number;
  duplicateScanHours: number;
  loginAttemptsPerMinute: number;
  widgetSessionsPerMinute: number;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  ice: IceConfig;
  channels: ChannelsConfig;
};

export type ChannelsConfig = {
  // Without one, a key is derived from the instance secret.
  secretsKey: string | undefined;
  // null: no SMTP listener; 0: any free port (tests).
  smtpPort: number | null;
  smtpMaxBytes: number;
  mailTransport: string | undefined;
  retryBaseMs: number;
  maxAttempts: number;
  pollMs: number;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Empty strings count as unset, so `FOO= npm start` behaves like not setting FOO.
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.VINCULO_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    publicUrl: (c.VINCULO_PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    secret: c.VINCULO_SECRET,
    adminEmail: c.VINCULO_ADMIN_EMAIL.toLowerCase(),
    adminPassword: c.VINCULO_ADMIN_PASSWORD,
    demo: c.VINCULO_DEMO,
    maxUploadBytes: c.VINCULO_MAX_UPLOAD_BYTES,
    maxMessageChars: c.VINCULO_MAX_MESSAGE_CHARS,
    sessionDays: c.VINCULO_SESSION_DAYS,
    eventRetentionDays: c.VINCULO_EVENT_RETENTION_DAYS,
    duplicateScanHours: c.VINCULO_DUPLICATE_SCAN_HOURS,
    loginAttemptsPerMinute: c.VINCULO_LOGIN_ATTEMPTS_PER_MINUTE,
    widgetSessionsPerMinute: c.VINCULO_WIDGET_SESSIONS_PER_MINUTE,
    logLevel: c.LOG_LEVEL,
    ice: { stunUrls: urlList(c.VINCULO_STUN_URLS), turnUrls: urlList(c.VINCULO_TURN_URLS), turnSecret: c.VINCULO_TURN_SECRET, turnTtlSeconds: c.VINCULO_TURN_TTL_SECONDS },
    channels: {
      secretsKey: c.VINCULO_SECRETS_KEY,
      smtpPort: c.VINCULO_SMTP_PORT === 'off' ? null : c.VINCULO_SMTP_PORT,
      smtpMaxBytes: c.VINCULO_SMTP_MAX_BYTES,
      mailTransport: c.VINCULO_MAIL_TRANSPORT,
      retryBaseMs: c.VINCULO_CHANNEL_RETRY_MS,
      maxAttempts: c.VINCULO_CHANNEL_MAX_ATTEMPTS,
      pollMs: c.VINCULO_CHANNEL_POLL_MS,
    },
  };
}
