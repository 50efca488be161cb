import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ChannelsTable } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { randomToken } from '../../platform/security/tokens.ts';
import { channelKinds, type createChannelBody, type updateChannelBody } from './channel.schema.ts';
import { createSecretBox, type SecretBox } from './channel-secrets.ts';
import type { ChannelConfig, ChannelKind } from './channel.types.ts';

export type ChannelRow = Selectable<ChannelsTable>;

const boxes = new WeakMap<AppContext, SecretBox>();
export function secretBoxOf(ctx: AppContext): SecretBox {
  let box = boxes.get(ctx);
  if (!box) boxes.set(ctx, (box = createSecretBox(ctx.config.channels.secretsKey ?? ctx.secret)));
  return box;
}

// Secrets sealed under another key (VINCULO_SECRETS_KEY changed) cannot be opened: the channel then
// acts as if none were set, and its health says why, until an admin enters them again.
function openSecrets(ctx: AppContext, row: ChannelRow): Record<string, string> | null {
  if (!row.secrets) return {};
  try {
    return secretBoxOf(ctx).open(row.secrets);
  } catch {
    return null;
  }
}

const UNREADABLE = 'The secrets cannot be opened with the current VINCULO_SECRETS_KEY: enter them again';

export const webhookUrlOf = (ctx: AppContext, row: Pick<ChannelRow, 'kind' | 'webhook_key'>) => `${ctx.config.publicUrl}/api/channels/hooks/${row.kind}/${row.webhook_key}`;

export function toChannelConfig(ctx: AppContext, row: ChannelRow): ChannelConfig {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    settings: row.settings,
    secrets: openSecrets(ctx, row) ?? {},
    verifyToken: row.verify_token,
    webhookUrl: webhookUrlOf(ctx, row),
    addresses: row.addresses,
  };
}

export type ChannelView = ReturnType<typeof toChannelView>;

export type DeliveryCounts = { queued: number; failed: number; lastSentAt: Date | null };

export function toChannelView(ctx: AppContext, row: ChannelRow, counts: DeliveryCounts = { queued: 0, failed: 0, lastSentAt: null }) {
  const opened = openSecrets(ctx, row);
  const secrets = opened ?? {};
  const known = Object.keys(channelKinds[row.kind].secrets.shape);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    active: row.active,
    settings: row.settings,
    addresses: row.addresses,
    // Whether each secret is set; never its value.
    secrets: Object.fromEntries(known.map((k) => [k, Boolean(secrets[k])])),
    webhookUrl: row.kind === 'email' ? null : webhookUrlOf(ctx, row),
    verifyToken: row.kind === 'email' ? null : row.verify_token,
    smtpPort: row.kind === 'email' ? ctx.config.channels.smtpPort : null,
    health: {
      lastInboundAt: row.last_inbound_at?.toISOString() ?? null,
      lastSentAt: counts.lastSentAt?.toISOString() ?? null,
      lastError: opened ? row.last_error : UNREADABLE,
      lastErrorAt: opened ? (row.last_error_at?.toISOString() ?? null) : null,
      queued: counts.queued,
      failedLast24h: counts.failed,
    },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function checkSettings(kind: ChannelKind, settings: Record<string, unknown>) {
  const parsed = channelKinds[kind].settings.safeParse(settings);
  if (!parsed.success) throw new AppError('validation_failed', `Invalid ${kind} settings`, parsed.error.issues.map((i) => ({ path: ['settings', ...i.path].join('.'), message: i.message })));
  return parsed.data as Record<string, unknown>;
}

function checkSecrets(kind: ChannelKind, secrets: Record<string, string>) {
  const parsed = channelKinds[kind].secrets.safeParse(secrets);
  if (!parsed.success) throw new AppError('validation_failed', `Invalid ${kind} secrets`, parsed.error.issues.map((i) => ({ path: ['secrets', ...i.path].join('.'), message: i.message })));
  const missing = channelKinds[kind].requiredSecrets.filter((k) => !secrets[k]);
  if (missing.length) throw new AppError('validation_failed', `A ${kind} channel needs these secrets: ${missing.join(', ')}`, missing.map((k) => ({ path: `secrets.${k}`, message: 'required' })));
  return parsed.data as Record<string, string>;
}

// An address routes incoming mail to one workspace: two channels may not claim it. Reads across
// workspaces on purpose, through the caller's transaction (PGlite has one connection).
async function assertAddressesFree(db: Db, addresses: string[], exceptId?: string) {
  if (!addresses.length) return;
  const taken = await db
    .selectFrom('channels')
    .select(['id', sql<string[]>`addresses`.as('addresses')])
    .where('kind', '=', 'email')
    .where(sql<boolean>`addresses && ${sql.val(addresses)}::text[]`)
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId!))
    .executeTakeFirst();
  if (taken) throw new AppError('conflict', `The address ${taken.addresses.find((a) => addresses.includes(a))} is already used by another e-mail channel`);
}

