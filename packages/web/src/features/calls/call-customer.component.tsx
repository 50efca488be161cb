import { useI18n } from '../../i18n/i18n.context.tsx';
import { MOOD_EMOJI, moodLabelKey, TREND_ARROW, trendKey } from '../emotion/emotion-labels.ts';
import { MoodSparkline } from '../emotion/mood-sparkline.component.tsx';
import { moodSummary } from '../emotion/mood-timeline.ts';
import { useMood } from '../emotion/use-mood.hook.ts';
import { formatMoney } from '../customer-profile/profile-format.ts';
import { useCustomerProfile } from '../customer-profile/use-customer-profile.hook.ts';
import { Link } from '../shell/link.component.tsx';

// Beside the video: who the customer is and how they feel, so the employee talks to a person they know.
export function CallCustomer({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const { profile } = useCustomerProfile(customerId);
  const { timeline } = useMood(customerId);
  const mood = timeline?.current ?? null;
  return (
    <aside className="call-customer" data-testid="call-customer" aria-label={t('calls.customer')}>
      {!profile ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <h2>{profile.name || profile.email || t('calls.customer')}</h2>
          {profile.company && <p>{profile.company}</p>}
          {profile.email && <p className="muted">{profile.email}</p>}
          {profile.phone && <p className="muted">{profile.phone}</p>}
          {profile.value && profile.value.orders > 0 && (
            <p>
              {t('calls.value')}: <strong>{formatMoney(profile.value.lifetime, profile.value.currency, lang)}</strong>
            </p>
          )}
          {profile.tags.length > 0 && (
            <ul className="call-tags" aria-label={t('calls.tags')}>
              {profile.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {mood && (
        <div className="call-mood" data-testid="call-mood" data-label={mood.label}>
          <p className={`mood-current mood-${mood.label}${mood.alert ? ' alert' : ''}`}>
            <span aria-hidden="true">{MOOD_EMOJI[mood.label]}</span> <strong>{t(moodLabelKey(mood.label))}</strong>{' '}
            <span className="mood-trend">
              <span aria-hidden="true">{TREND_ARROW[mood.trend]}</span> {t(trendKey(mood.trend))}
            </span>
          </p>
          <MoodSparkline points={timeline?.points ?? []} summary={moodSummary(t, lang, mood, timeline?.points.length ?? 0)} />
        </div>
      )}
      <Link href={`/customers/${customerId}`} className="button small ghost">
        {t('calls.profile')}
      </Link>
    </aside>
  );
}
