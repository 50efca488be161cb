import type { Selectable } from 'kysely';
import type { ActionPlansTable, ActionPlanStatus } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import type { EmployeePrincipal } from '../../platform/http/principal.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { KpiName } from '../kpis/kpi.schema.ts';
import type { CreatePlanBody, ListPlansQuery, NoteBody, PlanLink, UpdatePlanBody } from './action-plan.schema.ts';

export type PlanNote = { id: string; author: { id: string; name: string } | null; text: string; progress: number | null; status: ActionPlanStatus | null; createdAt: string };

export type ActionPlan = {
  id: string;
  team: { id: string; name: string };
  title: string;
  description: string;
  link: PlanLink;
  owner: { id: string; name: string } | null;
  dueOn: string;
  status: ActionPlanStatus;
  progress: number;
  overdue: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  noteCount: number;
};

type PlanRow = Selectable<ActionPlansTable> & { team_name: string; owner_name: string | null; note_count: number | string };

const linkOf = (r: PlanRow): PlanLink => (r.topic_key ? { type: 'topic', topicId: r.topic_key, label: r.topic_label ?? r.topic_key } : { type: 'kpi', kpi: r.kpi as KpiName });

function toView(r: PlanRow, today: string): ActionPlan {
  return {
    id: r.id,
    team: { id: r.team_id, name: r.team_name },
    title: r.title,
    description: r.description,
    link: linkOf(r),
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    dueOn: r.due_on,
    status: r.status,
    progress: r.progress,
    overdue: (r.status === 'planned' || r.status === 'in_progress') && r.due_on < today,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    completedAt: r.completed_at ? r.completed_at.toISOString() : null,
    noteCount: Number(r.note_count),
  };
}

const invalid = (path: string, message: string) => new AppError('validation_failed', `${path}: ${message}`, [{ path, message }]);

// Admins edit every team's plans; a manager edits their own team's (the team lead). The plan's owner
// may also write progress notes on it.
async function assertCanEdit(scope: TenantScope, me: EmployeePrincipal, teamId: string, owner?: string | null): Promise<void> {
  if (me.role === 'admin') return;
  if (me.employeeId && owner && me.employeeId === owner) return;
  if (me.role === 'manager' && me.employeeId) {
    const self = await scope.selectFrom('employees').select('team_id').where('id', '=', me.employeeId).executeTakeFirst();
    if (self?.team_id === teamId) return;
  }
  throw new AppError('forbidden', owner !== undefined ? "Only admins, the team's managers and the plan's owner can write its progress" : "Only admins and the team's managers can change its action plans");
}

async function assertTeam(scope: TenantScope, teamId: string) {
  if (!(await scope.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst())) throw invalid('body.teamId', 'no such team in this workspace');
}

async function assertOwner(scope: TenantScope, ownerId: string) {
  const owner = await scope.selectFrom('employees').select('active').where('id', '=', ownerId).executeTakeFirst();
  if (!owner) throw invalid('body.ownerId', 'no such employee in this workspace');
  if (!owner.active) throw invalid('body.ownerId', 'this employee is deactivated');
}

const linkColumns = (link: PlanLink) => (link.type === 'topic' ? { topic_key: link.topicId, topic_label: link.label, kpi: null } : { topic_key: null, topic_label: null, kpi: link.kpi });

// Status and progress move together: "done" is 100 %, progress on a planned plan means it started.
function settle(current: { status: ActionPlanStatus; progress: number; completed_at: Date | null }, change: { status?: ActionPlanStatus; progress?: number }, now: Date) {
  let status = change.status ?? current.status;
  let progress = change.progress ?? current.progress;
  if (change.status === 'done') progress = 100;
  if (!change.status && status === 'planned' && progress > 0) status = 'in_progress';
  if (change.status === 'planned' && change.progress === undefined) progress = 0;
  if (status === 'done' && progress < 100) status = 'in_progress';
  const completed_at = status === 'done' ? (current.status === 'done' ? current.completed_at : now) : null;
  return { status, progress, completed_at };
}

function selectPlans(scope: TenantScope) {
  return scope
    .selectFrom('action_plans')
    .innerJoin('teams', (j) => j.onRef('teams.id', '=', 'action_plans.team_id').onRef('teams.workspace_id', '=', 'action_plans.workspace_id'))
    .leftJoin('employees as owner', (j) => j.onRef('owner.id', '=', 'action_plans.owner_id').onRef('owner.workspace_id', '=', 'action_plans.workspace_id'))
    .selectAll('action_plans')
    .select((eb) => [
      'teams.name as team_name',
      'owner.name as owner_name',
      eb.selectFrom('action_plan_notes').select((n) => n.fn.countAll<number>().as('c')).whereRef('action_plan_notes.plan_id', '=', 'action_plans.id').as('note_count'),
    ]);
}

const today = (now: Date) => now.toISOString().slice(0, 10);

