import { lazy, Suspense, useEffect } from 'react';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { AdminPage } from '../admin/admin-page.component.tsx';
import { EmployeePage } from '../bonds/employee-page.component.tsx';
import { CustomersPage } from '../customers/customers-page.component.tsx';
import { CustomerPage } from '../duplicates/customer-page.component.tsx';
import { DuplicatesPage } from '../duplicates/duplicates-page.component.tsx';
import { adminSectionsFor } from '../admin/admin-sections.ts';
import { useMe } from '../auth/session.context.tsx';
import { CallWindow } from '../calls/call-window.component.tsx';
import { IncomingCallBanner } from '../calls/incoming-call-banner.component.tsx';
import { MissedCallsPage } from '../calls/missed-calls-page.component.tsx';
import { PersonalisationPage } from '../personalisation/personalisation-page.component.tsx';
import { AttentionPage } from '../reaction/attention-page.component.tsx';
import { ReminderBanner } from '../reaction/reminder-banner.component.tsx';
import { totalUnread } from '../inbox/inbox.reducer.ts';
import { useInbox } from '../inbox/use-inbox.hook.ts';
import { useCustomerTyping } from '../inbox/use-typing.hook.ts';
import { AppHeader, ConnectionBanner } from './app-header.component.tsx';
import { InboxLayout } from './inbox-layout.component.tsx';
import { useRoute } from './router.hook.ts';

// The dashboard brings the chart library: loaded only when opened.
const DashboardPage = lazy(() => import('../dashboard/dashboard-page.component.tsx').then((m) => ({ default: m.DashboardPage })));
// Topics (with their recharts trend chart) and action plans load only when opened.
const TopicsPage = lazy(() => import('../topics/topics-page.component.tsx').then((m) => ({ default: m.TopicsPage })));
const ActionPlansPage = lazy(() => import('../action-plans/action-plans-page.component.tsx').then((m) => ({ default: m.ActionPlansPage })));

export function AppShell() {
  const { t } = useI18n();
  const me = useMe();
  const route = useRoute();
  const activeId = route.name === 'inbox' ? route.conversationId : null;
  const inbox = useInbox(activeId);
  const typing = useCustomerTyping();
  const unread = totalUnread(inbox.state.items);
  const sections = adminSectionsFor(me.role);

  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${t('app.name')}` : t('app.name');
  }, [unread, t]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader route={route} unread={unread} />
      <ConnectionBanner />
      <ReminderBanner />
      <IncomingCallBanner />
      <CallWindow />
      {route.name === 'attention' ? (
        <AttentionPage />
      ) : route.name === 'calls' ? (
        <MissedCallsPage />
      ) : route.name === 'duplicates' ? (
        <DuplicatesPage />
      ) : route.name === 'dashboard' ? (
        me.role === 'agent' ? (
          <main id="main" className="admin">
            <p className="form-error">{t('admin.forbidden')}</p>
          </main>
        ) : (
          <Suspense fallback={<main id="main" className="admin"><p className="muted">{t('app.loading')}</p></main>}>
            <DashboardPage />
          </Suspense>
        )
      ) : route.name === 'topics' || route.name === 'action-plans' ? (
        <Suspense fallback={<main id="main" className="admin"><p className="muted">{t('app.loading')}</p></main>}>
          {route.name === 'topics' ? <TopicsPage /> : <ActionPlansPage key={route.teamId ?? ''} teamId={route.teamId} />}
        </Suspense>
      ) : route.name === 'customers' ? (
        <CustomersPage />
      ) : route.name === 'customer' ? (
        <CustomerPage key={route.customerId} customerId={route.customerId} />
      ) : route.name === 'employee' ? (
        <EmployeePage key={route.employeeId} employeeId={route.employeeId} />
      ) : route.name === 'personalisation' ? (
        <PersonalisationPage />
      ) : route.name === 'admin' ? (
        sections.includes(route.section) ? (
          <AdminPage section={route.section} sections={sections} />
        ) : (
          <main id="main" className="admin">
            <p className="form-error">{t('admin.forbidden')}</p>
          </main>
        )
      ) : (
        <InboxLayout inbox={inbox} conversationId={activeId} typing={typing} />
      )}
    </div>
  );
}
