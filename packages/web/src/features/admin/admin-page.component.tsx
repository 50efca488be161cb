import { useI18n } from '../../i18n/i18n.context.tsx';
import { Link } from '../shell/link.component.tsx';
import type { AdminSection } from '../shell/route.ts';
import { EmployeesAdmin } from './employees-admin.component.tsx';
import { TeamsAdmin } from './teams-admin.component.tsx';
import { WidgetSettingsAdmin } from './widget-settings.component.tsx';

const SECTIONS: readonly AdminSection[] = ['employees', 'teams', 'widget'];

export function AdminPage({ section }: { section: AdminSection }) {
  const { t } = useI18n();
  return (
    <div className="admin-layout">
      <nav className="admin-nav" aria-label={t('admin.sections')}>
        <h2>{t('admin.title')}</h2>
        <ul className="plain">
          {SECTIONS.map((s) => (
            <li key={s}>
              <Link href={`/admin/${s}`} aria-current={s === section ? 'page' : undefined} data-testid={`admin-${s}`}>
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
      </main>
    </div>
  );
}
