import type { Selectable } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { ReminderStatus, RemindersTable } from '../../platform/db/database.types.ts';
import { tenantScope, type TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { appendStreamEvents, workspaceStream, type NewStreamEvent, type StreamEvent } from '../../platform/realtime/stream-log.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { appendTimeline } from './timeline.service.ts';
import { toSuggestionView } from './suggestion.view.ts';

type ReminderRow = Selectable<RemindersTable>;

export type ReminderView = {
  id: string;
  kind: 'follow_up' | 'snooze';
  status: ReminderStatus;
  text: string;
  dueAt: string;
  employeeId: string | null;
  customerId: string;
  conversationId: string | null;
  suggestionId: string | null;
  createdAt: string;
  firedAt: string | null;
  doneAt: string | null;
};

export const toReminderView = (r: ReminderRow): ReminderView => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  text: r.text,
  dueAt: r.due_at.toISOString(),
  employeeId: r.employee_id,
  customerId: r.customer_id,
  conversationId: r.conversation_id,
  suggestionId: r.suggestion_id,
  createdAt: r.created_at.toISOString(),
  firedAt: r.fired_at?.toISOString() ?? null,
  doneAt: r.done_at?.toISOString() ?? null,
});

export type NewReminder = {
  kind: 'follow_up' | 'snooze';
  employeeId: string | null;
  customerId: string;
  conversationId: string | null;
  suggestionId: string | null;
  text: string;
  dueAt: Date;
};

// In the caller's transaction; returns the realtime event to append with it.
export async function createReminder(scope: TenantScope, actor: AuditActor, input: NewReminder): Promise<{ reminder: ReminderView; event: NewStreamEvent }> {
  const row = await scope
    .insertInto('reminders', {
      kind: input.kind,
      employee_id: input.employeeId,
      customer_id: input.customerId,
      conversation_id: input.conversationId,
      suggestion_id: input.suggestionId,
      text: input.text,
      due_at: input.dueAt,
      created_by: actor.type === 'employee' ? actor.id : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const reminder = toReminderView(row);
  return { reminder, event: { stream: workspaceStream(scope.workspaceId), type: 'reminder.created', data: { reminder } } };
}

export async function listReminders(scope: TenantScope, opts: { employeeId: string | null; mine: boolean; status?: ReminderStatus[]; limit: number }): Promise<ReminderView[]> {
  let q = scope.selectFrom('reminders').selectAll().orderBy('due_at').orderBy('id').limit(opts.limit);
  if (opts.status?.length) q = q.where('status', 'in', opts.status);
  // "Mine" includes reminders nobody owns (made through an API token): someone must see them.
  if (opts.mine) q = q.where((eb) => eb.or([eb('employee_id', 'is', null), ...(opts.employeeId ? [eb('employee_id', '=', opts.employeeId)] : [])]));
  const rows = await q.execute();
  return rows.map(toReminderView);
}

export async function completeReminder(ctx: AppContext, scope: TenantScope, actor: AuditActor, id: string): Promise<ReminderView> {
  const { reminder, events } = await scope.transaction(async (trx) => {
    const current = await trx.selectFrom('reminders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('Reminder');
    if (current.status === 'done') throw new AppError('conflict', 'This reminder is already done');
    const row = await trx.updateTable('reminders').set({ status: 'done', done_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const reminder = toReminderView(row);
    if (row.kind === 'follow_up') {
      await appendTimeline(trx, actor, [{ customerId: row.customer_id, kind: 'follow_up.done', data: { reminderId: row.id, text: row.text, conversationId: row.conversation_id, suggestionId: row.suggestion_id } }]);
    }
    await recordAudit(trx, actor, { action: 'reminder.done', targetType: 'reminder', targetId: id });
    const events = await appendStreamEvents(trx.db, scope.workspaceId, [{ stream: workspaceStream(scope.workspaceId), type: 'reminder.updated', data: { reminder } }]);
    return { reminder, events };
  });
  ctx.bus.publish('stream.appended', { workspaceId: scope.workspaceId, events });
  return reminder;
}

// Fires every reminder whose time has come, in every workspace: marks it due, brings a snoozed
// suggestion back, and tells the workspace (`reminder.due`). The claiming UPDATE is atomic, so
// several server processes never fire one reminder twice. Returns how many fired.
export async function runDueReminders(ctx: Pick<AppContext, 'db' | 'bus'>, now: Date, batch = 500): Promise<number> {
  let fired = 0;
  for (;;) {
    const published: Array<{ workspaceId: string; events: StreamEvent[] }> = [];
    const claimed = await ctx.db.transaction().execute(async (db) => {
      // The job serves every workspace, so this one statement is not tenant-scoped; each row is
      // then handled through its own workspace's scope.
      const rows = await db
        .updateTable('reminders')
        .set({ status: 'due', fired_at: now })
        .where('id', 'in', (eb) => eb.selectFrom('reminders').select('id').where('status', '=', 'pending').where('due_at', '<=', now).orderBy('due_at').limit(batch).forUpdate().skipLocked())
        .returningAll()
        .execute();
      const byWorkspace = new Map<string, ReminderRow[]>();
      for (const r of rows) byWorkspace.set(r.workspace_id, [...(byWorkspace.get(r.workspace_id) ?? []), r]);
      for (const [workspaceId, list] of byWorkspace) {
        const scope = tenantScope(db, workspaceId);
        const events: NewStreamEvent[] = [];
        for (const r of list) {
          events.push({ stream: workspaceStream(workspaceId), type: 'reminder.due', data: { reminder: toReminderView(r) } });
          if (r.kind !== 'snooze' || !r.suggestion_id) continue;
          const back = await scope
            .updateTable('suggestions')
            .set({ status: 'open', snoozed_until: null, updated_at: now })
            .where('id', '=', r.suggestion_id)
            .where('status', '=', 'snoozed')
            .returningAll()
            .executeTakeFirst();
          if (back) {
            const customer = await scope.selectFrom('customers').select('name').where('id', '=', back.customer_id).executeTakeFirst();
            events.push({ stream: workspaceStream(workspaceId), type: 'suggestion.updated', data: { suggestion: toSuggestionView(back, customer?.name ?? null) } });
          }
        }
        published.push({ workspaceId, events: await appendStreamEvents(db, workspaceId, events) });
      }
      return rows.length;
    });
    for (const p of published) ctx.bus.publish('stream.appended', p);
    fired += claimed;
    if (claimed < batch) return fired;
  }
}
