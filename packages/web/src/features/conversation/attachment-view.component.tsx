import type { Attachment } from '../../api/api.types.ts';
import { formatBytes } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';

const urlOf = (a: Attachment) => `/api/attachments/${encodeURIComponent(a.id)}`;

// Images inline, audio (voice notes) with a player, anything else as a download link.
export function AttachmentView({ attachment: a }: { attachment: Attachment }) {
  const { t, lang } = useI18n();
  const type = a.contentType.toLowerCase();
  if (type.startsWith('image/') && type !== 'image/svg+xml') {
    return (
      <a className="attachment image" href={urlOf(a)} target="_blank" rel="noopener noreferrer">
        <img src={urlOf(a)} alt={t('conversation.imageAlt', { name: a.fileName })} loading="lazy" />
      </a>
    );
  }
  if (type.startsWith('audio/')) {
    return (
      <figure className="attachment audio">
        <figcaption>{t('conversation.voiceNote')}</figcaption>
        <audio controls preload="metadata" src={urlOf(a)} />
      </figure>
    );
  }
  return (
    <a className="attachment file" href={urlOf(a)} download={a.fileName} aria-label={t('conversation.download', { name: a.fileName })}>
      <span aria-hidden="true">📄</span> <span className="file-name">{a.fileName}</span> <span className="muted">{formatBytes(a.sizeBytes, lang)}</span>
    </a>
  );
}
