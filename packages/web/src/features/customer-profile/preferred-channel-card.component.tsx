import { useState } from 'react';
import { customerProfileApi } from '../../api/customer-profile-api.ts';
import type { PreferredChannel } from '../../api/customer-profile-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { channelChoices, learnedChannel } from './channel-choice.ts';
import { formatDuration, formatShare } from './profile-format.ts';

const LEARNED = '';

// Where to reach the customer and why: the learned channel with the numbers behind it (share of
// their messages, how fast they answer there), or an employee's choice, which the select changes.
export function PreferredChannelCard({ customerId, preferred, onSaved }: { customerId: string; preferred: PreferredChannel; onSaved: (p: PreferredChannel) => void }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const learned = learnedChannel(preferred.stats);
  const shown = preferred.stats.find((s) => s.channel === preferred.channel);

  async function choose(value: string) {
    setBusy(true);
    setError(null);
    try {
      onSaved(await customerProfileApi.setPreferredChannel(customerId, value === LEARNED ? null : value));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="profile-card" aria-labelledby="profile-channel-heading" data-testid="profile-channel" data-channel={preferred.channel ?? ''} data-source={preferred.source}>
      <h2 id="profile-channel-heading">{t('profile.channel.title')}</h2>
      {preferred.channel ? (
        <p className="channel-choice">
          <strong data-testid="channel-current">{preferred.channel}</strong>
          {shown && (
            <span className="muted small">
              {' · '}
              <span data-testid="channel-why">
                {shown.medianReplySeconds === null
                  ? t('profile.channel.whyNoMedian', { share: formatShare(shown.share, lang) })
                  : t('profile.channel.why', { share: formatShare(shown.share, lang), median: formatDuration(shown.medianReplySeconds, lang) })}
              </span>
            </span>
          )}
        </p>
      ) : (
        <p className="muted" data-testid="channel-none">
          {t('profile.channel.none')}
        </p>
      )}
      <p className="muted small" data-testid="channel-source">
        {preferred.source === 'learned'
          ? t('profile.channel.learned')
          : learned
            ? t('profile.channel.employee', { learned })
            : t('profile.channel.employeeNoLearned')}
      </p>
      <label className="stacked">
        <span>{t('profile.channel.override')}</span>
        <select
          data-testid="channel-override"
          disabled={busy}
          value={preferred.source === 'employee' && preferred.channel ? preferred.channel : LEARNED}
          onChange={(e) => void choose(e.target.value)}
        >
          <option value={LEARNED}>{t('profile.channel.useLearned')}</option>
          {channelChoices(preferred.stats, preferred.source === 'employee' ? preferred.channel : null).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="channel-error">
          {error}
        </p>
      )}
      {preferred.stats.length > 0 && (
        <table className="table channel-stats" data-testid="channel-stats">
          <caption>{t('profile.channel.stats')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('profile.channel.channel')}</th>
              <th scope="col">{t('profile.channel.messages')}</th>
              <th scope="col">{t('profile.channel.share')}</th>
              <th scope="col">{t('profile.channel.median')}</th>
            </tr>
          </thead>
          <tbody>
            {preferred.stats.map((s) => (
              <tr key={s.channel} data-testid="channel-stat" data-channel={s.channel}>
                <th scope="row">{s.channel}</th>
                <td>{s.messages}</td>
                <td>{formatShare(s.share, lang)}</td>
                <td>{s.medianReplySeconds === null ? '—' : formatDuration(s.medianReplySeconds, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
