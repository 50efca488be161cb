import { useI18n } from '../../i18n/i18n.context.tsx';
import { adminSectionsFor } from '../admin/admin-sections.ts';
import { CallsNavLink } from '../calls/calls-nav-link.component.tsx';
import { ChannelHealthBadge } from '../channels/channel-health-badge.component.tsx';
import { AttentionNavLink } from '../reaction/attention-nav-link.component.tsx';
import { useMe, useSession } from '../auth/session.context.tsx';
import { LanguageSwitch } from './language-switch.component.tsx';
import { Link } from './link.component.tsx';
import { useRealtime } from './realtime.context.tsx';
import type { Route } from './route.ts';

export function AppHeader({ route, unread }: { route: Route; unread: number }) {
  const { t } = useI18n();
  const me = useMe();
  const { logout } = useSession();
  const { state } = useRealtime();
  const online = state === 'online';
  const [firstSection] = adminSectionsFor(me.role);

  return (
    <header className="app-header">
      <span className="brand">
        <span className="brand-mark" aria-hidden="true">
          V
        </span>
        <span className="brand-name">{me.workspace.name || t('app.name')}</span>
      </span>
      <nav aria-label={t('header.nav')} className="app-nav">
        <Link href="/" aria-current={route.name === 'inbox' ? 'page' : undefined}>
          {t('header.inbox')}
          {unread > 0 && <span className="badge">{unread}</span>}
        </Link>
        <Link href="/personalisation" aria-current={route.name === 'personalisation' ? 'page' : undefined} data-testid="nav-personalisation">
          {t('header.personalisation')}
        </Link>
        <AttentionNavLink current={route.name === 'attention'} />
        <CallsNavLink current={route.name === 'calls'} />
        <Link href="/customers" aria-current={route.name === 'customers' || route.name === 'customer' ? 'page' : undefined} data-testid="nav-customers">
          {t('header.customers')}
        </Link>
        {me.role !== 'agent' && (
          <Link href="/dashboard" aria-current={route.name === 'dashboard' ? 'page' : undefined} data-testid="nav-dashboard">
            {t('header.dashboard')}
          </Link>
        )}
        <Link href="/topics" aria-current={route.name === 'topics' ? 'page' : undefined} data-testid="nav-topics">
          {t('header.topics')}
        </Link>
        <Link href="/action-plans" aria-current={route.name === 'action-plans' ? 'page' : undefined} data-testid="nav-action-plans">
          {t('header.actionPlans')}
        </Link>
        <Link href="/duplicates" aria-current={route.name === 'duplicates' ? 'page' : undefined} data-testid="nav-duplicates">
          {t('header.duplicates')}
        </Link>
        {firstSection && (
          <Link href={`/admin/${firstSection}`} aria-current={route.name === 'admin' ? 'page' : undefined} data-testid="nav-admin">
            {t('header.admin')}
          </Link>
        )}
        <ChannelHealthBadge />
      </nav>
      <span className="header-tools">
        <span className={`connection ${online ? 'online' : 'reconnecting'}`} data-testid="connection-status" data-state={online ? 'online' : 'reconnecting'}>
          <span className="dot" aria-hidden="true" />
          {online ? t('connection.online') : t('connection.reconnecting')}
        </span>
        <LanguageSwitch />
        <span className="who" title={me.employee?.email}>
          {me.employee ? t('header.signedInAs', { name: me.employee.name }) : ''}
        </span>
        <button type="button" className="button ghost small" onClick={() => void logout()} data-testid="logout">
          {t('header.signOut')}
        </button>
      </span>
    </header>
  );
}

// Shown only after a drop, not during the first connection.
export function ConnectionBanner() {
  const { t } = useI18n();
  const { state } = useRealtime();
  if (state !== 'reconnecting') return null;
  return (
    <div className="banner" role="status" data-testid="reconnecting-banner">
      {t('connection.banner')}
    </div>
  );
}
