import type { TenantScope } from '../../platform/db/tenant-scope.ts';

// For a data-access request (customers/customer-export.service.ts): what each channel kept beside the
// customer's messages — the original e-mail or network payload, the address, delivery outcomes.
export async function channelDataOf(scope: TenantScope, conversationIds: string[]) {
  if (!conversationIds.length) return [];
  return scope
    .selectFrom('channel_messages')
    .innerJoin('channels', (j) => j.onRef('channels.id', '=', 'channel_messages.channel_id').onRef('channels.workspace_id', '=', 'channel_messages.workspace_id'))
    .select([
      'channel_messages.conversation_id',
      'channel_messages.message_id',
      'channels.kind',
      'channel_messages.direction',
      'channel_messages.external_id',
      'channel_messages.peer',
      'channel_messages.status',
      'channel_messages.error',
      'channel_messages.original',
      'channel_messages.created_at',
    ])
    .where('channel_messages.conversation_id', 'in', conversationIds)
    .orderBy('channel_messages.created_at')
    .execute();
}

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
