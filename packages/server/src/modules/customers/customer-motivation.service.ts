import { sql } from 'kysely';
import type { BuyingMotivation } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { inferMotivation, type InferredMotivation } from './buying-motivation.ts';
import { getCustomer } from './customer.service.ts';

export type MotivationView = {
  motivation: BuyingMotivation | null;
  source: 'inferred' | 'employee' | null;
  note: string | null;
  chosenAt: string | null;
  chosenBy: string | null;
  inferred: InferredMotivation;
};

// The newest messages say most about how the customer buys now.
const MESSAGES_READ = 200;

async function inferFor(scope: TenantScope, customerId: string): Promise<InferredMotivation> {
  const [messages, history, purchases] = await Promise.all([
    scope
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
      .select(['messages.id', 'messages.conversation_id', 'messages.text', 'messages.created_at'])
      .where('conversations.customer_id', '=', customerId)
      .where('messages.direction', '=', 'inbound')
      .where('messages.text', '<>', '')
      .orderBy('messages.created_at', 'desc')
      .limit(MESSAGES_READ)
      .execute(),
    scope
      .selectFrom('conversations')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('created_at').as('first')])
      .where('customer_id', '=', customerId)
      .executeTakeFirstOrThrow(),
    scope.selectFrom('customer_values').select(sql<string>`coalesce(sum(purchases), 0)`.as('n')).where('customer_id', '=', customerId).executeTakeFirstOrThrow(),
  ]);
  return inferMotivation(
    messages.map((m) => ({ id: m.id, conversationId: m.conversation_id, text: m.text, at: m.created_at })),
    { firstContactAt: history.first ? new Date(history.first) : null, conversations: Number(history.n), purchases: Number(purchases.n) },
  );
}

// Inferred on read from the messages (nothing to keep in step); an employee's choice wins until it
// is set back to null, and the inferred one is still returned so both can be compared.
export async function getMotivation(scope: TenantScope, customerId: string): Promise<MotivationView> {
  const customer = await getCustomer(scope, customerId);
  const inferred = await inferFor(scope, customerId);
  const chosen = customer.buying_motivation;
  return {
    motivation: chosen ?? inferred.motivation,
    source: chosen ? 'employee' : inferred.motivation ? 'inferred' : null,
    note: customer.buying_motivation_note,
    chosenAt: chosen ? (customer.buying_motivation_at?.toISOString() ?? null) : null,
    chosenBy: chosen ? customer.buying_motivation_by : null,
    inferred,
  };
}

export async function setMotivation(scope: TenantScope, actor: AuditActor, customerId: string, motivation: BuyingMotivation | null, note: string | null): Promise<MotivationView> {
  await scope.transaction(async (trx) => {
    await getCustomer(trx, customerId);
    await trx
      .updateTable('customers')
      .set({
        buying_motivation: motivation,
        buying_motivation_note: motivation ? note : null,
        buying_motivation_by: motivation && actor.type === 'employee' ? actor.id : null,
        buying_motivation_at: motivation ? new Date() : null,
        updated_at: new Date(),
      })
      .where('id', '=', customerId)
      .execute();
    await recordAudit(trx, actor, { action: 'customer.motivation_set', targetType: 'customer', targetId: customerId, details: { motivation, note } });
  });
  return getMotivation(scope, customerId);
}
