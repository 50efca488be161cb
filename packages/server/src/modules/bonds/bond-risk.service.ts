import { sql } from 'kysely';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { notFound } from '../../platform/http/app-error.ts';
import { lifetimeValueSql } from '../customers/customer-orders.service.ts';
import { valueOf } from '../reaction/customer-state.ts';
import { openAssigned } from './bond-routing.service.ts';
import { currentScore } from './bond.service.ts';
import { draftLocaleOf, introductionDraft, type DraftLocale } from './handover-draft.ts';

export type Successor = { employeeId: string; name: string; reason: 'second_strongest_bond' | 'same_team_least_loaded'; bondScore: number | null };

export type AtRiskCustomer = {
  customerId: string;
  name: string | null;
  value: number | null;
  mood: { score: number; trend: string; alert: boolean } | null;
  bondScore: number;
  successor: Successor | null;
  // Drafted for a person to edit and send; Vínculo never sends it.
  draft: { locale: DraftLocale; text: string } | null;
};

export type DepartureRisk = {
  employee: { id: string; name: string; active: boolean; teamId: string | null };
  customers: AtRiskCustomer[];
  totalValueAtRisk: number;
};

const round = (n: number) => Math.round(n * 1000) / 1000;

// The customers whose strongest bond is this employee (among active employees and this one, so it
// also answers for someone already deactivated), with value, mood and a handover plan: the successor
// is the customer's next strongest bond with another active employee, else the least-loaded active
// employee of the same team (fewest open or pending assigned conversations).
export async function departureRisk(scope: TenantScope, employeeId: string): Promise<DepartureRisk> {
  const employee = await scope.selectFrom('employees').select(['id', 'name', 'active', 'team_id']).where('id', '=', employeeId).executeTakeFirst();
  if (!employee) throw notFound('Employee');
  const ws = scope.workspaceId;
  const score = currentScore('b');
  const rows = await sql<{
    customer_id: string;
    name: string | null;
    locale: string | null;
    attributes: Record<string, unknown>;
    lifetime_value: number | null;
    score: number;
    mood_score: number | null;
    mood_trend: string | null;
    mood_alert: boolean | null;
    next_id: string | null;
    next_name: string | null;
    next_score: number | null;
  }>`
    with mine as (
      select b.customer_id from bonds b where b.workspace_id = ${ws} and b.employee_id = ${employeeId}
    ),
    strongest as (
      select distinct on (b.customer_id) b.customer_id, b.employee_id, ${score} as score
      from bonds b join employees e on e.workspace_id = b.workspace_id and e.id = b.employee_id
      where b.workspace_id = ${ws} and b.customer_id in (select customer_id from mine) and (e.active or e.id = ${employeeId})
      order by b.customer_id, ${score} desc, b.employee_id
    )
    select s.customer_id, c.name, c.locale, c.attributes, ${lifetimeValueSql('c.workspace_id', 'c.id')} as lifetime_value, s.score,
      m.score as mood_score, m.trend as mood_trend, m.alert as mood_alert,
      nx.employee_id as next_id, nx.name as next_name, nx.score as next_score
    from strongest s
    join customers c on c.workspace_id = ${ws} and c.id = s.customer_id and c.merged_into_id is null
    left join customer_moods m on m.customer_id = s.customer_id and m.workspace_id = ${ws}
    left join lateral (
      select b.employee_id, e.name, ${score} as score
      from bonds b join employees e on e.workspace_id = b.workspace_id and e.id = b.employee_id
      where b.workspace_id = ${ws} and b.customer_id = s.customer_id and b.employee_id <> ${employeeId} and e.active
      order by ${score} desc, b.employee_id
      limit 1
    ) nx on true
    where s.employee_id = ${employeeId}
    order by s.score desc, s.customer_id
  `.execute(scope.db);

  const workspace = await scope.db.selectFrom('workspaces').select(['name', 'settings']).where('id', '=', ws).executeTakeFirstOrThrow();
  const teamFallback = employee.team_id && rows.rows.some((r) => !r.next_id) ? await leastLoadedTeammate(scope, employee.team_id, employeeId) : null;
  const defaultLocale = typeof workspace.settings.defaultLocale === 'string' ? workspace.settings.defaultLocale : undefined;

  const customers = rows.rows.map((r): AtRiskCustomer => {
    const successor: Successor | null = r.next_id
      ? { employeeId: r.next_id, name: r.next_name ?? '', reason: 'second_strongest_bond', bondScore: round(Number(r.next_score)) }
      : teamFallback
        ? { employeeId: teamFallback.id, name: teamFallback.name, reason: 'same_team_least_loaded', bondScore: null }
        : null;
    const locale = draftLocaleOf(r.locale, defaultLocale);
    return {
      customerId: r.customer_id,
      name: r.name,
      value: valueOf(r.attributes, r.lifetime_value) ?? null,
      mood: r.mood_score === null ? null : { score: round(r.mood_score), trend: r.mood_trend ?? 'stable', alert: Boolean(r.mood_alert) },
      bondScore: round(Number(r.score)),
      successor,
      draft: successor
        ? { locale, text: introductionDraft({ locale, customerName: r.name, successorName: successor.name, leavingName: employee.name, company: workspace.name }) }
        : null,
    };
  });
  return {
    employee: { id: employee.id, name: employee.name, active: employee.active, teamId: employee.team_id },
    customers,
    totalValueAtRisk: customers.reduce((sum, c) => sum + (c.value ?? 0), 0),
  };
}

async function leastLoadedTeammate(scope: TenantScope, teamId: string, except: string) {
  return scope
    .selectFrom('employees')
    .select(['employees.id', 'employees.name'])
    .select(openAssigned().as('load'))
    .where('employees.team_id', '=', teamId)
    .where('employees.active', '=', true)
    .where('employees.id', '<>', except)
    .orderBy('load')
    .orderBy('employees.id')
    .limit(1)
    .executeTakeFirst();
}

export type Concentration = {
  customersWithBonds: number;
  employees: Array<{ employeeId: string; name: string; customers: number; share: number }>;
  // The largest share of customers whose strongest bond is one person, and who.
  largestShare: number;
  largestEmployeeId: string | null;
};

// How many customers hang on each active employee (their strongest bond), in one statement.
export async function bondConcentration(scope: TenantScope): Promise<Concentration> {
  const ws = scope.workspaceId;
  const score = currentScore('b');
  const rows = await sql<{ employee_id: string; name: string; customers: number }>`
    with strongest as (
      select distinct on (b.customer_id) b.customer_id, b.employee_id
      from bonds b join employees e on e.workspace_id = b.workspace_id and e.id = b.employee_id
      where b.workspace_id = ${ws} and e.active
      order by b.customer_id, ${score} desc, b.employee_id
    )
    select s.employee_id, e.name, count(*)::int as customers
    from strongest s join employees e on e.workspace_id = ${ws} and e.id = s.employee_id
    group by s.employee_id, e.name
    order by customers desc, s.employee_id
  `.execute(scope.db);
  const total = rows.rows.reduce((sum, r) => sum + r.customers, 0);
  const employees = rows.rows.map((r) => ({ employeeId: r.employee_id, name: r.name, customers: r.customers, share: total ? round(r.customers / total) : 0 }));
  return { customersWithBonds: total, employees, largestShare: employees[0]?.share ?? 0, largestEmployeeId: employees[0]?.employeeId ?? null };
}
