import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AttachmentRef } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import type { Storage } from '../../platform/storage/storage.ts';

export type Uploader = { type: 'customer' | 'employee' | 'integration'; id: string | null };

export async function storeAttachment(
  scope: TenantScope,
  storage: Storage,
  uploader: Uploader,
  file: { fileName: string; contentType: string; data: Readable & { truncated?: boolean } },
): Promise<AttachmentRef> {
  const id = randomUUID();
  const key = `${scope.workspaceId}/${id.slice(0, 2)}/${id}`;
  const size = await storage.put(key, file.data);
  if (file.data.truncated) {
    await storage.remove(key);
    throw new AppError('payload_too_large', 'The file is larger than the upload limit');
  }
  const row = await scope
    .insertInto('attachments', {
      id,
      storage_key: key,
      file_name: file.fileName.slice(0, 255),
      content_type: file.contentType.slice(0, 200),
      size_bytes: size,
      uploaded_by_type: uploader.type,
      uploaded_by_id: uploader.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, sizeBytes: Number(row.size_bytes) };
}

// A visitor may attach only what it uploaded itself.
export async function resolveAttachments(scope: TenantScope, ids: string[], customerId?: string): Promise<AttachmentRef[]> {
  if (ids.length === 0) return [];
  let q = scope.selectFrom('attachments').selectAll().where('id', 'in', ids);
  if (customerId) q = q.where('uploaded_by_type', '=', 'customer').where('uploaded_by_id', '=', customerId);
  const rows = await q.execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r) throw new AppError('validation_failed', `Attachment ${id} does not exist`);
    return { id: r.id, fileName: r.file_name, contentType: r.content_type, sizeBytes: Number(r.size_bytes) };
  });
}

export async function openAttachment(
  scope: TenantScope,
  storage: Storage,
  id: string,
  customerId?: string,
): Promise<{ ref: AttachmentRef; stream: Readable }> {
  const row = await scope.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Attachment');
  if (customerId) {
    const own = row.uploaded_by_type === 'customer' && row.uploaded_by_id === customerId;
    // Visitors may also download what an employee sent into one of their conversations.
    const shared = own
      ? true
      : Boolean(
          await scope
            .selectFrom('messages')
            .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
            .select('messages.id')
            .where('conversations.customer_id', '=', customerId)
            .where(sql<boolean>`messages.attachments @> ${JSON.stringify([{ id }])}::jsonb`)
            .executeTakeFirst(),
        );
    if (!shared) throw notFound('Attachment');
  }
  return {
    ref: { id: row.id, fileName: row.file_name, contentType: row.content_type, sizeBytes: Number(row.size_bytes) },
    stream: storage.get(row.storage_key),
  };
}
