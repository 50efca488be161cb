import type { TenantScope } from '../../platform/db/tenant-scope.ts';

// For the right to be forgotten (customers/customer-erasure.service.ts calls it in its transaction):
// what a channel kept beside the messages — the whole e-mail, media references, the customer's
// address on the network — goes with the words. The network's message ids stay: they hold nothing
// personal and still stop a redelivery from coming back.
export async function eraseChannelData(trx: TenantScope, conversationIds: string[]): Promise<number> {
  if (!conversationIds.length) return 0;
  const erased = await trx
    .updateTable('channel_messages')
    .set({ original: null, peer: '', updated_at: new Date() })
    .where('conversation_id', 'in', conversationIds)
    .executeTakeFirst();
  return Number(erased.numUpdatedRows);
}
