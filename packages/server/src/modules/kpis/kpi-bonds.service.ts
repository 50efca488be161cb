import { sql, type RawBuilder } from 'kysely';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { currentScore } from '../bonds/bond.service.ts';
import { reporting } from './kpi-reporting.ts';
import type { Filters } from './kpi.facts.ts';

// Each bonded customer's strongest bond with an active employee (decayed to now; the same rule as
// bonds' concentration and trusted employee) and the share of their bond score it holds: 1 when one
// person is their only tie, 1/n when n people share them evenly. Bonds with people who left are ignored.
// `customers` narrows the customers ranked (the list behind one employee's bar).
const strongest = (w: string, customers: RawBuilder<unknown> = sql`true`) => sql`
  select r.customer_id, r.employee_id, r.name, r.team_id, r.score, r.score / r.total as top_share
  from (
    select d.*, sum(d.score) over (partition by d.customer_id) as total,
      row_number() over (partition by d.customer_id order by d.score desc, d.employee_id) as rank
    from (
      select b.customer_id, b.employee_id, e.name, e.team_id, ${currentScore('b')} as score
      from bonds b join employees e on e.workspace_id = b.workspace_id and e.id = b.employee_id
      where b.workspace_id = ${w} and e.active and ${customers}
    ) d
  ) r
  where r.rank = 1 and r.total > 0`;

export type BondRow = { employeeId: string; name: string; teamId: string | null; customers: number; topShareSum: number };

// Per employee: the customers whose strongest bond is them (one statement over the workspace's bonds).
export async function bondConcentration(scope: TenantScope): Promise<{ bonded: number; rows: BondRow[] }> {
  const w = scope.workspaceId;
  const { rows } = await reporting(scope, (db) => sql<{ employee_id: string; name: string; team_id: string | null; customers: number; top_share_sum: number }>`
    select s.employee_id, s.name, s.team_id, count(*)::int as customers, sum(s.top_share)::float8 as top_share_sum
    from (${strongest(w)}) s
    group by s.employee_id, s.name, s.team_id`.execute(db));
  const list = rows
    .map((r) => ({ employeeId: r.employee_id, name: r.name, teamId: r.team_id, customers: Number(r.customers), topShareSum: Number(r.top_share_sum) }))
    .sort((a, b) => b.customers - a.customers || a.name.localeCompare(b.name));
  return { bonded: list.reduce((n, r) => n + r.customers, 0), rows: list };
}

// The employees a team or employee filter keeps; the shares stay those of the whole workspace.
export const keptBy = (f: Filters) => (r: BondRow) => (!f.teamId || r.teamId === f.teamId) && (!f.employeeId || r.employeeId === f.employeeId);

// The customers behind one employee's bar, most exclusive first: only customers bonded with them are ranked.
export function bondFacts(w: string, employeeId: string) {
  return sql`
    select now() as at, (select c.id from conversations c where c.workspace_id = ${w} and c.customer_id = s.customer_id order by c.updated_at desc limit 1) as conversation_id,
      s.customer_id, round(s.score::numeric, 3)::float8 as bond_score, round(s.top_share::numeric, 3)::float8 as top_share
    from (${strongest(w, sql`b.customer_id in (select o.customer_id from bonds o where o.workspace_id = ${w} and o.employee_id = ${employeeId}::uuid)`)}) s
    where s.employee_id = ${employeeId}::uuid`;
}
