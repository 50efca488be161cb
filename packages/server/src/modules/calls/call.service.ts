import type { Selectable } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { CallsTable } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import type { RealtimeParty } from '../../platform/events/domain-events.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { appendStreamEvents, conversationStream, workspaceStream } from '../../platform/realtime/stream-log.ts';
import { getConversation } from '../conversations/conversation.service.ts';
import { officeStatus } from '../reaction/office-hours.ts';
import { VISITOR_ONLINE_SECONDS, visitorOnline } from '../widget/visitor-presence.service.ts';
import { CALL_ONLINE_WINDOW_SECONDS, ringPlanFor } from './call-routing.service.ts';
import { callSettingsOf, type CallSettings } from './call.schema.ts';
import { toCallView, toVisitorCallView, type CallView } from './call.view.ts';

type CallRow = Selectable<CallsTable>;
export type CallParty = RealtimeParty;
export type CallQualityInput = Record<string, unknown>;

const LIVE = ['ringing', 'active'] as const;

// Why a customer cannot call now whoever is free, or null: calls turned off, or outside the call hours.
export function callsClosed(settings: CallSettings, at = new Date()): { reason: 'calls_off' | 'outside_office_hours'; message: string } | null {
  if (!settings.enabled) return { reason: 'calls_off', message: 'Calls are turned off for this workspace' };
  if (settings.officeHours && !officeStatus(settings.officeHours, at).open) return { reason: 'outside_office_hours', message: 'Calls are answered during office hours only; write to us and we will reply' };
  return null;
}

export async function callSettings(scope: TenantScope): Promise<CallSettings> {
  const ws = await scope.db.selectFrom('workspaces').select('settings').where('id', '=', scope.workspaceId).executeTakeFirstOrThrow();
  return callSettingsOf(ws.settings);
}

export async function getCall(scope: TenantScope, id: string, party?: CallParty, lock = false): Promise<CallRow> {
  const row = await scope
    .selectFrom('calls')
    .selectAll()
    .where('id', '=', id)
    // A visitor only ever sees their own calls: someone else's is simply "not found".
    .$if(party?.kind === 'customer', (q) => q.where('customer_id', '=', party?.kind === 'customer' ? party.customerId : ''))
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
  if (!row) throw notFound('Call');
  return row;
}

async function employeeName(scope: TenantScope, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await scope.selectFrom('employees').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}

// Every change is told to the workspace (employees: the full view) and to the conversation's stream
// (the customer's widget: without the ring queue), in the transaction that made it.
async function commitChange(ctx: AppContext, trx: TenantScope, row: CallRow): Promise<() => void> {
  const visitorView = await visitorViewOf(trx, row);
  const view = toCallView(row);
  const events = await appendStreamEvents(trx.db, trx.workspaceId, [
    { stream: workspaceStream(trx.workspaceId), type: 'call.updated', data: { call: view } },
    { stream: conversationStream(row.conversation_id), type: 'call.updated', data: { call: visitorView } },
  ]);
  return () => {
    ctx.bus.publish('stream.appended', { workspaceId: trx.workspaceId, events });
    ctx.bus.publish('call.updated', { workspaceId: trx.workspaceId, call: view });
  };
}

async function change(ctx: AppContext, scope: TenantScope, fn: (trx: TenantScope) => Promise<CallRow>): Promise<CallRow> {
  const { row, publish } = await scope.transaction(async (trx) => {
    const row = await fn(trx);
    return { row, publish: await commitChange(ctx, trx, row) };
  });
  publish();
  return row;
}

const liveCallConflict = (err: unknown): boolean => (err as { code?: string }).code === '23505';

