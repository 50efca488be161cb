import { useCallback, useState } from 'react';
import type { Attachment } from '../../api/api.types.ts';
import { api } from '../../api/http-client.ts';

export type PendingUpload = { key: string; name: string };

// Files the employee is about to send: uploaded at once, referenced by id when the reply is sent.
export function useAttachments(onError: (err: unknown) => void) {
  const [ready, setReady] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState<PendingUpload[]>([]);

  const add = useCallback(
    async (files: FileList | null) => {
      for (const file of files ? [...files] : []) {
        const key = `${file.name}-${Date.now()}-${Math.random()}`;
        setUploading((u) => [...u, { key, name: file.name }]);
        try {
          const form = new FormData();
          form.append('file', file, file.name);
          const attachment = await api.post<Attachment>('/api/attachments', form);
          setReady((r) => [...r, attachment]);
        } catch (err) {
          onError(err);
        } finally {
          setUploading((u) => u.filter((p) => p.key !== key));
        }
      }
    },
    [onError],
  );

  return {
    ready,
    uploading,
    add,
    remove: useCallback((id: string) => setReady((r) => r.filter((a) => a.id !== id)), []),
    clear: useCallback(() => setReady([]), []),
  };
}