export async function listPlans(scope: TenantScope, q: ListPlansQuery, now = new Date()): Promise<ActionPlan[]> {
  let query = selectPlans(scope).orderBy('action_plans.due_on').orderBy('action_plans.created_at');
  if (q.teamId) query = query.where('action_plans.team_id', '=', q.teamId);
  if (q.status) query = query.where('action_plans.status', '=', q.status);
  if (q.topicId) query = query.where('action_plans.topic_key', '=', q.topicId);
  if (q.kpi) query = query.where('action_plans.kpi', '=', q.kpi);
  return (await query.execute()).map((r) => toView(r as PlanRow, today(now)));
}

async function planRow(scope: TenantScope, id: string): Promise<PlanRow> {
  const row = await selectPlans(scope).where('action_plans.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Action plan');
  return row as PlanRow;
}

export async function getPlan(scope: TenantScope, id: string, now = new Date()): Promise<ActionPlan & { notes: PlanNote[] }> {
  const plan = toView(await planRow(scope, id), today(now));
  const notes = await scope
    .selectFrom('action_plan_notes')
    .leftJoin('employees', (j) => j.onRef('employees.id', '=', 'action_plan_notes.author_id').onRef('employees.workspace_id', '=', 'action_plan_notes.workspace_id'))
    .selectAll('action_plan_notes')
    .select('employees.name as author_name')
    .where('action_plan_notes.plan_id', '=', id)
    .orderBy('action_plan_notes.created_at', 'desc')
    .execute();
  return {
    ...plan,
    notes: notes.map((n) => ({ id: n.id, author: n.author_id ? { id: n.author_id, name: n.author_name ?? '' } : null, text: n.text, progress: n.progress, status: n.status, createdAt: n.created_at.toISOString() })),
  };
}

export async function createPlan(scope: TenantScope, me: EmployeePrincipal, body: CreatePlanBody, now = new Date()) {
  await assertTeam(scope, body.teamId);
  await assertCanEdit(scope, me, body.teamId);
  await assertOwner(scope, body.ownerId);
  const state = settle({ status: 'planned', progress: 0, completed_at: null }, { status: body.status, progress: body.progress }, now);
  const id = await scope.transaction(async (trx) => {
    const row = await trx
      .insertInto('action_plans', { team_id: body.teamId, title: body.title, description: body.description, ...linkColumns(body.link), owner_id: body.ownerId, due_on: body.dueOn, ...state, created_by: me.employeeId, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actorOf(me), { action: 'action_plan.created', targetType: 'action_plan', targetId: row.id, details: { teamId: body.teamId, title: body.title, link: body.link } });
    return row.id;
  });
  return getPlan(scope, id, now);
}

export async function updatePlan(scope: TenantScope, me: EmployeePrincipal, id: string, body: UpdatePlanBody, now = new Date()) {
  const current = await planRow(scope, id);
  await assertCanEdit(scope, me, current.team_id);
  if (body.ownerId) await assertOwner(scope, body.ownerId);
  const state = settle(current, body, now);
  await scope.transaction(async (trx) => {
    await trx
      .updateTable('action_plans')
      .set({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.link ? linkColumns(body.link) : {}),
        ...(body.ownerId ? { owner_id: body.ownerId } : {}),
        ...(body.dueOn ? { due_on: body.dueOn } : {}),
        ...state,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actorOf(me), { action: 'action_plan.updated', targetType: 'action_plan', targetId: id, details: { changes: body } });
  });
  return getPlan(scope, id, now);
}

export async function deletePlan(scope: TenantScope, me: EmployeePrincipal, id: string): Promise<void> {
  const current = await planRow(scope, id);
  await assertCanEdit(scope, me, current.team_id);
  await scope.transaction(async (trx) => {
    await trx.deleteFrom('action_plans').where('id', '=', id).execute();
    await recordAudit(trx, actorOf(me), { action: 'action_plan.deleted', targetType: 'action_plan', targetId: id, details: { teamId: current.team_id, title: current.title } });
  });
}

// A progress note, and with it the plan's new progress or status if the note gives them.
export async function addNote(scope: TenantScope, me: EmployeePrincipal, id: string, body: NoteBody, now = new Date()) {
  const current = await planRow(scope, id);
  await assertCanEdit(scope, me, current.team_id, current.owner_id);
  const state = settle(current, body, now);
  await scope.transaction(async (trx) => {
    await trx.insertInto('action_plan_notes', { plan_id: id, author_id: me.employeeId, text: body.text, progress: body.progress ?? null, status: body.status ?? null }).execute();
    await trx.updateTable('action_plans').set({ ...state, updated_at: now }).where('id', '=', id).execute();
    await recordAudit(trx, actorOf(me), { action: 'action_plan.note_added', targetType: 'action_plan', targetId: id, details: { progress: state.progress, status: state.status } });
  });
  return getPlan(scope, id, now);
}