// A customer calls from the website: the employees who can answer ring one after another, the one
// the customer trusts first. Nobody able to answer is a 409 the widget shows as "try later".
export async function startVisitorCall(ctx: AppContext, scope: TenantScope, customerId: string, conversationId: string, media: CallRow['media']): Promise<CallRow> {
  const settings = await callSettings(scope);
  const closed = callsClosed(settings);
  if (closed) throw new AppError('conflict', closed.message, { reason: closed.reason });
  const conversation = await getConversation(scope, conversationId, customerId);
  const plan = await ringPlanFor(scope, conversation);
  if (!plan.queue.length) throw new AppError('conflict', 'Nobody can answer a call right now; write to us and we will reply', { reason: 'no_one_available' });
  try {
    return await change(ctx, scope, (trx) =>
      trx
        .insertInto('calls', {
          conversation_id: conversation.id,
          customer_id: conversation.customer_id,
          media,
          direction: 'inbound',
          status: 'ringing',
          ring_queue: plan.queue,
          ring_reason: plan.reason,
          ring_deadline: new Date(Date.now() + settings.ringSeconds * 1000),
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  } catch (err) {
    if (liveCallConflict(err)) throw new AppError('conflict', 'This conversation already has a call ringing or in progress', { reason: 'call_in_progress' });
    throw err;
  }
}

// An employee calls back a customer who is on the website; it rings in their widget.
export async function startEmployeeCall(ctx: AppContext, scope: TenantScope, employeeId: string, conversationId: string, media: CallRow['media']): Promise<CallRow> {
  const conversation = await getConversation(scope, conversationId);
  if (!(await visitorOnline(scope, conversation.customer_id))) throw new AppError('conflict', 'The customer is not on the website now; a call can only reach them there', { reason: 'customer_offline' });
  const settings = await callSettings(scope);
  try {
    return await change(ctx, scope, async (trx) => {
      const row = await trx
        .insertInto('calls', {
          conversation_id: conversation.id,
          customer_id: conversation.customer_id,
          media,
          direction: 'outbound',
          status: 'ringing',
          caller_employee_id: employeeId,
          ring_deadline: new Date(Date.now() + settings.ringSeconds * 1000),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      // Calling back is handling the customer's missed calls.
      await trx
        .updateTable('calls')
        .set({ handled_at: new Date(), handled_by: employeeId })
        .where('customer_id', '=', conversation.customer_id)
        .where('status', 'in', ['missed', 'declined'])
        .where('handled_at', 'is', null)
        .execute();
      return row;
    });
  } catch (err) {
    if (liveCallConflict(err)) throw new AppError('conflict', 'This conversation already has a call ringing or in progress', { reason: 'call_in_progress' });
    throw err;
  }
}

const stateError = (row: CallRow, action: string) =>
  new AppError('conflict', `The call is ${row.status}; it cannot be ${action}`, { status: row.status });

// Only the one it rings for may answer: the employee whose turn it is, or the customer being called back.
function assertRingsFor(row: CallRow, party: CallParty, action: string): void {
  if (row.status !== 'ringing') throw stateError(row, action);
  const mine =
    row.direction === 'inbound'
      ? party.kind === 'employee' && row.ring_queue[row.ring_index] === party.employeeId
      : party.kind === 'customer' && party.customerId === row.customer_id;
  if (!mine) throw new AppError('forbidden', `This call is not ringing for you; it cannot be ${action} by you`);
}

export async function acceptCall(ctx: AppContext, scope: TenantScope, party: CallParty, id: string): Promise<CallRow> {
  return change(ctx, scope, async (trx) => {
    const row = await lockCall(trx, id, party);
    assertRingsFor(row, party, 'answered');
    return trx
      .updateTable('calls')
      .set({ status: 'active', answered_at: new Date(), answered_by: party.kind === 'employee' ? party.employeeId : row.caller_employee_id, ring_deadline: null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

// An employee who declines passes the call to the next one; the customer declining ends it.
export async function declineCall(ctx: AppContext, scope: TenantScope, party: CallParty, id: string): Promise<CallRow> {
  const settings = await callSettings(scope);
  return change(ctx, scope, async (trx) => {
    const row = await lockCall(trx, id, party);
    assertRingsFor(row, party, 'declined');
    if (row.direction === 'inbound') return passOn(trx, row, settings, 'declined');
    return endCall(trx, row, 'declined', 'customer', 'customer_declined');
  });
}

const lockCall = (trx: TenantScope, id: string, party?: CallParty) => getCall(trx, id, party, true);

// The next employee in the queue rings; after the last one, the call is missed (or declined, when
// the last one declined) and waits on the team's list for someone to call back.
async function passOn(trx: TenantScope, row: CallRow, settings: CallSettings, why: 'declined' | 'no_answer'): Promise<CallRow> {
  const next = row.ring_index + 1;
  if (next < row.ring_queue.length) {
    return trx
      .updateTable('calls')
      .set({ ring_index: next, ring_deadline: new Date(Date.now() + settings.ringSeconds * 1000) })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return endCall(trx, row, why === 'declined' ? 'declined' : 'missed', 'system', why === 'declined' ? 'everyone_declined' : 'no_answer');
}

async function endCall(trx: TenantScope, row: CallRow, status: CallRow['status'], by: NonNullable<CallRow['ended_by']>, reason: string, quality?: Record<string, unknown>): Promise<CallRow> {
  // A customer's call nobody took stays on the team's list; every other ending needs no follow-up.
  const followUp = row.direction === 'inbound' && (status === 'missed' || status === 'declined');
  return trx
    .updateTable('calls')
    .set({
      status,
      ended_at: new Date(),
      ended_by: by,
      end_reason: reason,
      ring_deadline: null,
      ...(followUp ? {} : { handled_at: new Date() }),
      ...(quality ? { quality: JSON.stringify({ ...row.quality, ...quality }) } : {}),
    })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// The ring time of the current employee (or of the called customer) ran out. `deadline` is the one
// the timer was set for, so a late or repeated timer changes nothing.
export async function ringTimedOut(ctx: AppContext, scope: TenantScope, id: string, deadline: string): Promise<CallRow | null> {
  const settings = await callSettings(scope);
  const { row, publish } = await scope.transaction(async (trx) => {
    const current = await lockCall(trx, id);
    if (current.status !== 'ringing' || current.ring_deadline?.toISOString() !== deadline || current.ring_deadline.getTime() > Date.now() + 50) {
      return { row: null, publish: () => {} };
    }
    const row =
      current.direction === 'inbound' ? await passOn(trx, current, settings, 'no_answer') : await endCall(trx, current, 'missed', 'system', 'customer_did_not_answer');
    return { row, publish: await commitChange(ctx, trx, row) };
  });
  publish();
  return row;
}

// Across workspaces: the safety net for timers lost with a restarted process.
export async function expiredRinging(db: AppContext['db']): Promise<Array<{ id: string; workspace_id: string; ring_deadline: Date | null }>> {
  return db.selectFrom('calls').select(['id', 'workspace_id', 'ring_deadline']).where('status', '=', 'ringing').where('ring_deadline', '<', new Date()).limit(500).execute();
}

// Whether a party still has a part in a live call: the customer always, the employee once they
// answered (or while they call back). An employee an inbound call rings for is not in it yet; their
// ring time passes it on.
function inLiveCall(row: CallRow, party: CallParty): boolean {
  if (party.kind === 'customer') return row.customer_id === party.customerId;
  return row.status === 'active' ? row.answered_by === party.employeeId : row.direction === 'outbound' && row.caller_employee_id === party.employeeId;
}

// The live calls a party is in (an employee can ring out or talk in one; a customer may have one per conversation).
export async function liveCallsOf(scope: TenantScope, party: CallParty): Promise<string[]> {
  const rows = await scope
    .selectFrom('calls')
    .select('id')
    .where('status', 'in', LIVE)
    .where((eb) =>
      party.kind === 'customer' ? eb('customer_id', '=', party.customerId) : eb.or([eb('answered_by', '=', party.employeeId), eb('caller_employee_id', '=', party.employeeId)]),
    )
    .execute();
  return rows.map((r) => r.id);
}

// Whether a party was marked seen after `since`: their widget or app connected to another process
// (every process marks a person seen when they connect), so a drop this process saw is not theirs.
export async function seenSince(scope: TenantScope, party: CallParty, since: Date): Promise<boolean> {
  const row =
    party.kind === 'customer'
      ? await scope.selectFrom('customers').select('last_seen_at').where('id', '=', party.customerId).executeTakeFirst()
      : await scope.selectFrom('employees').select('last_seen_at').where('id', '=', party.employeeId).executeTakeFirst();
  return !!row?.last_seen_at && row.last_seen_at > since;
}

// A party left without hanging up (their tab closed, their connection dropped and did not come back):
// the call ends and the other side is told, like any ending. Before it was answered it ends as it
// would have unanswered (the customer's own call stays on the team's list); once answered it failed.
// `end_reason` says which side dropped. Nothing happens when the call already ended or they are not in it.
export async function endForDroppedParty(ctx: AppContext, scope: TenantScope, id: string, party: CallParty): Promise<CallRow | null> {
  const { row, publish } = await scope.transaction(async (trx) => {
    const current = await lockCall(trx, id);
    if (!(LIVE as readonly string[]).includes(current.status) || !inLiveCall(current, party)) return { row: null, publish: () => {} };
    const reason = `${party.kind}_disconnected`;
    const status = current.status === 'active' ? 'failed' : party.kind === 'customer' ? 'missed' : 'ended';
    const row = await endCall(trx, current, status, 'system', reason);
    return { row, publish: await commitChange(ctx, trx, row) };
  });
  publish();
  return row;
}

// Across workspaces, from the database alone (so it holds after a restart and with several processes):
// live calls a party has not been seen in for longer than their online window (an employee's app and
// a visitor's widget ping while open). Calls younger than that window are left alone.
export async function abandonedCalls(db: AppContext['db']): Promise<Array<{ id: string; workspace_id: string; party: CallParty }>> {
  const visitorCutoff = new Date(Date.now() - VISITOR_ONLINE_SECONDS * 1000);
  const employeeCutoff = new Date(Date.now() - CALL_ONLINE_WINDOW_SECONDS * 1000);
  const [customers, employees] = await Promise.all([
    db
      .selectFrom('calls')
      .innerJoin('customers', (j) => j.onRef('customers.id', '=', 'calls.customer_id').onRef('customers.workspace_id', '=', 'calls.workspace_id'))
      .select(['calls.id', 'calls.workspace_id', 'calls.customer_id'])
      .where('calls.status', 'in', LIVE)
      .where('calls.created_at', '<', visitorCutoff)
      .where((eb) => eb.or([eb('customers.last_seen_at', 'is', null), eb('customers.last_seen_at', '<', visitorCutoff)]))
      .limit(200)
      .execute(),
    db
      .selectFrom('calls')
      .innerJoin('employees', (j) =>
        j
          .onRef('employees.workspace_id', '=', 'calls.workspace_id')
          .on((eb) =>
            eb.or([
              eb.and([eb('calls.status', '=', 'active'), eb('employees.id', '=', eb.ref('calls.answered_by'))]),
              eb.and([eb('calls.status', '=', 'ringing'), eb('calls.direction', '=', 'outbound'), eb('employees.id', '=', eb.ref('calls.caller_employee_id'))]),
            ]),
          ),
      )
      .select(['calls.id', 'calls.workspace_id', 'employees.id as employee_id'])
      .where('calls.status', 'in', LIVE)
      .where('calls.created_at', '<', employeeCutoff)
      .where((eb) => eb.or([eb('employees.last_seen_at', 'is', null), eb('employees.last_seen_at', '<', employeeCutoff)]))
      .limit(200)
      .execute(),
  ]);
  return [
    ...customers.map((c) => ({ id: c.id, workspace_id: c.workspace_id, party: { kind: 'customer' as const, customerId: c.customer_id } })),
    ...employees.map((e) => ({ id: e.id, workspace_id: e.workspace_id, party: { kind: 'employee' as const, employeeId: e.employee_id } })),
  ];
}

function assertParty(row: CallRow, party: CallParty): void {
  const inIt = party.kind === 'customer' ? row.customer_id === party.customerId : row.answered_by === party.employeeId || row.caller_employee_id === party.employeeId;
  if (!inIt) throw new AppError('forbidden', 'You are not in this call');
}

// Either side hangs up. Before it was answered, the customer giving up makes it a missed call the
// team sees; the employee calling back giving up just ends it.
export async function hangUp(ctx: AppContext, scope: TenantScope, party: CallParty, id: string, input: { reason: 'hangup' | 'failed'; detail?: string; quality?: CallQualityInput }): Promise<CallRow> {
  return change(ctx, scope, async (trx) => {
    const row = await lockCall(trx, id, party);
    if (!(LIVE as readonly string[]).includes(row.status)) throw stateError(row, 'hung up');
    assertParty(row, party);
    const side = party.kind;
    const quality = input.quality ? { [side]: input.quality } : undefined;
    if (input.reason === 'failed') return endCall(trx, row, 'failed', side, `failed: ${input.detail ?? 'the connection could not be made'}`.slice(0, 300), quality);
    if (row.status === 'ringing') {
      return row.direction === 'inbound' ? endCall(trx, row, 'missed', side, 'caller_hung_up', quality) : endCall(trx, row, 'ended', side, 'caller_cancelled', quality);
    }
    return endCall(trx, row, 'ended', side, `${side}_hung_up`, quality);
  });
}

// The other side's figures arrive after the hang-up it was told about: accepted for a few minutes.
export async function recordQuality(scope: TenantScope, party: CallParty, id: string, quality: CallQualityInput): Promise<CallRow> {
  return scope.transaction(async (trx) => {
    const row = await lockCall(trx, id, party);
    assertParty(row, party);
    if (row.ended_at && Date.now() - row.ended_at.getTime() > 5 * 60_000) throw new AppError('conflict', 'The call ended more than 5 minutes ago; its quality is closed');
    return trx
      .updateTable('calls')
      .set({ quality: JSON.stringify({ ...row.quality, [party.kind]: quality }) })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export async function markHandled(ctx: AppContext, scope: TenantScope, employeeId: string, id: string): Promise<CallRow> {
  return change(ctx, scope, async (trx) => {
    const row = await lockCall(trx, id);
    if (row.direction !== 'inbound' || !['missed', 'declined'].includes(row.status)) throw new AppError('conflict', 'Only a missed call from a customer is handled', { status: row.status });
    if (row.handled_at) return row;
    return trx.updateTable('calls').set({ handled_at: new Date(), handled_by: employeeId }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  });
}

export async function listCalls(scope: TenantScope, filter: { conversationId?: string; customerId?: string; missed?: boolean; limit: number }): Promise<CallView[]> {
  const rows = await scope
    .selectFrom('calls')
    .selectAll()
    .$if(filter.conversationId !== undefined, (q) => q.where('conversation_id', '=', filter.conversationId!))
    .$if(filter.customerId !== undefined, (q) => q.where('customer_id', '=', filter.customerId!))
    .$if(filter.missed === true, (q) => q.where('status', 'in', ['missed', 'declined']).where('direction', '=', 'inbound').where('handled_at', 'is', null))
    .orderBy('created_at', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(toCallView);
}

// Who may receive a call's signalling: the customer of the call while it is live, and the employee in
// it once answered (or calling). Everyone else is refused, so no third party sees an offer or a candidate.
export async function authoriseSignalling(scope: TenantScope, party: CallParty, id: string): Promise<CallRow> {
  const row = await getCall(scope, id, party);
  if (!(LIVE as readonly string[]).includes(row.status)) throw stateError(row, 'joined');
  if (party.kind === 'employee') {
    const inIt = row.status === 'active' ? row.answered_by === party.employeeId : row.direction === 'outbound' && row.caller_employee_id === party.employeeId;
    if (!inIt) throw new AppError('forbidden', 'Only the employee in this call may join its signalling');
  }
  return row;
}

// The call ringing or in progress in a conversation, if any (there is at most one).
export async function liveCallIn(scope: TenantScope, conversationId: string): Promise<CallRow | null> {
  return (await scope.selectFrom('calls').selectAll().where('conversation_id', '=', conversationId).where('status', 'in', LIVE).executeTakeFirst()) ?? null;
}

export const visitorViewOf = async (scope: TenantScope, row: CallRow) => toVisitorCallView(row, await employeeName(scope, row.answered_by ?? row.caller_employee_id));
