import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import type { MessageEventPayload } from '../../platform/events/domain-events.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { MessageView } from '../messages/message.service.ts';
import { announceSystemMessage, postSystemMessage } from '../messages/system-message.service.ts';
import { officeStatus } from './office-hours.ts';
import { rulesFor } from './playbook.service.ts';
import { asLocale, pick } from './reason.format.ts';

export const AFTER_HOURS_ACK = 'after_hours_ack';

// Process automations only: off until an admin turns them on, and what they write is stored with
// author_type 'system' (shown as automatic), never under an employee's name.
// Acknowledge receipt outside office hours: one message per conversation per closed period.
export async function acknowledgeAfterHours(ctx: AppContext, m: MessageEventPayload): Promise<MessageView | null> {
  const { settings } = await rulesFor(ctx.db, m.workspaceId);
  const automation = settings.automations.afterHoursAck;
  if (!automation.enabled) return null;
  const status = officeStatus(automation.officeHours, new Date(m.createdAt));
  if (status.open) return null;
  const scope = tenantScope(ctx.db, m.workspaceId);
  const outcome = await scope.transaction(async (trx) => {
    const claimed = await trx
      .insertInto('automation_sends', { conversation_id: m.conversationId, automation: AFTER_HOURS_ACK, period_key: status.periodKey })
      .onConflict((oc) => oc.columns(['conversation_id', 'automation', 'period_key']).doNothing())
      .returning('conversation_id')
      .executeTakeFirst();
    if (!claimed) return null;
    const context = await trx
      .selectFrom('customers')
      .innerJoin('workspaces', 'workspaces.id', 'customers.workspace_id')
      .select(['customers.locale', 'workspaces.settings'])
      .where('customers.id', '=', m.customerId)
      .executeTakeFirstOrThrow();
    const fallback = typeof context.settings.defaultLocale === 'string' ? context.settings.defaultLocale : undefined;
    const locale = asLocale(context.locale) ?? asLocale(m.emotion?.supported ? m.emotion.language : undefined) ?? asLocale(fallback) ?? 'es';
    const posted = await postSystemMessage(trx, { conversationId: m.conversationId, text: pick(automation.text, locale), idempotencyKey: `auto:${AFTER_HOURS_ACK}:${status.periodKey}` });
    if (!posted) return null;
    await trx.updateTable('automation_sends').set({ message_id: posted.message.id }).where('conversation_id', '=', m.conversationId).where('automation', '=', AFTER_HOURS_ACK).where('period_key', '=', status.periodKey).execute();
    await recordAudit(trx, { type: 'system', id: null }, { action: 'automation.sent', targetType: 'message', targetId: posted.message.id, details: { automation: AFTER_HOURS_ACK, period: status.periodKey, conversationId: m.conversationId } });
    return posted;
  });
  if (!outcome) return null;
  announceSystemMessage(ctx, m.workspaceId, outcome);
  return outcome.message;
}
