import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Locale, Role, SuggestionStatus } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { appendStreamEvents, workspaceStream, type NewStreamEvent } from '../../platform/realtime/stream-log.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { boundIssues, validation, type Issue } from './playbook.schema.ts';
import { getSettings } from './playbook.service.ts';
import { asLocale, formatReason, pick } from './reason.format.ts';
import { createReminder, type ReminderView } from './reminder.service.ts';
import { appendTimeline, type TimelineItem } from './timeline.service.ts';
import { toSuggestionView, type ProposedAction, type SuggestionRow, type SuggestionView } from './suggestion.view.ts';
import type { ReasonPart } from './condition.evaluator.ts';

export type Decider = { actor: AuditActor; employeeId: string | null; role: Role };

export type SuggestionFilters = {
  status?: SuggestionStatus[];
  customerId?: string;
  conversationId?: string;
  mine?: boolean;
  limit: number;
};

// "Mine": named in it (assignee, trusted employee), or for my team when nobody is assigned, or
// unassigned altogether; escalations also reach managers and admins.
export async function listSuggestions(scope: TenantScope, me: Decider, f: SuggestionFilters): Promise<SuggestionView[]> {
  let q = scope
    .selectFrom('suggestions')
    .innerJoin('customers', (j) => j.onRef('customers.id', '=', 'suggestions.customer_id').onRef('customers.workspace_id', '=', 'suggestions.workspace_id'))
    .selectAll('suggestions')
    .select('customers.name as customer_name')
    .orderBy('suggestions.updated_at', 'desc')
    .orderBy('suggestions.id', 'desc')
    .limit(f.limit);
  if (f.status?.length) q = q.where('suggestions.status', 'in', f.status);
  if (f.customerId) q = q.where('suggestions.customer_id', '=', f.customerId);
  if (f.conversationId) q = q.where('suggestions.conversation_id', '=', f.conversationId);
  if (f.mine) {
    const team = me.employeeId ? (await scope.selectFrom('employees').select('team_id').where('id', '=', me.employeeId).executeTakeFirst())?.team_id ?? null : null;
    q = q.where((eb) =>
      eb.or([
        ...(me.employeeId ? [eb(sql<string>`suggestions.target_employee_ids`, '@>', sql<string>`${JSON.stringify([me.employeeId])}::jsonb`)] : []),
        eb.and([eb('suggestions.target_assignee_id', 'is', null), team ? eb.or([eb('suggestions.target_team_id', '=', team), eb('suggestions.target_team_id', 'is', null)]) : eb('suggestions.target_team_id', 'is', null)]),
        ...(me.role === 'agent' ? [] : [eb('suggestions.escalated', '=', true)]),
      ]),
    );
  }
  const rows = await q.execute();
  return rows.map((r) => toSuggestionView(r, r.customer_name));
}

export async function getSuggestion(scope: TenantScope, id: string): Promise<SuggestionView> {
  const row = await scope
    .selectFrom('suggestions')
    .innerJoin('customers', (j) => j.onRef('customers.id', '=', 'suggestions.customer_id').onRef('customers.workspace_id', '=', 'suggestions.workspace_id'))
    .selectAll('suggestions')
    .select('customers.name as customer_name')
    .where('suggestions.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Suggestion');
  return toSuggestionView(row, row.customer_name);
}

type Locked = { row: SuggestionRow; customerName: string | null; locale: Locale };

async function lockOpen(scope: TenantScope, id: string, me: Decider): Promise<Locked> {
  const row = await scope.selectFrom('suggestions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Suggestion');
  if (row.status === 'accepted' || row.status === 'dismissed') throw new AppError('conflict', `This suggestion was already ${row.status}`);
  const [customer, employee] = await Promise.all([
    scope.selectFrom('customers').select('name').where('id', '=', row.customer_id).executeTakeFirst(),
    me.employeeId ? scope.selectFrom('employees').select('locale').where('id', '=', me.employeeId).executeTakeFirst() : undefined,
  ]);
  return { row, customerName: customer?.name ?? null, locale: employee?.locale ?? asLocale(row.locale) ?? 'es' };
}

async function finish(ctx: AppContext, scope: TenantScope, events: NewStreamEvent[]) {
  const appended = await appendStreamEvents(scope.db, scope.workspaceId, events);
  return () => ctx.bus.publish('stream.appended', { workspaceId: scope.workspaceId, events: appended });
}

