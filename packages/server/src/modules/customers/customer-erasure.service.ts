import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { eraseChannelData } from '../channels/channel-erasure.service.ts';
import { eraseSurveyTexts } from '../surveys/survey-customer.service.ts';

export type ErasureSummary = { customerIds: string[]; messages: number; attachments: number; identities: number };

const ERASED_PROFILE = sql`'{"name": null, "email": null, "phone": null, "attributes": {}}'::jsonb`;

// The right to be forgotten: the person's data goes, the figures stay. Names, contacts, attributes,
// identities, what they wrote and sent (survey answers too, and the original e-mails, payloads and
// network addresses the channels kept), notes and drafts about them, timeline
// entries, merge snapshots and reply excerpts are removed; conversations, message counts, emotion
// labels, mood scores, survey scores and suggestion outcomes remain, attached to an anonymous
// customer. Records merged into this one are the same person and are erased with it. Realtime events
// that carried their words expire with the event retention (VINCULO_EVENT_RETENTION_DAYS).
export async function eraseCustomer(ctx: AppContext, scope: TenantScope, actor: AuditActor, customerId: string): Promise<ErasureSummary> {
  const { summary, storageKeys } = await scope.transaction(async (trx) => {
    const target = await trx.selectFrom('customers').select(['id', 'merged_into_id', 'erased_at']).where('id', '=', customerId).forUpdate().executeTakeFirst();
    if (!target) throw new AppError('not_found', 'Customer not found');
    if (target.merged_into_id) throw new AppError('conflict', 'This customer was merged into another; erase that one', { mergedInto: target.merged_into_id });
    if (target.erased_at) throw new AppError('conflict', `This customer was already erased at ${target.erased_at.toISOString()}`);
    const absorbed = await trx.selectFrom('customers').select('id').where('merged_into_id', '=', customerId).execute();
    const ids = [customerId, ...absorbed.map((a) => a.id)];
    const now = new Date();
    await trx
      .updateTable('customers')
      .set({ name: null, email: null, phone: null, company: null, buying_motivation_note: null, attributes: '{}', tags: [], interests: [], preferred_channel: null, last_seen_at: null, erased_at: now, updated_at: now })
      .where('id', 'in', ids)
      .execute();
    // Orders keep their amounts (the value figures) but not what was bought.
    await trx.updateTable('customer_orders').set({ description: null }).where('customer_id', 'in', ids).execute();
    const identities = await trx.deleteFrom('customer_identities').where('customer_id', 'in', ids).executeTakeFirst();
    const conversations = (await trx.updateTable('conversations').set({ subject: null }).where('customer_id', 'in', ids).returning('id').execute()).map((c) => c.id);
    let messages = 0;
    const storageKeys: string[] = [];
    if (conversations.length) {
      // What the customer wrote and sent; the emotion label stays for the figures, its cues (their words) go.
      const written = await trx
        .updateTable('messages')
        .set({ text: '', emotion: sql`case when emotion is null then null else emotion - 'cues' end`, attachments: '[]' })
        .where('conversation_id', 'in', conversations)
        .where('author_type', '=', 'customer')
        .returning(sql<string[]>`(select coalesce(array_agg(a->>'id'), '{}') from jsonb_array_elements(attachments) a)`.as('attachment_ids'))
        .execute();
      messages = written.length;
      await trx.updateTable('notes').set({ text: '' }).where('conversation_id', 'in', conversations).execute();
      await trx.updateTable('reply_fingerprints').set({ excerpt: '' }).where('conversation_id', 'in', conversations).execute();
      await eraseChannelData(trx, conversations);
      const attachmentIds = written.flatMap((w) => w.attachment_ids ?? []);
      if (attachmentIds.length) {
        const removed = await trx.deleteFrom('attachments').where('id', 'in', attachmentIds).returning('storage_key').execute();
        storageKeys.push(...removed.map((r) => r.storage_key));
      }
    }
    await trx.deleteFrom('customer_timeline').where('customer_id', 'in', ids).execute();
    await trx.updateTable('reminders').set({ text: '' }).where('customer_id', 'in', ids).execute();
    await eraseSurveyTexts(trx, ids);
    await trx.updateTable('suggestions').set({ reason: '[]', actions: sql`(select coalesce(jsonb_agg(a - 'text' - 'draft'), '[]'::jsonb) from jsonb_array_elements(actions) a)` }).where('customer_id', 'in', ids).execute();
    await trx
      .updateTable('customer_merges')
      .set({ snapshot: sql`snapshot || jsonb_build_object('survivor', snapshot->'survivor' || ${ERASED_PROFILE}, 'absorbed', snapshot->'absorbed' || ${ERASED_PROFILE}, 'result', snapshot->'result' || ${ERASED_PROFILE})` })
      .where((eb) => eb.or([eb('survivor_id', 'in', ids), eb('absorbed_id', 'in', ids)]))
      .execute();
    const summary: ErasureSummary = { customerIds: ids, messages, attachments: storageKeys.length, identities: Number(identities.numDeletedRows) };
    await recordAudit(trx, actor, { action: 'customer.erased', targetType: 'customer', targetId: customerId, details: summary });
    return { summary, storageKeys };
  });
  // Files go once the rows are gone for good; a file that cannot be removed is reported, not fatal.
  for (const key of storageKeys) await ctx.storage.remove(key).catch((err: unknown) => ctx.log.warn({ err, key }, 'erased attachment file not removed'));
  return summary;
}
