import { useI18n } from '../../i18n/i18n.context.tsx';
import type { QualitySummary } from './call-records.ts';
import { formatDuration } from './call-records.ts';

// Duration and what getStats measured: round trip, packet loss, the video resolution received.
export function CallQualityLine({ summary, duration }: { summary: QualitySummary | null; duration: number | null }) {
  const { t, lang } = useI18n();
  const parts: string[] = [];
  if (duration !== null) parts.push(t('calls.duration', { duration: formatDuration(duration) }));
  if (summary?.rttMs != null) parts.push(t('calls.rtt', { ms: summary.rttMs }));
  if (summary?.packetLossPct != null) parts.push(t('calls.loss', { pct: new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(summary.packetLossPct) }));
  if (summary?.resolution) parts.push(t('calls.resolution', { resolution: summary.resolution }));
  if (parts.length === 0) return null;
  return (
    <p className="call-quality muted" data-testid="call-quality" data-rtt={summary?.rttMs ?? undefined} data-loss={summary?.packetLossPct ?? undefined} data-resolution={summary?.resolution ?? undefined}>
      {parts.join(' · ')}
    </p>
  );
}
