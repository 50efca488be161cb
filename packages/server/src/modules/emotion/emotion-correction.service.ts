import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { EmotionLabel, MessageEmotion, PolarityLabel } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { appendStreamEvents, workspaceStream } from '../../platform/realtime/stream-log.ts';
import { recomputeMood } from './mood.service.ts';

const POLARITY_OF: Record<EmotionLabel, PolarityLabel> = {
  anger: 'negative',
  disgust: 'negative',
  fear: 'negative',
  sadness: 'negative',
  joy: 'positive',
  surprise: 'neutral',
  neutral: 'neutral',
};

export type Correction = { emotion: EmotionLabel; polarity?: PolarityLabel };

// An employee knows the customer better than the model: the fix is shown everywhere from now on,
// the mood is replayed with it, and it is kept as training data for the next model.
export async function correctEmotion(ctx: AppContext, scope: TenantScope, employeeId: string | null, messageId: string, input: Correction): Promise<MessageEmotion> {
  const polarity = input.polarity ?? POLARITY_OF[input.emotion];
  const { emotion, customerId, events } = await scope.transaction(async (trx) => {
    const row = await trx
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
      .select(['messages.id', 'messages.direction', 'messages.emotion', 'messages.conversation_id', 'conversations.customer_id'])
      .where('messages.id', '=', messageId)
      .forUpdate('messages')
      .executeTakeFirst();
    if (!row) throw notFound('Message');
    if (row.direction !== 'inbound' || !row.emotion) {
      throw new AppError('validation_failed', 'Only a customer message that has an emotion label can be corrected');
    }
    const corrected: MessageEmotion = { ...row.emotion, corrected: { emotion: input.emotion, polarity, by: employeeId, at: new Date().toISOString() } };
    await trx.updateTable('messages').set({ emotion: JSON.stringify(corrected) }).where('id', '=', messageId).execute();
    await trx
      .insertInto('emotion_corrections', { message_id: messageId, employee_id: employeeId, predicted_emotion: row.emotion.emotion, emotion: input.emotion, polarity })
      .onConflict((oc) =>
        oc.column('message_id').doUpdateSet({ employee_id: employeeId, emotion: input.emotion, polarity, created_at: sql<Date>`now()` }),
      )
      .execute();
    const events = await appendStreamEvents(trx.db, scope.workspaceId, [
      { stream: workspaceStream(scope.workspaceId), type: 'message.emotion', data: { conversationId: row.conversation_id, messageId, emotion: corrected } },
    ]);
    return { emotion: corrected, customerId: row.customer_id, events };
  });
  ctx.bus.publish('stream.appended', { workspaceId: scope.workspaceId, events });
  const mood = await recomputeMood(scope, customerId);
  if (mood) ctx.bus.publish('stream.appended', { workspaceId: scope.workspaceId, events: mood.events });
  return emotion;
}

export type CorrectionExportRow = { text: string; emotion: EmotionLabel; polarity: PolarityLabel; predicted: EmotionLabel; language: string; correctedAt: Date };

export async function listCorrections(scope: TenantScope, since?: Date): Promise<CorrectionExportRow[]> {
  const rows = await scope
    .selectFrom('emotion_corrections')
    .innerJoin('messages', 'messages.id', 'emotion_corrections.message_id')
    .select(['messages.text', 'messages.emotion as stored', 'emotion_corrections.emotion', 'emotion_corrections.polarity', 'emotion_corrections.predicted_emotion', 'emotion_corrections.created_at'])
    .$if(since !== undefined, (q) => q.where('emotion_corrections.created_at', '>=', since!))
    .orderBy('emotion_corrections.created_at')
    .execute();
  return rows.map((r) => ({ text: r.text, emotion: r.emotion, polarity: r.polarity, predicted: r.predicted_emotion, language: r.stored?.language ?? 'und', correctedAt: r.created_at }));
}

// The same TSV shape `npm run emotion -- evaluate` and training read: a header, then one row per
// message; tabs and line breaks inside a message become spaces and a literal "\n".
export function correctionsToTsv(rows: CorrectionExportRow[]): string {
  const clean = (s: string) => s.replace(/\t/g, ' ').replace(/\r?\n/g, '\\n');
  const lines = rows.map((r) => [clean(r.text), r.emotion, r.polarity, r.predicted, r.language, r.correctedAt.toISOString()].join('\t'));
  return ['text\temotion\tpolarity\tpredicted\tlanguage\tcorrected_at', ...lines].join('\n') + '\n';
}
