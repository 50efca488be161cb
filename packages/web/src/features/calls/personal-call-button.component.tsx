import { useI18n } from '../../i18n/i18n.context.tsx';
import { useCalls } from './calls.context.tsx';
import { useReachable } from './use-reachable.hook.ts';
import { PhoneIcon, VideoIcon } from './call-icons.component.tsx';

// A proposed "personal call" (rapid reaction) placed from the suggestion itself while the customer is on the
// website: a voice call, like picking up the phone, or a video call when the employee prefers to be seen.
export function PersonalCallButton({ conversationId, customerId }: { conversationId: string; customerId: string }) {
  const { t } = useI18n();
  const { session, callBack } = useCalls();
  const reachable = useReachable(conversationId);
  if (!reachable) return <span className="muted small">{t('calls.notReachable')}</span>;
  const busy = session !== null && !['ended', 'failed'].includes(session.phase);
  const title = busy ? t('calls.busy') : undefined;
  return (
    <span className="personal-call">
      <button type="button" className="button small" data-testid="personal-call-now" disabled={busy} title={title} onClick={() => callBack(conversationId, customerId, 'audio')}>
        <PhoneIcon />
        {t('calls.callPersonal')}
      </button>
      <button type="button" className="button small" data-testid="personal-call-video" disabled={busy} title={title} onClick={() => callBack(conversationId, customerId, 'video')}>
        <VideoIcon />
        {t('calls.video')}
      </button>
    </span>
  );
}
