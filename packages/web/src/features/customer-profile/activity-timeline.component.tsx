import type { ActivityItem } from '../../api/customer-profile-types.ts';
import { formatDateTime, formatRelative } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { Link } from '../shell/link.component.tsx';
import { ACTIVITY_ICON, activityTitle, channelOf, conversationOf, excerptOf, otherCustomerOf } from './activity-items.ts';
import { useActorLabel } from './actor-label.hook.ts';
import type { Activity } from './use-activity.hook.ts';

function ActivityEntry({ item, customerId }: { item: ActivityItem; customerId: string }) {
  const { t, lang } = useI18n();
  const actorLabel = useActorLabel();
  const conversationId = conversationOf(item);
  const other = otherCustomerOf(item, customerId);
  const channel = channelOf(item);
  const excerpt = excerptOf(item);
  const direction = item.kind === 'message' ? String(item.data.direction ?? '') : '';
  const by = item.kind === 'message' && direction === 'inbound' ? null : actorLabel(item.actor);
  return (
    <li className={`activity-item activity-${item.kind}${direction ? ` ${direction}` : ''}`} data-testid="activity-item" data-kind={item.kind} data-id={item.id}>
      <span className="activity-icon" aria-hidden="true">
        {ACTIVITY_ICON[item.kind]}
      </span>
      <span className="activity-body">
        <span className="activity-title">{activityTitle(item, customerId, t, lang)}</span>
        {excerpt && <span className="activity-excerpt">{excerpt}</span>}
        <span className="muted small">
          <time dateTime={item.at} title={formatDateTime(item.at, lang)}>
            {formatRelative(item.at, lang)}
          </time>
          {channel && <> · {t('profile.activity.via', { channel })}</>}
          {by && <> · {by}</>}
          {conversationId && (
            <>
              {' '}
              · <Link href={`/conversations/${encodeURIComponent(conversationId)}`}>{t('profile.activity.open')}</Link>
            </>
          )}
          {other && (
            <>
              {' '}
              · <Link href={`/customers/${encodeURIComponent(other)}`}>{t('profile.activity.openOther')}</Link>
            </>
          )}
        </span>
      </span>
    </li>
  );
}

// Everything that happened with the customer across channels and departments, newest first, a page at a time.
export function ActivityTimeline({ customerId, activity }: { customerId: string; activity: Activity }) {
  const { t } = useI18n();
  return (
    <section className="profile-card" aria-labelledby="profile-activity-heading" data-testid="profile-activity">
      <h2 id="profile-activity-heading">{t('profile.activity.title')}</h2>
      {!activity.loaded ? (
        <p className="muted">{t('app.loading')}</p>
      ) : activity.items.length === 0 && !activity.error ? (
        <p className="muted" data-testid="activity-empty">
          {t('profile.activity.empty')}
        </p>
      ) : (
        <ol className="plain activity-list" data-testid="activity-list">
          {activity.items.map((item) => (
            <ActivityEntry key={`${item.kind}:${item.id}`} item={item} customerId={customerId} />
          ))}
        </ol>
      )}
      {activity.error !== null && (
        <p className="form-error" role="alert">
          {errorText(activity.error, t)}
        </p>
      )}
      {activity.nextCursor ? (
        <button type="button" className="button small" data-testid="activity-more" disabled={activity.loading} onClick={activity.loadMore}>
          {activity.loading ? t('app.loading') : t('profile.activity.loadMore')}
        </button>
      ) : (
        activity.loaded &&
        activity.items.length > 0 && (
          <p className="muted small" data-testid="activity-end">
            {t('profile.activity.end')}
          </p>
        )
      )}
    </section>
  );
}
