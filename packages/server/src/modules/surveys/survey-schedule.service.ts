import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Locale, SurveyKind } from '../../platform/db/database.types.ts';
import { tenantScope, type TenantScope } from '../../platform/db/tenant-scope.ts';
import { getConsent } from '../customers/customer-profile.service.ts';
import { announceSystemMessage, postSystemMessage, type PostedSystemMessage } from '../messages/system-message.service.ts';
import { asLocale } from '../reaction/reason.format.ts';
import { getSurveySettings } from './survey-settings.service.ts';
import { signSurveyToken } from './survey-token.ts';
import type { Question } from './survey.schema.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

export type ScheduleOutcome = { scheduled: true; surveyId: string; dueAt: Date } | { scheduled: false; reason: 'disabled' | 'channel' | 'no_consent' | 'frequency' | 'not_resolved' | 'erased' | 'duplicate' };

// A customer who said no to surveys gets none; one never asked is asked (the decision is theirs on the page).
export async function refusedSurveys(scope: TenantScope, customerId: string): Promise<boolean> {
  return (await getConsent(scope, customerId)).surveys?.granted === false;
}

// The customer's language if known, else the one they wrote in last (as the emotion engine read it),
// else the workspace's, else Spanish.
export async function surveyLocale(scope: TenantScope, customerId: string): Promise<Locale> {
  const row = await scope
    .selectFrom('customers')
    .innerJoin('workspaces', 'workspaces.id', 'customers.workspace_id')
    .select(['customers.locale', 'workspaces.settings'])
    .select((eb) =>
      eb
        .selectFrom('messages')
        .innerJoin('conversations as c', (j) => j.onRef('c.id', '=', 'messages.conversation_id').onRef('c.workspace_id', '=', 'messages.workspace_id'))
        .select(sql<string>`messages.emotion->>'language'`.as('language'))
        .whereRef('c.customer_id', '=', 'customers.id')
        .whereRef('c.workspace_id', '=', 'customers.workspace_id')
        .where('messages.direction', '=', 'inbound')
        .where(sql<boolean>`(messages.emotion->>'supported')::boolean`)
        .orderBy('messages.created_at', 'desc')
        .limit(1)
        .as('written'),
    )
    .where('customers.id', '=', customerId)
    .executeTakeFirstOrThrow();
  const fallback = typeof row.settings.defaultLocale === 'string' ? row.settings.defaultLocale : undefined;
  return asLocale(row.locale) ?? asLocale(row.written) ?? asLocale(fallback) ?? 'es';
}

// Everyone who wrote in the conversation, and whoever had it assigned when it was resolved.
async function participants(scope: TenantScope, conversationId: string, assigneeId: string | null): Promise<string[]> {
  const rows = await scope
    .selectFrom('messages')
    .select('author_id')
    .distinct()
    .where('conversation_id', '=', conversationId)
    .where('author_type', '=', 'employee')
    .where('author_id', 'is not', null)
    .execute();
  return [...new Set([...rows.map((r) => r.author_id!), ...(assigneeId ? [assigneeId] : [])])];
}

// On a resolved conversation: a survey due after the workspace's delay, unless the rules say no.
export async function scheduleAfterResolution(scope: TenantScope, conversationId: string): Promise<ScheduleOutcome> {
  const settings = await getSurveySettings(scope);
  if (!settings.enabled) return { scheduled: false, reason: 'disabled' };
  const conversation = await scope
    .selectFrom('conversations')
    .innerJoin('customers', (j) => j.onRef('customers.id', '=', 'conversations.customer_id').onRef('customers.workspace_id', '=', 'conversations.workspace_id'))
    .select(['conversations.id', 'conversations.status', 'conversations.resolved_at', 'conversations.channel', 'conversations.assignee_id', 'conversations.customer_id', 'customers.erased_at'])
    .where('conversations.id', '=', conversationId)
    .executeTakeFirst();
  if (!conversation || conversation.status !== 'resolved' || !conversation.resolved_at) return { scheduled: false, reason: 'not_resolved' };
  if (conversation.erased_at) return { scheduled: false, reason: 'erased' };
  if (settings.channels && !settings.channels.includes(conversation.channel)) return { scheduled: false, reason: 'channel' };
  const customerId = conversation.customer_id;
  if (await refusedSurveys(scope, customerId)) return { scheduled: false, reason: 'no_consent' };
  return scope.transaction(async (trx) => {
    // One customer's surveys are decided one at a time, so two resolutions at once cannot both pass the rule.
    await sql`select pg_advisory_xact_lock(hashtext(${`survey:${customerId}`}))`.execute(trx.db);
    const dueAt = new Date(conversation.resolved_at!.getTime() + settings.delayMinutes * MINUTE);
    const expiresAt = new Date(dueAt.getTime() + settings.linkValidDays * DAY);
    const employeeIds = await participants(trx, conversationId, conversation.assignee_id);
    // Reopened and resolved again before its survey left: the survey moves after the last resolution.
    const pending = await trx.selectFrom('surveys').select(['id', 'due_at']).where('conversation_id', '=', conversationId).where('kind', '=', 'conversation').where('status', '=', 'scheduled').executeTakeFirst();
    if (pending) {
      if (pending.due_at.getTime() === dueAt.getTime()) return { scheduled: false, reason: 'duplicate' } as const;
      await trx.updateTable('surveys').set({ due_at: dueAt, expires_at: expiresAt, employee_ids: employeeIds }).where('id', '=', pending.id).execute();
      return { scheduled: true, surveyId: pending.id, dueAt } as const;
    }
    if (settings.frequencyDays > 0) {
      const recent = await trx
        .selectFrom('surveys')
        .select('id')
        .where('customer_id', '=', customerId)
        .where('kind', '=', 'conversation')
        .where('status', '!=', 'skipped')
        .where('created_at', '>', new Date(Date.now() - settings.frequencyDays * DAY))
        .limit(1)
        .executeTakeFirst();
      if (recent) return { scheduled: false, reason: 'frequency' } as const;
    }
    const row = await trx
      .insertInto('surveys', {
        kind: 'conversation',
        customer_id: customerId,
        conversation_id: conversationId,
        employee_ids: employeeIds,
        locale: await surveyLocale(trx, customerId),
        questions: JSON.stringify(settings.questions),
        due_at: dueAt,
        expires_at: expiresAt,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'conversation_id', 'due_at']).where('kind', '=', sql.lit('conversation')).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row ? ({ scheduled: true, surveyId: row.id, dueAt } as const) : ({ scheduled: false, reason: 'duplicate' } as const);
  });
}

