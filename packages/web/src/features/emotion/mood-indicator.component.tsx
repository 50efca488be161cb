import type { LastMessage, Mood } from '../../api/api.types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { EMOTION_EMOJI, emotionKey, moodLabelKey } from './emotion-labels.ts';

// An inbox row's hint: a dot for the customer's mood and a marker when the last message needs care.
export function MoodIndicator({ mood, emotion }: { mood: Mood | null; emotion: LastMessage['emotion'] }) {
  const { t } = useI18n();
  if (!mood && !emotion?.alert) return null;
  return (
    <span className="mood-indicator">
      {mood && (
        <span className={`mood-dot-mark mood-${mood.label}`} data-testid="inbox-mood" data-label={mood.label} title={t('mood.inbox', { label: t(moodLabelKey(mood.label)) })}>
          <span className="visually-hidden">{t('mood.inbox', { label: t(moodLabelKey(mood.label)) })}</span>
        </span>
      )}
      {emotion?.alert && (
        <span className="inbox-alert" data-testid="inbox-alert" data-emotion={emotion.emotion} title={t('inbox.alert', { emotion: t(emotionKey(emotion.emotion)) })}>
          <span aria-hidden="true">{EMOTION_EMOJI[emotion.emotion]}</span>
          <span className="emotion-alert-mark" aria-hidden="true">
            !
          </span>
          <span className="visually-hidden">{t('inbox.alert', { emotion: t(emotionKey(emotion.emotion)) })}</span>
        </span>
      )}
    </span>
  );
}
