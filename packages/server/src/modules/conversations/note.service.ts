import type { AppContext } from '../../platform/context.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { appendStreamEvents, workspaceStream } from '../../platform/realtime/stream-log.ts';
import { getConversation } from './conversation.service.ts';

export type NoteView = { id: string; conversationId: string; authorId: string | null; text: string; createdAt: string };

const toNoteView = (n: { id: string; conversation_id: string; author_id: string | null; text: string; created_at: Date }): NoteView => ({
  id: n.id,
  conversationId: n.conversation_id,
  authorId: n.author_id,
  text: n.text,
  createdAt: n.created_at.toISOString(),
});

// Internal notes go to the employees' stream only; the customer never sees them.
export async function addNote(ctx: AppContext, scope: TenantScope, authorId: string | null, conversationId: string, text: string): Promise<NoteView> {
  const { note, events } = await scope.transaction(async (trx) => {
    await getConversation(trx, conversationId);
    const row = await trx.insertInto('notes', { conversation_id: conversationId, author_id: authorId, text }).returningAll().executeTakeFirstOrThrow();
    const note = toNoteView(row);
    const events = await appendStreamEvents(trx.db, scope.workspaceId, [
      { stream: workspaceStream(scope.workspaceId), type: 'note.created', data: { note } },
    ]);
    return { note, events };
  });
  ctx.bus.publish('stream.appended', { workspaceId: scope.workspaceId, events });
  return note;
}

export async function listNotes(scope: TenantScope, conversationId: string): Promise<NoteView[]> {
  await getConversation(scope, conversationId);
  const rows = await scope.selectFrom('notes').selectAll().where('conversation_id', '=', conversationId).orderBy('created_at').execute();
  return rows.map(toNoteView);
}
