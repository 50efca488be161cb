import { useI18n } from '../../i18n/i18n.context.tsx';
import { useCalls } from './calls.context.tsx';
import { useReachable } from './use-reachable.hook.ts';
import { PhoneIcon, VideoIcon } from './call-icons.component.tsx';

// In the conversation header: call the customer while they are on the website.
export function CallBackButtons({ conversationId, customerId }: { conversationId: string; customerId: string }) {
  const { t } = useI18n();
  const { session, callBack } = useCalls();
  const reachable = useReachable(conversationId);
  if (!reachable) return null;
  const busy = session !== null && !['ended', 'failed'].includes(session.phase);
  return (
    <span className="call-back" role="group" aria-label={t('calls.callHint')} title={busy ? t('calls.busy') : t('calls.callHint')}>
      <button type="button" className="button" data-testid="call-back-audio" disabled={busy} onClick={() => callBack(conversationId, customerId, 'audio')}>
        <PhoneIcon />
        {t('calls.callVoice')}
      </button>
      <button type="button" className="button" data-testid="call-back-video" disabled={busy} onClick={() => callBack(conversationId, customerId, 'video')}>
        <VideoIcon />
        {t('calls.callVideo')}
      </button>
    </span>
  );
}