// Snooze reminders of a suggestion that has now been decided are no longer needed.
const closeSnoozes = (scope: TenantScope, suggestionId: string, now: Date) =>
  scope.updateTable('reminders').set({ status: 'done', done_at: now }).where('suggestion_id', '=', suggestionId).where('kind', '=', 'snooze').where('status', '!=', 'done').execute();

export type ActionEdit = { index: number; text?: string; percent?: number; amount?: number; currency?: string; hours?: number };
export type AcceptInput = { actionIndex?: number; actions?: ActionEdit[]; note?: string };

const EDITABLE: Record<ProposedAction['type'], Array<keyof Omit<ActionEdit, 'index'>>> = {
  offer_discount: ['percent'],
  offer_compensation: ['amount', 'currency'],
  apology: ['text'],
  gift: ['text'],
  article: ['text'],
  follow_up: ['hours'],
  personal_call: [],
  escalate: [],
};

function applyEdits(proposed: ProposedAction[], input: AcceptInput, bounds: Awaited<ReturnType<typeof getSettings>>): Array<{ index: number; action: ProposedAction }> {
  const issues: Issue[] = [];
  const edits: ActionEdit[] = input.actions ?? (input.actionIndex !== undefined ? [{ index: input.actionIndex }] : proposed.map((_, index) => ({ index })));
  const base = input.actions ? 'body.actions' : 'body.actionIndex';
  const seen = new Set<number>();
  const out = edits.map((e, i) => {
    const at = input.actions ? [base, i] : [base];
    const original = proposed[e.index];
    if (!original) {
      issues.push({ path: [...at, ...(input.actions ? ['index'] : [])].join('.'), message: `there is no action ${e.index}; this suggestion has ${proposed.length} (0–${proposed.length - 1})` });
      return undefined;
    }
    if (seen.has(e.index)) issues.push({ path: [...at, 'index'].join('.'), message: `action ${e.index} is listed twice` });
    seen.add(e.index);
    const { index: _index, ...params } = e;
    for (const key of Object.keys(params) as Array<keyof typeof params>) {
      if (!EDITABLE[original.type].includes(key)) {
        const allowed = EDITABLE[original.type];
        issues.push({ path: [...at, key].join('.'), message: `cannot be changed on a ${original.type} action${allowed.length ? `; it takes ${allowed.join(', ')}` : ''}` });
      }
    }
    const action = { ...original, ...params } as ProposedAction;
    boundIssues(action, at, issues, bounds);
    return { index: e.index, action };
  });
  if (issues.length) throw validation(issues);
  return out as Array<{ index: number; action: ProposedAction }>;
}

export type AcceptResult = {
  suggestion: SuggestionView;
  accepted: Array<{ index: number; action: ProposedAction }>;
  // Texts for the composer: nothing is sent to the customer until the employee sends it.
  drafts: Array<{ index: number; type: string; text: string }>;
  reminders: ReminderView[];
  timeline: TimelineItem[];
};

