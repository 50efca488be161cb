import type { Locale } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import type { EmployeePrincipal } from '../../platform/http/principal.ts';
import { actorOf } from '../audit/audit-actor.ts';
import type { Decider } from './suggestion.service.ts';

// The language an employee reads reasons in: their own, else Spanish.
export async function localeOf(scope: TenantScope, me: EmployeePrincipal): Promise<Locale> {
  if (!me.employeeId) return 'es';
  const row = await scope.selectFrom('employees').select('locale').where('id', '=', me.employeeId).executeTakeFirst();
  return row?.locale ?? 'es';
}

export const deciderOf = (me: EmployeePrincipal): Decider => ({ actor: actorOf(me), employeeId: me.employeeId, role: me.role });
