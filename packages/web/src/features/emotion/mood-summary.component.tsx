import { useI18n } from '../../i18n/i18n.context.tsx';
import { MOOD_EMOJI, moodLabelKey, TREND_ARROW, trendKey } from './emotion-labels.ts';
import { moodSummary } from './mood-timeline.ts';
import { MoodSparkline } from './mood-sparkline.component.tsx';
import { useMood } from './use-mood.hook.ts';

// The customer's mood now, where it is heading, and how it got there.
export function MoodSummary({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const { timeline, failed } = useMood(customerId);
  const current = timeline?.current ?? null;
  const points = timeline?.points ?? [];
  return (
    <section aria-labelledby="customer-mood-heading" className="mood">
      <h3 id="customer-mood-heading">{t('mood.title')}</h3>
      {!timeline ? (
        <p className="muted">{failed ? t('app.networkError') : t('app.loading')}</p>
      ) : !current ? (
        <p className="muted">{t('mood.none')}</p>
      ) : (
        <>
          <p
            className={`mood-current mood-${current.label}${current.alert ? ' alert' : ''}`}
            data-testid="mood-current"
            data-label={current.label}
            data-trend={current.trend}
            data-alert={String(current.alert)}
          >
            <span aria-hidden="true">{MOOD_EMOJI[current.label]}</span>
            <strong>{t(moodLabelKey(current.label))}</strong>
            <span className="mood-trend">
              <span aria-hidden="true">{TREND_ARROW[current.trend]}</span> {t(trendKey(current.trend))}
            </span>
            {current.alert && <span className="mood-alert">{t('emotion.alert')}</span>}
          </p>
          <MoodSparkline points={points} summary={moodSummary(t, lang, current, points.length)} />
        </>
      )}
    </section>
  );
}
