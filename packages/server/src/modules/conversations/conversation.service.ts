import { sql, type Selectable } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { ConversationStatus, ConversationsTable } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import type { Cursor } from '../../platform/http/cursor.ts';
import { appendStreamEvents, conversationStream, workspaceStream, type NewStreamEvent, type StreamEvent } from '../../platform/realtime/stream-log.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { routeNewConversation } from '../bonds/bond-routing.service.ts';
import { getCustomer } from '../customers/customer.service.ts';

export type ConversationRow = Selectable<ConversationsTable>;

export type ConversationView = {
  id: string;
  customerId: string;
  channel: string;
  status: ConversationStatus;
  assigneeId: string | null;
  teamId: string | null;
  subject: string | null;
  createdAt: string;
  updatedAt: string;
  lastMessageAt: string | null;
  resolvedAt: string | null;
};

export const toConversationView = (c: ConversationRow): ConversationView => ({
  id: c.id,
  customerId: c.customer_id,
  channel: c.channel,
  status: c.status,
  assigneeId: c.assignee_id,
  teamId: c.team_id,
  subject: c.subject,
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
  lastMessageAt: c.last_message_at?.toISOString() ?? null,
  resolvedAt: c.resolved_at?.toISOString() ?? null,
});

export async function getConversation(scope: TenantScope, id: string, customerId?: string): Promise<ConversationRow> {
  let q = scope.selectFrom('conversations').selectAll().where('id', '=', id);
  // Visitors only ever see their own conversations: someone else's is simply "not found".
  if (customerId) q = q.where('customer_id', '=', customerId);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('Conversation');
  return row;
}

async function assertAssignable(scope: TenantScope, patch: { assigneeId?: string | null; teamId?: string | null }) {
  if (patch.assigneeId) {
    const e = await scope.selectFrom('employees').select(['id', 'active']).where('id', '=', patch.assigneeId).executeTakeFirst();
    if (!e) throw new AppError('validation_failed', `Employee ${patch.assigneeId} does not exist in this workspace`);
    if (!e.active) throw new AppError('validation_failed', 'That employee is deactivated');
  }
  if (patch.teamId) {
    const t = await scope.selectFrom('teams').select('id').where('id', '=', patch.teamId).executeTakeFirst();
    if (!t) throw new AppError('validation_failed', `Team ${patch.teamId} does not exist in this workspace`);
  }
}

export type NewConversation = {
  customerId: string;
  channel: string;
  subject?: string | null;
  assigneeId?: string | null;
  teamId?: string | null;
  idempotencyKey?: string;
  // The customer identity it came through (the widget visitor, an email address…), when known.
  identityId?: string;
};

