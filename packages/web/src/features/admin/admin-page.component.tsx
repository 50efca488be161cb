import { useI18n } from '../../i18n/i18n.context.tsx';
import { Link } from '../shell/link.component.tsx';
import type { AdminSection } from '../shell/route.ts';
import { ChannelsAdmin } from '../channels/channels-admin.component.tsx';
import { PlaybooksAdmin } from '../reaction/playbooks-admin.component.tsx';
import { SnippetsAdmin } from '../snippets/snippets-admin.component.tsx';
import { CustomerAttributesAdmin } from './customer-attributes-admin.component.tsx';
import { EmployeesAdmin } from './employees-admin.component.tsx';
import { TeamsAdmin } from './teams-admin.component.tsx';
import { WidgetSettingsAdmin } from './widget-settings.component.tsx';

// The snippets screen itself is `admin-snippets`, so its link needs another name.
const NAV_TEST_IDS: Record<AdminSection, string> = { employees: 'admin-employees', teams: 'admin-teams', widget: 'admin-widget', snippets: 'admin-nav-snippets', playbooks: 'admin-nav-playbooks', attributes: 'admin-nav-attributes', channels: 'admin-nav-channels' };

export function AdminPage({ section, sections }: { section: AdminSection; sections: readonly AdminSection[] }) {
  const { t } = useI18n();
  return (
    <div className="admin-layout">
      <nav className="admin-nav" aria-label={t('admin.sections')}>
        <h2>{t('admin.title')}</h2>
        <ul className="plain">
          {sections.map((s) => (
            <li key={s}>
              <Link href={`/admin/${s}`} aria-current={s === section ? 'page' : undefined} data-testid={NAV_TEST_IDS[s]}>
                {t(`admin.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="admin" tabIndex={-1}>
        {section === 'employees' && <EmployeesAdmin />}
        {section === 'teams' && <TeamsAdmin />}
        {section === 'widget' && <WidgetSettingsAdmin />}
        {section === 'snippets' && <SnippetsAdmin />}
        {section === 'playbooks' && <PlaybooksAdmin />}
        {section === 'attributes' && <CustomerAttributesAdmin />}
        {section === 'channels' && <ChannelsAdmin />}
      </main>
    </div>
  );
}
