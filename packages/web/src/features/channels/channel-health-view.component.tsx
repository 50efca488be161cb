import type { Channel } from '../../api/channels-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { formatRelative } from '../../i18n/format.ts';
import { channelHealth, type HealthReason } from './channel-health.ts';

// The health pill of a channel, its reasons in words, and its traffic in and out.
export function ChannelHealthView({ channel }: { channel: Channel }) {
  const { t, lang } = useI18n();
  const { level, reasons } = channelHealth(channel);
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{formatRelative(iso, lang)}</time> : t('channels.never'));
  const reasonText = (r: HealthReason): string => {
    switch (r.key) {
      case 'failedSends':
        return t('channels.reason.failedSends', { count: r.count });
      case 'lastError':
        return t('channels.reason.lastError', { when: formatRelative(r.at, lang), error: r.error });
      default:
        return t(`channels.reason.${r.key}`);
    }
  };
  const h = channel.health;
  return (
    <div className="channel-health">
      <span className={`health-pill health-${level}`} data-testid="channel-health" data-level={level}>
        {t(`channels.health.${level}`)}
      </span>
      {reasons.length > 0 && (
        <ul className="health-reasons" data-testid="channel-health-reasons">
          {reasons.map((r) => (
            <li key={r.key}>{reasonText(r)}</li>
          ))}
        </ul>
      )}
      <dl className="health-stats">
        <div>
          <dt>{t('channels.lastInbound')}</dt>
          <dd data-testid="channel-last-inbound">{when(h.lastInboundAt)}</dd>
        </div>
        <div>
          <dt>{t('channels.lastSent')}</dt>
          <dd data-testid="channel-last-sent">{when(h.lastSentAt)}</dd>
        </div>
        <div>
          <dt>{t('channels.queued')}</dt>
          <dd data-testid="channel-queued">{h.queued}</dd>
        </div>
        <div>
          <dt>{t('channels.failed24h')}</dt>
          <dd data-testid="channel-failed">{h.failedLast24h}</dd>
        </div>
      </dl>
    </div>
  );
}
