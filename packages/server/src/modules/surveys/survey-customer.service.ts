import { sql } from 'kysely';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';

// Survey records follow their conversations when customers are merged or unmerged, so each answer
// stays on the activity of whoever the conversation belongs to.
export async function moveSurveysWithConversations(scope: TenantScope, from: string, to: string, conversationIds: string[]): Promise<void> {
  if (!conversationIds.length) return;
  await scope.transaction(async (trx) => {
    await trx.updateTable('surveys').set({ customer_id: to }).where('customer_id', '=', from).where('conversation_id', 'in', conversationIds).execute();
    await trx.updateTable('survey_responses').set({ customer_id: to }).where('customer_id', '=', from).where('conversation_id', 'in', conversationIds).execute();
  });
}

// The right to be forgotten (modules/customers/customer-erasure.service.ts): what the customer wrote
// in surveys and exit notes go, the scores and exit reasons stay for the figures, and surveys not
// yet sent are never sent.
export async function eraseSurveyTexts(trx: TenantScope, customerIds: string[]): Promise<void> {
  if (!customerIds.length) return;
  await trx
    .updateTable('survey_responses')
    .set({ answers: sql`case when kind = 'exit' then jsonb_build_object('reason', answers->'reason') else '{}'::jsonb end` })
    .where('customer_id', 'in', customerIds)
    .execute();
  await trx.updateTable('customer_exits').set({ note: null }).where('customer_id', 'in', customerIds).execute();
  await trx.updateTable('surveys').set({ status: 'skipped', skip_reason: 'erased' }).where('customer_id', 'in', customerIds).where('status', '=', 'scheduled').execute();
}

// For a data-access request (modules/customers/customer-export.service.ts): the customer's answers and exits.
export async function surveyDataOf(scope: TenantScope, customerId: string) {
  const [answers, exits] = await Promise.all([
    scope.selectFrom('survey_responses').select(['survey_id', 'kind', 'conversation_id', 'csat', 'nps', 'ces', 'answers', 'answered_at']).where('customer_id', '=', customerId).orderBy('answered_at').execute(),
    scope.selectFrom('customer_exits').select(['at', 'external_id', 'note', 'survey_id']).where('customer_id', '=', customerId).orderBy('at').execute(),
  ]);
  return { answers, exits };
}