export const surveyUrl = (ctx: AppContext, s: { surveyId: string; expiresAt: Date }) => `${ctx.config.publicUrl}/s/${signSurveyToken(ctx.secret, s)}`;

const INVITATION: Record<SurveyKind, Record<Locale, (url: string) => string>> = {
  conversation: {
    es: (url) => `¿Nos ayudas a mejorar? Son tres preguntas rápidas sobre cómo te atendimos: ${url}`,
    en: (url) => `Will you help us improve? Three quick questions about how we helped you: ${url}`,
  },
  exit: {
    es: (url) => `Sentimos que te vayas. ¿Nos cuentas por qué? Nos ayuda a mejorar: ${url}`,
    en: (url) => `We are sorry to see you go. Would you tell us why? It helps us improve: ${url}`,
  },
};

// The customer wrote again before the survey left: asking now would interrupt. Skipped, it no
// longer counts for the frequency rule, so the next resolution schedules a fresh one.
async function reopened(scope: TenantScope, conversationId: string): Promise<boolean> {
  const c = await scope.selectFrom('conversations').select('status').where('id', '=', conversationId).executeTakeFirst();
  return c?.status !== 'resolved';
}

type SendOutcome = { status: 'sent' | 'skipped'; posted: PostedSystemMessage | null };

// One due survey, claimed so that two processes never send it twice: a message with its link in
// the conversation (the channel adapters deliver it on their networks; the widget shows it), or,
// with no conversation to write in, just marked sent (its link was handed to whoever asked).
async function sendOne(ctx: AppContext, workspaceId: string, surveyId: string, now: Date): Promise<SendOutcome | null> {
  const scope = tenantScope(ctx.db, workspaceId);
  return scope.transaction(async (trx) => {
    const survey = await trx.selectFrom('surveys').selectAll().where('id', '=', surveyId).where('status', '=', 'scheduled').forUpdate().skipLocked().executeTakeFirst();
    if (!survey) return null;
    const settings = await getSurveySettings(trx);
    // The rules as they are now: consent may have been withdrawn, or surveys turned off, since scheduling.
    const skip =
      survey.kind === 'conversation' && !settings.enabled
        ? 'disabled'
        : (await refusedSurveys(trx, survey.customer_id))
          ? 'no_consent'
          : survey.expires_at <= now
            ? 'expired'
            : survey.kind === 'conversation' && (await reopened(trx, survey.conversation_id!))
              ? 'reopened'
              : null;
    if (skip) {
      await trx.updateTable('surveys').set({ status: 'skipped', skip_reason: skip }).where('id', '=', surveyId).execute();
      return { status: 'skipped', posted: null } as const;
    }
    const url = surveyUrl(ctx, { surveyId, expiresAt: survey.expires_at });
    const posted = survey.conversation_id ? await postSystemMessage(trx, { conversationId: survey.conversation_id, text: INVITATION[survey.kind][survey.locale](url), idempotencyKey: `survey:${surveyId}` }) : null;
    await trx.updateTable('surveys').set({ status: 'sent', sent_at: now, message_id: posted?.message.id ?? null }).where('id', '=', surveyId).execute();
    return { status: 'sent', posted } as const;
  });
}

// The interval job: every survey due by `now`, oldest first, across workspaces, a batch at a time
// until none is left (or the batches stop shrinking the backlog: another process holds the rest).
export async function sendDueSurveys(ctx: AppContext, now = new Date(), batch = 200): Promise<{ sent: number; skipped: number } | undefined> {
  let sent = 0;
  let skipped = 0;
  for (;;) {
    const due = await ctx.db.selectFrom('surveys').select(['id', 'workspace_id']).where('status', '=', 'scheduled').where('due_at', '<=', now).orderBy('due_at').limit(batch).execute();
    let done = 0;
    for (const s of due) {
      // One survey that cannot be sent (logged, tried again next time) must not hold up the others.
      const outcome = await sendOne(ctx, s.workspace_id, s.id, now).catch((err: unknown) => {
        ctx.log.error({ err, surveyId: s.id }, 'survey not sent');
        return null;
      });
      if (!outcome) continue;
      done++;
      if (outcome.posted) announceSystemMessage(ctx, s.workspace_id, outcome.posted);
      if (outcome.status === 'skipped') skipped++;
      else sent++;
    }
    if (due.length < batch || done === 0) break;
  }
  return sent || skipped ? { sent, skipped } : undefined;
}

// Questions as stored with a survey.
export const questionsOf = (stored: unknown[]): Question[] => stored as Question[];
