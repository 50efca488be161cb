import { SessionProvider, useSession } from './features/auth/session.context.tsx';
import { CallsProvider } from './features/calls/calls.context.tsx';
import { LoginPage } from './features/auth/login-page.component.tsx';
import { AppShell } from './features/shell/app-shell.component.tsx';
import { DirectoryProvider } from './features/shell/directory.context.tsx';
import { ReactionProvider } from './features/reaction/reaction.context.tsx';
import { RealtimeProvider } from './features/shell/realtime.context.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.context.tsx';

function Screens() {
  const { state, refresh } = useSession();
  const { t } = useI18n();
  switch (state.status) {
    case 'loading':
      return (
        <main id="main" className="splash">
          <p className="muted">{t('app.loading')}</p>
        </main>
      );
    case 'error':
      return (
        <main id="main" className="splash">
          <p className="form-error" role="alert">
            {t('app.networkError')}
          </p>
          <button type="button" className="button" onClick={() => void refresh()}>
            {t('app.retry')}
          </button>
        </main>
      );
    case 'signedOut':
      return <LoginPage expired={state.expired} />;
    case 'signedIn':
      // Keyed by employee so signing in as someone else starts from a clean slate.
      return (
        <RealtimeProvider key={state.me.employee?.id ?? 'token'}>
          <DirectoryProvider>
            <ReactionProvider>
              <CallsProvider>
                <AppShell />
              </CallsProvider>
            </ReactionProvider>
          </DirectoryProvider>
        </RealtimeProvider>
      );
  }
}

function Localized() {
  const { state } = useSession();
  return (
    <I18nProvider employeeLocale={state.status === 'signedIn' ? (state.me.employee?.locale ?? null) : null}>
      <Screens />
    </I18nProvider>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Localized />
    </SessionProvider>
  );
}
