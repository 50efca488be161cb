import type { Db } from '../../platform/db/database.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { EmployeePrincipal } from '../../platform/http/principal.ts';
import { hashPassword, verifyPassword } from '../../platform/security/password.ts';
import { randomToken, sha256 } from '../../platform/security/tokens.ts';
import { recordAudit } from '../audit/audit.service.ts';

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const decoyHash = hashPassword(randomToken());

export type LoginResult = { sessionToken: string; csrfToken: string; employeeId: string; workspaceId: string; expiresAt: Date };

export async function login(db: Db, email: string, password: string, sessionDays: number): Promise<LoginResult> {
  const employee = await db
    .selectFrom('employees')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', [eb.ref('email')]), '=', email.toLowerCase()))
    .executeTakeFirst();
  const ok = await verifyPassword(password, employee?.password_hash ?? (await decoyHash));
  if (!employee || !employee.password_hash || !ok || !employee.active) {
    throw new AppError('unauthorized', 'Wrong email or password');
  }
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + sessionDays * 86_400_000);
  const scope = tenantScope(db, employee.workspace_id);
  await scope.transaction(async (trx) => {
    await trx
      .insertInto('sessions', { id: sha256(sessionToken), employee_id: employee.id, csrf_token: csrfToken, expires_at: expiresAt })
      .execute();
    await recordAudit(trx, { type: 'employee', id: employee.id }, { action: 'auth.login', targetType: 'employee', targetId: employee.id });
  });
  return { sessionToken, csrfToken, employeeId: employee.id, workspaceId: employee.workspace_id, expiresAt };
}

export async function principalFromSession(db: Db, sessionToken: string): Promise<EmployeePrincipal | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('employees', (j) =>
      j.onRef('employees.id', '=', 'sessions.employee_id').onRef('employees.workspace_id', '=', 'sessions.workspace_id'),
    )
    .select(['sessions.id', 'sessions.workspace_id', 'sessions.employee_id', 'sessions.csrf_token', 'sessions.expires_at', 'employees.role', 'employees.active'])
    .where('sessions.id', '=', sha256(sessionToken))
    .executeTakeFirst();
  if (!row || !row.active || row.expires_at.getTime() < Date.now()) return null;
  return {
    kind: 'employee',
    workspaceId: row.workspace_id,
    employeeId: row.employee_id,
    role: row.role,
    via: 'session',
    sessionId: row.id,
    csrfToken: row.csrf_token,
  };
}

export async function logout(db: Db, principal: EmployeePrincipal): Promise<void> {
  if (!principal.sessionId) return;
  await tenantScope(db, principal.workspaceId).deleteFrom('sessions').where('id', '=', principal.sessionId).execute();
}