// Inside the caller's transaction; returns the stream events to publish once it commits.
export async function openConversation(
  scope: TenantScope,
  actor: AuditActor,
  input: NewConversation,
): Promise<{ conversation: ConversationRow; created: boolean; events: StreamEvent[] }> {
  const customer = await getCustomer(scope, input.customerId);
  await assertAssignable(scope, input);
  // Unless the caller chose an assignee or team, the customer's bonds decide (modules/bonds).
  const routing = input.assigneeId === undefined && input.teamId === undefined ? await routeNewConversation(scope, input.customerId) : null;
  const row = await scope
    .insertInto('conversations', {
      customer_id: input.customerId,
      channel: input.channel,
      subject: input.subject ?? null,
      assignee_id: input.assigneeId ?? routing?.assigneeId ?? null,
      team_id: input.teamId ?? routing?.teamId ?? null,
      idempotency_key: input.idempotencyKey ?? null,
      identity_id: input.identityId ?? null,
      updated_at: new Date(),
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'customer_id', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    const existing = await scope
      .selectFrom('conversations')
      .selectAll()
      .where('customer_id', '=', input.customerId)
      .where('idempotency_key', '=', input.idempotencyKey ?? '')
      .executeTakeFirstOrThrow();
    return { conversation: existing, created: false, events: [] };
  }
  await recordAudit(scope, actor, { action: 'conversation.created', targetType: 'conversation', targetId: row.id });
  if (routing) await recordAudit(scope, actor, { action: 'conversation.routed', targetType: 'conversation', targetId: row.id, details: routing });
  const events = await appendStreamEvents(scope.db, scope.workspaceId, [
    // The inbox shows who wrote at once, without a second request per new conversation.
    {
      stream: workspaceStream(scope.workspaceId),
      type: 'conversation.created',
      data: { conversation: { ...toConversationView(row), customer: { id: customer.id, name: customer.name, email: customer.email } } },
    },
  ]);
  return { conversation: row, created: true, events };
}

export async function createConversation(
  ctx: AppContext,
  scope: TenantScope,
  actor: AuditActor,
  input: NewConversation,
): Promise<{ conversation: ConversationView; created: boolean }> {
  const result = await scope.transaction((trx) => openConversation(trx, actor, input));
  const view = toConversationView(result.conversation);
  if (result.created) {
    ctx.bus.publish('stream.appended', { workspaceId: scope.workspaceId, events: result.events });
    ctx.bus.publish('conversation.created', {
      workspaceId: scope.workspaceId,
      conversationId: view.id,
      customerId: view.customerId,
      changes: { channel: view.channel },
      actorId: actor.id,
    });
  }
  return { conversation: view, created: result.created };
}

export type ConversationFilters = {
  status?: ConversationStatus[];
  assignee?: 'me' | 'unassigned' | string;
  teamId?: string;
  channel?: string;
  customerId?: string;
  limit: number;
  cursor?: Cursor;
};

export async function listConversations(scope: TenantScope, me: string | null, f: ConversationFilters): Promise<ConversationRow[]> {
  let q = scope.selectFrom('conversations').selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(f.limit);
  if (f.status?.length) q = q.where('status', 'in', f.status);
  if (f.assignee === 'unassigned') q = q.where('assignee_id', 'is', null);
  else if (f.assignee === 'me') q = q.where('assignee_id', '=', me ?? '00000000-0000-0000-0000-000000000000');
  else if (f.assignee) q = q.where('assignee_id', '=', f.assignee);
  if (f.teamId) q = q.where('team_id', '=', f.teamId);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.customerId) q = q.where('customer_id', '=', f.customerId);
  if (f.cursor) q = q.where(sql<boolean>`(updated_at, id) < (${f.cursor.createdAt}::timestamptz, ${f.cursor.id}::uuid)`);
  return q.execute();
}

export type ConversationPatch = {
  status?: ConversationStatus;
  assigneeId?: string | null;
  teamId?: string | null;
  subject?: string | null;
};

export async function updateConversation(
  ctx: AppContext,
  scope: TenantScope,
  actor: AuditActor,
  id: string,
  patch: ConversationPatch,
): Promise<ConversationView> {
  const { row, events, changes } = await scope.transaction(async (trx) => {
    const before = await trx.selectFrom('conversations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('Conversation');
    await assertAssignable(trx, patch);
    const changes: Record<string, unknown> = {};
    if (patch.status !== undefined && patch.status !== before.status) changes.status = patch.status;
    if (patch.assigneeId !== undefined && patch.assigneeId !== before.assignee_id) changes.assigneeId = patch.assigneeId;
    if (patch.teamId !== undefined && patch.teamId !== before.team_id) changes.teamId = patch.teamId;
    if (patch.subject !== undefined && patch.subject !== before.subject) changes.subject = patch.subject;
    if (Object.keys(changes).length === 0) return { row: before, events: [], changes };
    const now = new Date();
    const row = await trx
      .updateTable('conversations')
      .set({
        ...(changes.status !== undefined ? { status: patch.status, resolved_at: patch.status === 'resolved' ? now : null } : {}),
        ...(changes.assigneeId !== undefined ? { assignee_id: patch.assigneeId ?? null } : {}),
        ...(changes.teamId !== undefined ? { team_id: patch.teamId ?? null } : {}),
        ...(changes.subject !== undefined ? { subject: patch.subject ?? null } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'conversation.updated', targetType: 'conversation', targetId: id, details: changes });
    const view = toConversationView(row);
    const streamEvents: NewStreamEvent[] = [{ stream: workspaceStream(scope.workspaceId), type: 'conversation.updated', data: { conversation: view, changes } }];
    // The visitor learns the status of its conversation, not the internal routing.
    if (changes.status !== undefined) {
      streamEvents.push({ stream: conversationStream(id), type: 'conversation.status', data: { conversationId: id, status: view.status } });
    }
    return { row, events: await appendStreamEvents(trx.db, scope.workspaceId, streamEvents), changes };
  });
  if (events.length) {
    ctx.bus.publish('stream.appended', { workspaceId: scope.workspaceId, events });
    ctx.bus.publish('conversation.updated', { workspaceId: scope.workspaceId, conversationId: id, customerId: row.customer_id, changes, actorId: actor.id });
  }
  return toConversationView(row);
}
