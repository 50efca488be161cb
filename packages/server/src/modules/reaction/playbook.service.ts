import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { LocalizedText, PlaybooksTable } from '../../platform/db/database.types.ts';
import { tenantScope, type TenantScope } from '../../platform/db/tenant-scope.ts';
import { notFound } from '../../platform/http/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { DEFAULT_PLAYBOOKS } from './default-playbooks.data.ts';
import { fieldsOf, maxContactDays, parsePlaybook, type Action, type Condition, type Field, type PlaybookDefinition } from './playbook.schema.ts';
import { mergeSettings, readSettings, reactionSettingsSchema, type ReactionSettings, type ReactionSettingsPatch } from './reaction-settings.schema.ts';

type PlaybookRow = Selectable<PlaybooksTable>;

export type PlaybookView = {
  id: string;
  key: string | null;
  isDefault: boolean;
  name: LocalizedText;
  description: LocalizedText;
  enabled: boolean;
  priority: number;
  condition: Condition;
  actions: Action[];
  createdAt: string;
  updatedAt: string;
};

export const toPlaybookView = (r: PlaybookRow): PlaybookView => ({
  id: r.id,
  key: r.key,
  isDefault: r.key !== null,
  name: r.name,
  description: r.description,
  enabled: r.enabled,
  priority: r.priority,
  condition: r.condition as Condition,
  actions: r.actions as Action[],
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

// ---- Seeding: lazily, on the first use by any path, so workspaces created before this module
// (or by any creation path) get the defaults too. The settings row marks it done, so defaults an
// admin deleted never come back.
export async function ensureReactionSetup(scope: TenantScope): Promise<void> {
  const exists = await scope.selectFrom('reaction_settings').select('workspace_id').executeTakeFirst();
  if (exists) return;
  await scope.transaction(async (trx) => {
    const created = await trx
      .insertInto('reaction_settings', { settings: '{}' })
      .onConflict((oc) => oc.column('workspace_id').doNothing())
      .returning('workspace_id')
      .executeTakeFirst();
    if (!created) return;
    await trx
      .insertInto(
        'playbooks',
        DEFAULT_PLAYBOOKS.map((p) => ({
          key: p.key,
          name: JSON.stringify(p.name),
          description: JSON.stringify(p.description),
          enabled: p.enabled,
          priority: p.priority,
          condition: JSON.stringify(p.condition),
          actions: JSON.stringify(p.actions),
        })),
      )
      .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
      .execute();
  });
}

// ---- Cache: the listener reads every workspace's enabled playbooks on every customer message,
// so they are kept in memory and dropped on any change here. The TTL bounds staleness when
// several server processes share a database (each has its own cache).
export type CompiledPlaybook = { id: string; name: LocalizedText; priority: number; condition: Condition; actions: Action[]; fields: Set<Field> };
export type WorkspaceRules = { settings: ReactionSettings; playbooks: CompiledPlaybook[]; fields: Set<Field>; contactDays: number };

const CACHE_TTL_MS = 60_000;
type Entry = { rules: Promise<WorkspaceRules>; at: number };
const caches = new WeakMap<Db, Map<string, Entry>>();

function cacheOf(db: Db): Map<string, Entry> {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new Map()));
  return c;
}

export function invalidateRules(db: Db, workspaceId: string): void {
  cacheOf(db).delete(workspaceId);
}

async function loadRules(db: Db, workspaceId: string): Promise<WorkspaceRules> {
  const scope = tenantScope(db, workspaceId);
  await ensureReactionSetup(scope);
  const [settings, rows] = await Promise.all([
    getSettings(scope),
    scope.selectFrom('playbooks').selectAll().where('enabled', '=', true).orderBy('priority', 'desc').orderBy('created_at').execute(),
  ]);
  const playbooks = rows.map((r) => {
    const condition = r.condition as Condition;
    return { id: r.id, name: r.name, priority: r.priority, condition, actions: r.actions as Action[], fields: fieldsOf(condition) };
  });
  const fields = new Set<Field>(playbooks.flatMap((p) => [...p.fields]));
  return { settings, playbooks, fields, contactDays: Math.max(0, ...playbooks.map((p) => maxContactDays(p.condition))) };
}

