import { sql, type Selectable } from 'kysely';
import type { AttributeType, CustomerAttributeDefinitionsTable } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { coerceAttribute, type AttributeDefinition, type AttributeValue } from './attribute-value.ts';

export type AttributeDefinitionView = AttributeDefinition & { description: string | null; position: number; createdAt: string; updatedAt: string };
export type NewDefinition = { key: string; label: string; type: AttributeType; options?: string[]; description?: string | null; position?: number };
export type DefinitionChange = { label?: string; options?: string[]; description?: string | null; position?: number };

export const MAX_DEFINITIONS = 100;

const toView = (r: Selectable<CustomerAttributeDefinitionsTable>): AttributeDefinitionView => ({
  key: r.key,
  label: r.label,
  type: r.type,
  options: r.options,
  description: r.description,
  position: r.position,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function listDefinitions(scope: TenantScope): Promise<AttributeDefinitionView[]> {
  const rows = await scope.selectFrom('customer_attribute_definitions').selectAll().orderBy('position').orderBy('key').execute();
  return rows.map(toView);
}

function checkOptions(type: AttributeType, options: string[] | undefined): void {
  if (type === 'select' && !options?.length) throw new AppError('validation_failed', 'A select attribute needs its options', [{ path: 'body.options', message: 'list at least one option' }]);
  if (type !== 'select' && options?.length) throw new AppError('validation_failed', 'Only a select attribute has options', [{ path: 'body.options', message: `a ${type} attribute has no options` }]);
}

export async function createDefinition(scope: TenantScope, actor: AuditActor, input: NewDefinition): Promise<AttributeDefinitionView> {
  checkOptions(input.type, input.options);
  return scope.transaction(async (trx) => {
    const count = await trx.selectFrom('customer_attribute_definitions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_DEFINITIONS) throw new AppError('conflict', `A workspace has at most ${MAX_DEFINITIONS} attributes`);
    const row = await trx
      .insertInto('customer_attribute_definitions', {
        key: input.key,
        label: input.label,
        type: input.type,
        options: input.options ?? [],
        description: input.description ?? null,
        position: input.position ?? Number(count.n),
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('conflict', `The attribute ${input.key} is already defined`);
    await recordAudit(trx, actor, { action: 'customer_attribute.defined', targetType: 'workspace', targetId: trx.workspaceId, details: { key: input.key, type: input.type } });
    return toView(row);
  });
}

// The type cannot change: values already stored were validated against it. Options may be added
// or renamed only if no customer holds a removed option (checked here, so nothing becomes invalid).
export async function updateDefinition(scope: TenantScope, actor: AuditActor, key: string, change: DefinitionChange): Promise<AttributeDefinitionView> {
  return scope.transaction(async (trx) => {
    const current = await trx.selectFrom('customer_attribute_definitions').selectAll().where('key', '=', key).forUpdate().executeTakeFirst();
    if (!current) throw new AppError('not_found', `No attribute ${key} is defined`);
    if (change.options !== undefined) {
      checkOptions(current.type, change.options);
      const removed = current.options.filter((o) => !change.options!.includes(o));
      if (removed.length) {
        const held = await trx
          .selectFrom('customers')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where((eb) => eb(eb.ref('attributes', '->>').key(key), 'in', removed))
          .executeTakeFirstOrThrow();
        if (Number(held.n) > 0) {
          throw new AppError('conflict', `${held.n} customers have ${removed.join(', ')} as ${key}; change their value before removing the option`, { removed, customers: Number(held.n) });
        }
      }
    }
    const row = await trx
      .updateTable('customer_attribute_definitions')
      .set({
        ...(change.label !== undefined ? { label: change.label } : {}),
        ...(change.options !== undefined ? { options: change.options } : {}),
        ...(change.description !== undefined ? { description: change.description } : {}),
        ...(change.position !== undefined ? { position: change.position } : {}),
        updated_at: new Date(),
      })
      .where('key', '=', key)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'customer_attribute.changed', targetType: 'workspace', targetId: trx.workspaceId, details: { key, fields: Object.keys(change) } });
    return toView(row);
  });
}

// The whole order at once, so two admins reordering never leave two fields on one position. The
// list must name every defined key exactly once: anything else is refused, naming the difference.
export async function reorderDefinitions(scope: TenantScope, actor: AuditActor, keys: string[]): Promise<AttributeDefinitionView[]> {
  return scope.transaction(async (trx) => {
    const defined = (await trx.selectFrom('customer_attribute_definitions').select('key').orderBy('key').forUpdate().execute()).map((r) => r.key);
    const unknown = keys.filter((k) => !defined.includes(k));
    const missing = defined.filter((k) => !keys.includes(k));
    if (unknown.length || missing.length) {
      const parts = [unknown.length ? `not defined: ${unknown.join(', ')}` : '', missing.length ? `missing: ${missing.join(', ')}` : ''].filter(Boolean);
      throw new AppError('bad_request', `The order must list every defined attribute once (${parts.join('; ')})`, { unknown, missing });
    }
    await sql`
      update customer_attribute_definitions d set position = o.position - 1, updated_at = now()
      from unnest(${keys}::text[]) with ordinality as o (key, position)
      where d.workspace_id = ${trx.workspaceId} and d.key = o.key`.execute(trx.db);
    await recordAudit(trx, actor, { action: 'customer_attribute.reordered', targetType: 'workspace', targetId: trx.workspaceId, details: { keys } });
    return listDefinitions(trx);
  });
}

// Values stay on the customers, untyped from now on: deleting a definition loses no data.
export async function deleteDefinition(scope: TenantScope, actor: AuditActor, key: string): Promise<void> {
  await scope.transaction(async (trx) => {
    const gone = await trx.deleteFrom('customer_attribute_definitions').where('key', '=', key).returning('key').executeTakeFirst();
    if (!gone) throw new AppError('not_found', `No attribute ${key} is defined`);
    await recordAudit(trx, actor, { action: 'customer_attribute.deleted', targetType: 'workspace', targetId: trx.workspaceId, details: { key } });
  });
}

export type AttributePatch = Record<string, unknown>;

// Checks each defined key of a patch against its type (all problems reported at once, each naming
// its attribute); keys without a definition are kept as sent. A null removes the attribute.
export async function validateAttributes(scope: TenantScope, patch: AttributePatch, pathPrefix = 'body.attributes', fromText = false): Promise<Record<string, AttributeValue | null>> {
  const keys = Object.keys(patch);
  if (!keys.length) return {};
  const defs = await scope.selectFrom('customer_attribute_definitions').selectAll().where('key', 'in', keys).execute();
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const out: Record<string, AttributeValue | null> = {};
  const problems: Array<{ path: string; message: string }> = [];
  for (const [key, raw] of Object.entries(patch)) {
    const def = byKey.get(key);
    if (raw === null || (fromText && raw === '')) {
      out[key] = null;
      continue;
    }
    if (!def) {
      out[key] = raw as AttributeValue;
      continue;
    }
    const result = coerceAttribute(def, raw, fromText);
    if ('error' in result) problems.push({ path: `${pathPrefix}.${key}`, message: `${def.label} ${result.error}` });
    else out[key] = result.value;
  }
  if (problems.length) throw new AppError('validation_failed', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
  return out;
}

// Applies a validated patch to the stored attributes: null removes a key.
export function applyAttributes(current: Record<string, unknown>, patch: Record<string, AttributeValue | null>): Record<string, unknown> {
  const next = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}
