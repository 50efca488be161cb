import { useEffect, useState } from 'preact/hooks';
import type { WidgetApi } from '../api/widget-api.client.ts';
import type { AttachmentRef } from '../api/widget-api.types.ts';
import type { Strings } from '../i18n/messages.ts';

// Attachments need the visitor's bearer token, so they are fetched and shown from object URLs.
export function AttachmentView({ attachment, api, t }: { attachment: AttachmentRef; api: WidgetApi; t: Strings }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    api.attachmentUrl(attachment.id).then(
      (u) => live && setUrl(u),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [attachment.id]);

  if (failed) return <span class="v-meta">{t.loadFailed}</span>;
  const type = attachment.contentType;
  if (type.startsWith('image/')) return url ? <img src={url} alt={attachment.fileName || t.image} /> : <span class="v-meta">{t.image}…</span>;
  if (type.startsWith('audio/')) return url ? <audio controls preload="metadata" src={url} aria-label={t.voiceNote} /> : <span class="v-meta">{t.voiceNote}…</span>;
  return url ? (
    <a class="v-file" href={url} download={attachment.fileName}>
      {attachment.fileName}
    </a>
  ) : (
    <span class="v-meta">{attachment.fileName}</span>
  );
}
