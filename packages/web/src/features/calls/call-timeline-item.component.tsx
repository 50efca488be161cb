import type { CallView } from '../../api/call-types.ts';
import { formatDateTime, formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useDirectory } from '../shell/directory.context.tsx';
import { outcomeOf, qualitySummary } from './call-records.ts';
import { CallQualityLine } from './call-quality-line.component.tsx';
import './calls.css';
import { MediaIcon } from './call-icons.component.tsx';

// A call on the conversation's timeline: which way, who, when, how long, how it ended and how it sounded.
export function CallItem({ call }: { call: CallView }) {
  const { t, lang } = useI18n();
  const { employeeName } = useDirectory();
  const outcome = outcomeOf(call);
  const media = t(call.media === 'video' ? 'calls.video' : 'calls.voice');
  const who =
    call.direction === 'outbound'
      ? employeeName(call.callerEmployeeId) && t('calls.timeline.calledBy', { name: employeeName(call.callerEmployeeId) ?? '' })
      : employeeName(call.answeredBy) && t('calls.timeline.answeredBy', { name: employeeName(call.answeredBy) ?? '' });
  return (
    <li className={`call-item outcome-${outcome}`} data-testid="timeline-call" data-call-id={call.id} data-outcome={outcome} data-duration={call.durationSeconds ?? undefined}>
      <span className="call-item-icon" aria-hidden="true">
        <MediaIcon media={call.media} />
      </span>
      <div className="call-item-body">
        <div className="message-meta">
          <span className="author">
            {t(call.direction === 'outbound' ? 'calls.timeline.outbound' : 'calls.timeline.inbound', { media })}
            {who ? ` · ${who}` : ''}
          </span>
          <time dateTime={call.createdAt} title={formatDateTime(call.createdAt, lang)}>
            {formatTime(call.createdAt, lang)}
          </time>
        </div>
        <span className={`call-outcome ${outcome}`} data-testid="call-outcome">
          {t(`calls.outcome.${outcome}`)}
        </span>
        <CallQualityLine summary={qualitySummary(call.quality)} duration={call.durationSeconds} />
      </div>
    </li>
  );
}
