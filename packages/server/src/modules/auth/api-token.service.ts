import type { Db } from '../../platform/db/database.ts';
import type { Role } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { notFound } from '../../platform/http/app-error.ts';
import type { EmployeePrincipal } from '../../platform/http/principal.ts';
import { randomToken, sha256 } from '../../platform/security/tokens.ts';

export type ApiTokenView = {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

type Row = { id: string; name: string; role: Role; created_at: Date; last_used_at: Date | null; revoked_at: Date | null };
const toView = (r: Row): ApiTokenView => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

// The secret is returned once; only its SHA-256 is stored (it is random, so no slow hash is needed).
export async function createApiToken(
  scope: TenantScope,
  input: { name: string; role: Role; createdBy: string | null },
): Promise<ApiTokenView & { token: string }> {
  const token = `vk_${randomToken(32)}`;
  const row = await scope
    .insertInto('api_tokens', { name: input.name, role: input.role, created_by: input.createdBy, token_hash: sha256(token) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...toView(row), token };
}

export async function listApiTokens(scope: TenantScope): Promise<ApiTokenView[]> {
  return (await scope.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute()).map(toView);
}

export async function revokeApiToken(scope: TenantScope, id: string): Promise<void> {
  const res = await scope
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound('Active API token');
}

export async function principalFromApiToken(db: Db, token: string): Promise<EmployeePrincipal | null> {
  const row = await db
    .updateTable('api_tokens')
    .set({ last_used_at: new Date() })
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .returning(['id', 'workspace_id', 'role', 'created_by'])
    .executeTakeFirst();
  if (!row) return null;
  return { kind: 'employee', workspaceId: row.workspace_id, employeeId: null, role: row.role, via: 'api_token', apiTokenId: row.id };
}