export function rulesFor(db: Db, workspaceId: string): Promise<WorkspaceRules> {
  const cache = cacheOf(db);
  const hit = cache.get(workspaceId);
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.rules;
  const entry: Entry = { rules: loadRules(db, workspaceId), at: Date.now() };
  cache.set(workspaceId, entry);
  // A failed load is not cached: the next message tries again.
  entry.rules.catch(() => cache.get(workspaceId) === entry && cache.delete(workspaceId));
  return entry.rules;
}

// ---- Settings
export async function getSettings(scope: TenantScope): Promise<ReactionSettings> {
  const row = await scope.selectFrom('reaction_settings').select('settings').executeTakeFirst();
  return readSettings(row?.settings);
}

export async function updateSettings(scope: TenantScope, actor: AuditActor, patch: ReactionSettingsPatch): Promise<ReactionSettings> {
  await ensureReactionSetup(scope);
  const next = await scope.transaction(async (trx) => {
    await trx.selectFrom('reaction_settings').select('workspace_id').forUpdate().executeTakeFirstOrThrow();
    const merged = reactionSettingsSchema.parse(mergeSettings(await getSettings(trx), patch));
    await trx
      .updateTable('reaction_settings')
      .set({ settings: JSON.stringify(merged), updated_at: new Date(), updated_by: actor.type === 'employee' ? actor.id : null })
      .execute();
    await recordAudit(trx, actor, { action: 'reaction.settings_updated', targetType: 'workspace', targetId: scope.workspaceId, details: patch as Record<string, unknown> });
    return merged;
  });
  invalidateRules(scope.db, scope.workspaceId);
  return next;
}

// ---- CRUD
export async function listPlaybooks(scope: TenantScope): Promise<PlaybookView[]> {
  await ensureReactionSetup(scope);
  const rows = await scope.selectFrom('playbooks').selectAll().orderBy('priority', 'desc').orderBy('created_at').execute();
  return rows.map(toPlaybookView);
}

export async function getPlaybook(scope: TenantScope, id: string): Promise<PlaybookView> {
  const row = await scope.selectFrom('playbooks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Playbook');
  return toPlaybookView(row);
}

const columns = (d: PlaybookDefinition) => ({
  name: JSON.stringify(d.name),
  description: JSON.stringify(d.description),
  enabled: d.enabled,
  priority: d.priority,
  condition: JSON.stringify(d.condition),
  actions: JSON.stringify(d.actions),
});

export async function createPlaybook(scope: TenantScope, actor: AuditActor, body: unknown): Promise<PlaybookView> {
  await ensureReactionSetup(scope);
  const definition = parsePlaybook(body, await getSettings(scope));
  const row = await scope.transaction(async (trx) => {
    const created = await trx
      .insertInto('playbooks', { ...columns(definition), created_by: actor.id, updated_by: actor.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'playbook.created', targetType: 'playbook', targetId: created.id, details: { name: definition.name } });
    return created;
  });
  invalidateRules(scope.db, scope.workspaceId);
  return toPlaybookView(row);
}

export async function updatePlaybook(scope: TenantScope, actor: AuditActor, id: string, patch: Record<string, unknown>): Promise<PlaybookView> {
  const current = await getPlaybook(scope, id);
  const { name, description, enabled, priority, condition, actions } = current;
  const definition = parsePlaybook({ name, description, enabled, priority, condition, actions, ...patch }, await getSettings(scope));
  const row = await scope.transaction(async (trx) => {
    const updated = await trx
      .updateTable('playbooks')
      .set({ ...columns(definition), updated_by: actor.id, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw notFound('Playbook');
    await recordAudit(trx, actor, { action: 'playbook.updated', targetType: 'playbook', targetId: id, details: { fields: Object.keys(patch) } });
    return updated;
  });
  invalidateRules(scope.db, scope.workspaceId);
  return toPlaybookView(row);
}

export async function deletePlaybook(scope: TenantScope, actor: AuditActor, id: string): Promise<void> {
  await scope.transaction(async (trx) => {
    const gone = await trx.deleteFrom('playbooks').where('id', '=', id).returning(['id', 'name']).executeTakeFirst();
    if (!gone) throw notFound('Playbook');
    await recordAudit(trx, actor, { action: 'playbook.deleted', targetType: 'playbook', targetId: id, details: { name: gone.name } });
  });
  invalidateRules(scope.db, scope.workspaceId);
}
