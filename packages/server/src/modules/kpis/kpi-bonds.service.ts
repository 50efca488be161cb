import { sql, type RawBuilder } from 'kysely';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { currentScore } from '../bonds/bond.service.ts';
import type { Filters } from './kpi.facts.ts';

// Each bonded customer's strongest bond with an active employee (decayed to now; the same rule as
// bonds' concentration and trusted employee) and the share of their bond score it holds: 1 when one
// person is their only tie, 1/n when n people share them evenly. Bonds with people who left are ignored.
const strongest = (w: string) => sql`
  select r.customer_id, r.employee_id, r.score, r.score / nullif(r.total, 0) as top_share
  from (
    select b.customer_id, b.employee_id, ${currentScore('b')} as score,
      sum(${currentScore('b')}) over (partition by b.customer_id) as total,
      row_number() over (partition by b.customer_id order by ${currentScore('b')} desc, b.employee_id) as rank
    from bonds b join employees e on e.workspace_id = b.workspace_id and e.id = b.employee_id
    where b.workspace_id = ${w} and e.active
  ) r
  where r.rank = 1 and r.total > 0`;

const employeeFilter = (w: string, f: Filters): RawBuilder<unknown> =>
  sql.join([
    sql`true`,
    ...(f.teamId ? [sql`s.employee_id in (select e.id from employees e where e.workspace_id = ${w} and e.team_id = ${f.teamId}::uuid)`] : []),
    ...(f.employeeId ? [sql`s.employee_id = ${f.employeeId}::uuid`] : []),
  ], sql` and `);

export type BondRow = { employeeId: string; name: string; customers: number; topShareSum: number };

// Per employee: the customers whose strongest bond is them. The shares are of every bonded
// customer of the workspace, so a team's employees show their part of the whole.
export async function bondConcentration(scope: TenantScope, f: Filters): Promise<{ bonded: number; rows: BondRow[] }> {
  const w = scope.workspaceId;
  const { rows } = await sql<{ employee_id: string | null; name: string | null; customers: number; top_share_sum: number }>`
    with s as (${strongest(w)})
    select s.employee_id, e.name, count(*)::int as customers, sum(s.top_share)::float8 as top_share_sum
    from s join employees e on e.workspace_id = ${w} and e.id = s.employee_id
    group by grouping sets ((s.employee_id, e.name), ())
    having grouping(s.employee_id) = 1 or ${employeeFilter(w, f)}`.execute(scope.db);
  const all = rows.find((r) => r.employee_id === null);
  return {
    bonded: Number(all?.customers ?? 0),
    rows: rows
      .filter((r) => r.employee_id !== null)
      .map((r) => ({ employeeId: r.employee_id!, name: r.name ?? '', customers: Number(r.customers), topShareSum: Number(r.top_share_sum) }))
      .sort((a, b) => b.customers - a.customers || a.name.localeCompare(b.name)),
  };
}

// The customers behind one employee's bar: strongest-first.
export function bondFacts(w: string, employeeId: string) {
  return sql`
    select now() as at, (select c.id from conversations c where c.workspace_id = ${w} and c.customer_id = s.customer_id order by c.updated_at desc limit 1) as conversation_id,
      s.customer_id, round(s.score::numeric, 3)::float8 as bond_score, round(s.top_share::numeric, 3)::float8 as top_share
    from (${strongest(w)}) s
    where s.employee_id = ${employeeId}::uuid`;
}
