import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { EmployeesTable, Locale, Role } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { hashPassword } from '../../platform/security/password.ts';

type EmployeeRow = Selectable<EmployeesTable>;

export type EmployeeView = {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  locale: Locale;
  active: boolean;
  createdAt: string;
};

export const toEmployeeView = (e: EmployeeRow): EmployeeView => ({
  id: e.id,
  email: e.email,
  name: e.name,
  role: e.role,
  teamId: e.team_id,
  locale: e.locale,
  active: e.active,
  createdAt: e.created_at.toISOString(),
});

export type NewEmployee = {
  email: string;
  name: string;
  role: Role;
  password?: string;
  teamId?: string | null;
  locale?: Locale;
};

async function assertTeam(scope: TenantScope, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  const team = await scope.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!team) throw new AppError('validation_failed', `Team ${teamId} does not exist in this workspace`);
}

export async function createEmployee(scope: TenantScope, input: NewEmployee): Promise<EmployeeRow> {
  await assertTeam(scope, input.teamId);
  const email = input.email.toLowerCase();
  const row = await scope
    .insertInto('employees', {
      email,
      name: input.name,
      role: input.role,
      team_id: input.teamId ?? null,
      locale: input.locale,
      password_hash: input.password ? await hashPassword(input.password) : null,
    })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('conflict', `An employee with the email ${email} already exists`);
  return row;
}

export async function listEmployees(scope: TenantScope): Promise<EmployeeRow[]> {
  return scope.selectFrom('employees').selectAll().orderBy('name').execute();
}

export async function getEmployee(scope: TenantScope, id: string): Promise<EmployeeRow> {
  const row = await scope.selectFrom('employees').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Employee');
  return row;
}

export async function updateEmployee(
  scope: TenantScope,
  id: string,
  patch: { name?: string; role?: Role; teamId?: string | null; locale?: Locale; active?: boolean; password?: string },
): Promise<EmployeeRow> {
  await getEmployee(scope, id);
  await assertTeam(scope, patch.teamId);
  const row = await scope
    .updateTable('employees')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.teamId !== undefined ? { team_id: patch.teamId } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.password !== undefined ? { password_hash: await hashPassword(patch.password) } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (patch.active === false || patch.password !== undefined) {
    await scope.deleteFrom('sessions').where('employee_id', '=', id).execute();
  }
  return row;
}