export async function createChannel(ctx: AppContext, scope: TenantScope, input: z.infer<typeof createChannelBody>): Promise<ChannelRow> {
  const settings = checkSettings(input.kind, input.settings);
  const secrets = checkSecrets(input.kind, input.secrets);
  if (input.kind === 'email' && !input.addresses.length) throw new AppError('validation_failed', 'An e-mail channel needs at least one address', [{ path: 'addresses', message: 'required' }]);
  const addresses = input.kind === 'email' ? [...new Set(input.addresses)] : [];
  await assertAddressesFree(scope.db, addresses);
  return scope
    .insertInto('channels', {
      kind: input.kind,
      name: input.name,
      settings: JSON.stringify(settings),
      secrets: Object.keys(secrets).length ? secretBoxOf(ctx).seal(secrets) : null,
      addresses,
      webhook_key: randomToken(18),
      verify_token: randomToken(24),
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getChannel(scope: TenantScope, id: string): Promise<ChannelRow> {
  const row = await scope.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Channel');
  return row;
}

export async function updateChannel(ctx: AppContext, scope: TenantScope, id: string, patch: z.infer<typeof updateChannelBody>): Promise<ChannelRow> {
  const row = await getChannel(scope, id);
  const settings = patch.settings ? checkSettings(row.kind, patch.settings) : row.settings;
  let secrets: Record<string, string> | undefined;
  if (patch.secrets) {
    const merged: Record<string, string> = openSecrets(ctx, row) ?? {};
    for (const [k, v] of Object.entries(patch.secrets)) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    secrets = checkSecrets(row.kind, merged);
  }
  if (patch.addresses && row.kind !== 'email') throw new AppError('validation_failed', 'Only e-mail channels have addresses');
  if (patch.addresses?.length === 0) throw new AppError('validation_failed', 'An e-mail channel needs at least one address');
  const addresses = patch.addresses ? [...new Set(patch.addresses)] : undefined;
  if (addresses) await assertAddressesFree(scope.db, addresses, id);
  return scope
    .updateTable('channels')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      settings: JSON.stringify(settings),
      ...(secrets ? { secrets: Object.keys(secrets).length ? secretBoxOf(ctx).seal(secrets) : null } : {}),
      ...(addresses ? { addresses } : {}),
      ...(patch.rotateVerifyToken ? { verify_token: randomToken(24) } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listChannels(scope: TenantScope): Promise<ChannelRow[]> {
  return scope.selectFrom('channels').selectAll().orderBy('created_at').orderBy('id').execute();
}

// Queued and recently failed sends, and when one last went out, per channel: the health view.
export async function deliveryCounts(scope: TenantScope): Promise<Map<string, DeliveryCounts>> {
  const rows = await scope
    .selectFrom('channel_messages')
    .select([
      'channel_id',
      sql<number>`count(*) filter (where status = 'queued')::int`.as('queued'),
      sql<number>`count(*) filter (where status = 'failed' and updated_at > now() - interval '1 day')::int`.as('failed'),
      sql<Date | null>`max(updated_at) filter (where status in ('sent', 'delivered', 'read'))`.as('last_sent_at'),
    ])
    .where('direction', '=', 'outbound')
    .groupBy('channel_id')
    .execute();
  return new Map(rows.map((r) => [r.channel_id, { queued: r.queued, failed: r.failed, lastSentAt: r.last_sent_at ? new Date(r.last_sent_at) : null }]));
}

// Webhooks find their channel by the unguessable key in their URL; the workspace comes with it.
export async function findChannelByWebhookKey(db: Db, kind: ChannelKind, key: string): Promise<ChannelRow | undefined> {
  return db.selectFrom('channels').selectAll().where('webhook_key', '=', key).where('kind', '=', kind).executeTakeFirst();
}

// Incoming mail is routed by its recipient address.
export async function findEmailChannelByAddress(db: Db, address: string): Promise<ChannelRow | undefined> {
  return db
    .selectFrom('channels')
    .selectAll()
    .where('kind', '=', 'email')
    .where('active', '=', true)
    .where(sql<boolean>`${address.toLowerCase()} = any(addresses)`)
    .executeTakeFirst();
}

export async function recordChannelError(scope: TenantScope, channelId: string, error: string): Promise<void> {
  await scope.updateTable('channels').set({ last_error: error.slice(0, 1000), last_error_at: new Date() }).where('id', '=', channelId).execute();
}

export async function recordChannelInbound(scope: TenantScope, channelId: string): Promise<void> {
  await scope.updateTable('channels').set({ last_inbound_at: new Date() }).where('id', '=', channelId).execute();
}
