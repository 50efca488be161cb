import { useI18n } from '../../i18n/i18n.context.tsx';
import { MoodSummary } from '../emotion/mood-summary.component.tsx';
import { errorText } from '../shell/error-text.ts';
import { ActivityTimeline } from './activity-timeline.component.tsx';
import { ChipEditor } from './chip-editor.component.tsx';
import { ConsentCard } from './consent-card.component.tsx';
import { CustomerDetails } from './customer-details.component.tsx';
import { MotivationCard } from './motivation-card.component.tsx';
import { PreferredChannelCard } from './preferred-channel-card.component.tsx';
import { useActivity } from './use-activity.hook.ts';
import { useConsentHistory } from './use-consent-history.hook.ts';
import { useCustomerProfile } from './use-customer-profile.hook.ts';
import { ValueCard } from './value-card.component.tsx';
import './customer-profile.css';

// The whole picture of one customer: what they are worth, how to reach them, what they agreed to,
// how they feel, and everything that happened with them. Every employee may edit; the server decides.
export function Customer360({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const { profile, error, update } = useCustomerProfile(customerId);
  const activity = useActivity(customerId);
  const consentHistory = useConsentHistory(customerId);

  if (!profile) {
    return error ? (
      <p className="form-error" role="alert">
        {errorText(error, t)}
      </p>
    ) : (
      <p className="muted">{t('app.loading')}</p>
    );
  }
  return (
    <div className="customer-360" data-testid="customer-360">
      <div className="profile-column">
        <ValueCard customerId={customerId} value={profile.value} />
        <CustomerDetails customerId={customerId} profile={profile} onSaved={update} />
        <MotivationCard customerId={customerId} />
        <ChipEditor customerId={customerId} field="tags" values={profile.tags} onSaved={(tags) => update({ tags })} />
        <ChipEditor customerId={customerId} field="interests" values={profile.interests} onSaved={(interests) => update({ interests })} />
        <ConsentCard
          customerId={customerId}
          consent={profile.consent}
          history={consentHistory.entries}
          onSaved={(consent) => {
            update({ consent });
            consentHistory.reload();
            activity.reload();
          }}
        />
        <PreferredChannelCard customerId={customerId} preferred={profile.preferredChannel} onSaved={(preferredChannel) => update({ preferredChannel })} />
      </div>
      <div className="profile-column">
        <div className="profile-card" data-testid="profile-mood">
          <MoodSummary customerId={customerId} />
        </div>
        <ActivityTimeline customerId={customerId} activity={activity} />
      </div>
    </div>
  );
}
