import { sql } from 'kysely';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { ONLINE_WINDOW_MS } from '../employees/presence.service.ts';
import { currentScore } from './bond.service.ts';

export type RoutingMode = 'trusted' | 'off';
export const DEFAULT_ROUTING_CAPACITY = 10;

// Why a new conversation went where it went; recorded in the audit log as `conversation.routed`.
export type RoutingReason =
  | 'routing_off' // the workspace turned routing off: general queue
  | 'no_bond' // the customer has no bond with an active employee yet: general queue
  | 'trusted_employee' // assigned to the trusted employee, online and under capacity
  | 'trusted_team' // the trusted employee is offline or at capacity: their team
  | 'general_queue'; // the trusted employee is unavailable and has no team

export type RoutingDecision = {
  assigneeId: string | null;
  teamId: string | null;
  reason: RoutingReason;
  trustedEmployeeId: string | null;
  // Why the trusted employee was passed over, when they were.
  unavailable?: 'offline' | 'at_capacity';
  openAssigned?: number;
  capacity?: number;
};

// An employee's load: the open or pending conversations assigned to them (`employees` row in scope).
export const openAssigned = () =>
  sql<number>`(select count(*)::int from conversations c
    where c.workspace_id = employees.workspace_id and c.assignee_id = employees.id and c.status in ('open', 'pending'))`;

export type RoutingSettings = { mode: RoutingMode; capacity: number };

export function routingSettingsOf(settings: Record<string, unknown>): RoutingSettings {
  const capacity = settings.routingCapacity;
  return {
    mode: settings.routing === 'off' ? 'off' : 'trusted',
    capacity: typeof capacity === 'number' && Number.isInteger(capacity) && capacity > 0 ? capacity : DEFAULT_ROUTING_CAPACITY,
  };
}

// Where a new conversation of this customer goes: to the trusted employee (strongest bond with an
// active employee) when online (seen in the last 5 minutes) and under capacity (fewer open or
// pending assigned conversations than the workspace's routingCapacity), else to that employee's
// team, else to the general queue (unassigned).
export async function routeNewConversation(scope: TenantScope, customerId: string): Promise<RoutingDecision> {
  const ws = await scope.db.selectFrom('workspaces').select('settings').where('id', '=', scope.workspaceId).executeTakeFirst();
  if (!ws) throw new AppError('not_found', 'Workspace not found');
  const settings = routingSettingsOf(ws.settings);
  if (settings.mode === 'off') return { assigneeId: null, teamId: null, reason: 'routing_off', trustedEmployeeId: null };
  const trusted = await scope
    .selectFrom('bonds')
    .innerJoin('employees', (j) => j.onRef('employees.id', '=', 'bonds.employee_id').onRef('employees.workspace_id', '=', 'bonds.workspace_id'))
    .select(['employees.id', 'employees.team_id'])
    .select(sql<boolean>`coalesce(employees.last_seen_at > now() - ${sql.lit(`${ONLINE_WINDOW_MS / 1000} seconds`)}::interval, false)`.as('online'))
    .select(openAssigned().as('open_assigned'))
    .where('bonds.customer_id', '=', customerId)
    .where('employees.active', '=', true)
    .orderBy(currentScore(), 'desc')
    .orderBy('employees.id')
    .limit(1)
    .executeTakeFirst();
  if (!trusted) return { assigneeId: null, teamId: null, reason: 'no_bond', trustedEmployeeId: null };
  const load = Number(trusted.open_assigned ?? 0);
  const base = { trustedEmployeeId: trusted.id, openAssigned: load, capacity: settings.capacity };
  if (trusted.online && load < settings.capacity) return { ...base, assigneeId: trusted.id, teamId: trusted.team_id, reason: 'trusted_employee' };
  const unavailable = trusted.online ? 'at_capacity' : 'offline';
  if (trusted.team_id) return { ...base, assigneeId: null, teamId: trusted.team_id, reason: 'trusted_team', unavailable };
  return { ...base, assigneeId: null, teamId: null, reason: 'general_queue', unavailable };
}

// Why a conversation went where it went (the `conversation.routed` audit entry), for any employee.
export async function routingOf(scope: TenantScope, conversationId: string): Promise<(RoutingDecision & { at: string }) | null> {
  const row = await scope
    .selectFrom('audit_log')
    .select(['details', 'created_at'])
    .where('action', '=', 'conversation.routed')
    .where('target_type', '=', 'conversation')
    .where('target_id', '=', conversationId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ...(row.details as RoutingDecision), at: row.created_at.toISOString() } : null;
}
