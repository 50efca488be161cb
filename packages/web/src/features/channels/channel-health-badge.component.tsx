import { useI18n } from '../../i18n/i18n.context.tsx';
import { useMe } from '../auth/session.context.tsx';
import { Link } from '../shell/link.component.tsx';
import { useChannelsHealth } from './use-channels-health.hook.ts';
import './channels.css';

// In the header, for those who look after channels: shown only when one is failing or needs attention.
export function ChannelHealthBadge() {
  const { t } = useI18n();
  const me = useMe();
  const health = useChannelsHealth(me.role === 'admin' || me.role === 'manager');
  if (!health || health.level === 'ok') return null;
  const label =
    health.level === 'failing'
      ? t('channels.badge.failing', { count: health.failing }) + (health.attention ? ` · ${t('channels.badge.attention', { count: health.attention })}` : '')
      : t('channels.badge.attention', { count: health.attention });
  // The visible word comes first in the accessible name; the counts follow for screen readers.
  return (
    <Link href="/admin/channels" className={`channel-badge health-${health.level}`} data-testid="channel-health-badge" data-level={health.level} title={label}>
      <span aria-hidden="true">{health.level === 'failing' ? '⚠' : '!'}</span> {t('admin.channels')}
      <span className="badge" aria-hidden="true">
        {health.failing + health.attention}
      </span>
      <span className="visually-hidden">{`: ${label}`}</span>
    </Link>
  );
}
