import type { TenantScope } from '../../platform/db/tenant-scope.ts';

export type AuditActor = { type: 'employee' | 'api_token' | 'visitor' | 'system'; id: string | null };

export type AuditEntry = {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

// Written in the caller's transaction: an action and its audit record commit together or not at all.
export async function recordAudit(scope: TenantScope, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await scope
    .insertInto('audit_log', {
      actor_type: actor.type,
      actor_id: actor.id,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export async function listAudit(scope: TenantScope, opts: { limit: number; beforeId?: string }) {
  let q = scope.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(opts.limit);
  if (opts.beforeId) q = q.where('id', '<', opts.beforeId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    actorType: r.actor_type,
    actorId: r.actor_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    details: r.details,
    createdAt: r.created_at.toISOString(),
  }));
}