export async function acceptSuggestion(ctx: AppContext, scope: TenantScope, me: Decider, id: string, input: AcceptInput): Promise<AcceptResult> {
  const bounds = await getSettings(scope);
  const { result, publish } = await scope.transaction(async (trx) => {
    const { row, customerName, locale } = await lockOpen(trx, id, me);
    const accepted = applyEdits(row.actions as ProposedAction[], input, bounds);
    const now = new Date();
    const reasonText = formatReason(row.reason as ReasonPart[], locale);
    const updated = await trx
      .updateTable('suggestions')
      .set({
        status: 'accepted',
        decided_at: now,
        decided_by: me.employeeId,
        first_action_at: sql<Date>`coalesce(first_action_at, ${now})`,
        first_action_by: sql<string | null>`case when first_action_at is null then ${me.employeeId}::uuid else first_action_by end`,
        snoozed_until: null,
        decision: JSON.stringify({ kind: 'accepted', actions: accepted, ...(input.note ? { note: input.note } : {}) }),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await closeSnoozes(trx, id, now);
    const timeline = await appendTimeline(
      trx,
      me.actor,
      accepted.map(({ index, action }) => ({
        customerId: row.customer_id,
        kind: `action.${action.type}`,
        data: { suggestionId: id, actionIndex: index, action, playbook: row.playbook_name, reason: reasonText, conversationId: row.conversation_id, ...(input.note ? { note: input.note } : {}) },
      })),
    );
    const reminders: ReminderView[] = [];
    const events: NewStreamEvent[] = [];
    for (const { action } of accepted) {
      if (action.type !== 'follow_up') continue;
      const who = customerName ?? (locale === 'es' ? 'el cliente' : 'the customer');
      const made = await createReminder(trx, me.actor, {
        kind: 'follow_up',
        employeeId: me.employeeId,
        customerId: row.customer_id,
        conversationId: row.conversation_id,
        suggestionId: id,
        text: locale === 'es' ? `Seguimiento con ${who}: ${reasonText}` : `Follow up with ${who}: ${reasonText}`,
        dueAt: new Date(now.getTime() + action.hours * 3_600_000),
      });
      reminders.push(made.reminder);
      events.push(made.event);
    }
    await recordAudit(trx, me.actor, { action: 'suggestion.accepted', targetType: 'suggestion', targetId: id, details: { actions: accepted.map((a) => a.action.type) } });
    const suggestion = toSuggestionView(updated, customerName);
    events.unshift({ stream: workspaceStream(scope.workspaceId), type: 'suggestion.updated', data: { suggestion } });
    if (timeline.length) events.push({ stream: workspaceStream(scope.workspaceId), type: 'customer.timeline', data: { customerId: row.customer_id, items: timeline } });
    const drafts = accepted.flatMap(({ index, action }) =>
      action.text && (action.type === 'apology' || action.type === 'gift' || action.type === 'article') ? [{ index, type: action.type, text: action.text }] : [],
    );
    return { result: { suggestion, accepted, drafts, reminders, timeline }, publish: await finish(ctx, trx, events) };
  });
  publish();
  return result;
}

export async function dismissSuggestion(ctx: AppContext, scope: TenantScope, me: Decider, id: string, reason: string): Promise<SuggestionView> {
  const { suggestion, publish } = await scope.transaction(async (trx) => {
    const { customerName } = await lockOpen(trx, id, me);
    const now = new Date();
    const updated = await trx
      .updateTable('suggestions')
      .set({
        status: 'dismissed',
        decided_at: now,
        decided_by: me.employeeId,
        first_action_at: sql<Date>`coalesce(first_action_at, ${now})`,
        first_action_by: sql<string | null>`case when first_action_at is null then ${me.employeeId}::uuid else first_action_by end`,
        snoozed_until: null,
        decision: JSON.stringify({ kind: 'dismissed', reason }),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await closeSnoozes(trx, id, now);
    await recordAudit(trx, me.actor, { action: 'suggestion.dismissed', targetType: 'suggestion', targetId: id, details: { reason } });
    const suggestion = toSuggestionView(updated, customerName);
    return { suggestion, publish: await finish(ctx, trx, [{ stream: workspaceStream(scope.workspaceId), type: 'suggestion.updated', data: { suggestion } }]) };
  });
  publish();
  return suggestion;
}

export async function snoozeSuggestion(ctx: AppContext, scope: TenantScope, me: Decider, id: string, minutes: number): Promise<{ suggestion: SuggestionView; reminder: ReminderView }> {
  const { out, publish } = await scope.transaction(async (trx) => {
    const { row, customerName, locale } = await lockOpen(trx, id, me);
    const now = new Date();
    const until = new Date(now.getTime() + minutes * 60_000);
    const updated = await trx
      .updateTable('suggestions')
      .set({ status: 'snoozed', snoozed_until: until, first_action_at: sql<Date>`coalesce(first_action_at, ${now})`,
        first_action_by: sql<string | null>`case when first_action_at is null then ${me.employeeId}::uuid else first_action_by end`, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await closeSnoozes(trx, id, now);
    const name = pick(row.playbook_name, locale);
    const who = customerName ?? (locale === 'es' ? 'el cliente' : 'the customer');
    const made = await createReminder(trx, me.actor, {
      kind: 'snooze',
      employeeId: me.employeeId,
      customerId: row.customer_id,
      conversationId: row.conversation_id,
      suggestionId: id,
      text: locale === 'es' ? `Sugerencia pospuesta: ${name} (${who})` : `Snoozed suggestion: ${name} (${who})`,
      dueAt: until,
    });
    await recordAudit(trx, me.actor, { action: 'suggestion.snoozed', targetType: 'suggestion', targetId: id, details: { minutes } });
    const suggestion = toSuggestionView(updated, customerName);
    return {
      out: { suggestion, reminder: made.reminder },
      publish: await finish(ctx, trx, [{ stream: workspaceStream(scope.workspaceId), type: 'suggestion.updated', data: { suggestion } }, made.event]),
    };
  });
  publish();
  return out;
}
