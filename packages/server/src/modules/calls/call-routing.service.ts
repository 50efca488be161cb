import { sql } from 'kysely';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { currentScore } from '../bonds/bond.service.ts';

// An employee can answer a call when their web app is open (it pings every 30 s and marks them seen
// at most once a minute) and they are not already in a call.
export const CALL_ONLINE_WINDOW_SECONDS = 120;

export type RingReason = 'trusted_employee' | 'assignee' | 'team' | 'available';
export type RingPlan = { queue: string[]; reason: RingReason | null };

export async function availableEmployees(scope: TenantScope): Promise<Array<{ id: string; team_id: string | null }>> {
  return scope
    .selectFrom('employees')
    .select(['id', 'team_id'])
    .where('active', '=', true)
    .where(sql<boolean>`last_seen_at > now() - ${sql.lit(`${CALL_ONLINE_WINDOW_SECONDS} seconds`)}::interval`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('calls').select('calls.id').whereRef('calls.answered_by', '=', 'employees.id').where('calls.status', '=', 'active'))),
    )
    .orderBy('last_seen_at', 'desc')
    .execute();
}

// Who rings, in order: the customer's trusted employee (strongest bond), the conversation's assignee,
// the people of that employee's or the conversation's team, then anyone else who can answer. Only
// employees who can answer now are in the queue; `reason` says why the first one rings.
export async function ringPlanFor(scope: TenantScope, conversation: { customer_id: string; assignee_id: string | null; team_id: string | null }): Promise<RingPlan> {
  const [available, trusted] = await Promise.all([
    availableEmployees(scope),
    scope
      .selectFrom('bonds')
      .innerJoin('employees', (j) => j.onRef('employees.id', '=', 'bonds.employee_id').onRef('employees.workspace_id', '=', 'bonds.workspace_id'))
      .select(['employees.id', 'employees.team_id'])
      .where('bonds.customer_id', '=', conversation.customer_id)
      .where('employees.active', '=', true)
      .orderBy(currentScore(), 'desc')
      .orderBy('employees.id')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const can = new Map(available.map((e) => [e.id, e]));
  const queue: string[] = [];
  let reason: RingReason | null = null;
  const add = (id: string | null | undefined, why: RingReason) => {
    if (!id || !can.has(id) || queue.includes(id)) return;
    queue.push(id);
    reason ??= why;
  };
  add(trusted?.id, 'trusted_employee');
  add(conversation.assignee_id, 'assignee');
  const teams = new Set([trusted?.team_id, conversation.team_id].filter((t): t is string => !!t));
  for (const e of available) if (e.team_id && teams.has(e.team_id)) add(e.id, 'team');
  for (const e of available) add(e.id, 'available');
  return { queue, reason };
}
