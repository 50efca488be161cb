import { sql } from 'kysely';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { currentScore } from '../bonds/bond.service.ts';
import type { Filters } from './kpi.facts.ts';
import { reporting } from './kpi-reporting.ts';

// Each bonded customer's strongest bond with an active employee (the same rule as bonds'
// concentration and trusted employee) and the share of their bond score it holds — 1 when one person
// is their only tie, 1/n when n people share them evenly — are kept in kpi_strongest_bonds by the
// database on every write to bonds (migration 027: the ranking does not change as bonds fade).

export type BondRow = { employeeId: string; name: string; teamId: string | null; customers: number; topShareSum: number };

// Per employee: the customers whose strongest bond is them.
export async function bondConcentration(scope: TenantScope): Promise<{ bonded: number; rows: BondRow[] }> {
  const w = scope.workspaceId;
  const { rows } = await reporting(scope, (db) =>
    sql<{ employee_id: string; name: string; team_id: string | null; customers: number; top_share_sum: number }>`
      select s.employee_id, e.name, e.team_id, s.customers, s.top_share_sum
      from (select k.employee_id, count(*)::int as customers, sum(k.top_share)::float8 as top_share_sum from kpi_strongest_bonds k where k.workspace_id = ${w} group by k.employee_id) s
      join employees e on e.workspace_id = ${w} and e.id = s.employee_id`.execute(db),
  );
  const list = rows
    .map((r) => ({ employeeId: r.employee_id, name: r.name, teamId: r.team_id, customers: Number(r.customers), topShareSum: Number(r.top_share_sum) }))
    .sort((a, b) => b.customers - a.customers || a.name.localeCompare(b.name));
  return { bonded: list.reduce((n, r) => n + r.customers, 0), rows: list };
}

// The employees a team or employee filter keeps; the shares stay those of the whole workspace.
export const keptBy = (f: Filters) => (r: BondRow) => (!f.teamId || r.teamId === f.teamId) && (!f.employeeId || r.employeeId === f.employeeId);

// The customers behind one employee's bar, most exclusive first, with the bond's score today.
export function bondFacts(w: string, employeeId: string) {
  return sql`
    select now() as at, (select c.id from conversations c where c.workspace_id = ${w} and c.customer_id = k.customer_id order by c.updated_at desc limit 1) as conversation_id,
      k.customer_id, round(${currentScore('b')}::numeric, 3)::float8 as bond_score, round(k.top_share::numeric, 3)::float8 as top_share
    from kpi_strongest_bonds k
    join bonds b on b.workspace_id = k.workspace_id and b.customer_id = k.customer_id and b.employee_id = k.employee_id
    where k.workspace_id = ${w} and k.employee_id = ${employeeId}::uuid`;
}
