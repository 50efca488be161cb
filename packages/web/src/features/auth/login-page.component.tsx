import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/http-client.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { LanguageSwitch } from '../shell/language-switch.component.tsx';
import { errorText } from '../shell/error-text.ts';
import { useSession } from './session.context.tsx';

export function LoginPage({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'network' ? t('app.networkError') : errorText(err, t));
      setBusy(false);
    }
  }

  return (
    <main className="login" id="main">
      <div className="login-card">
        <div className="login-top">
          <span className="brand-mark" aria-hidden="true">
            V
          </span>
          <LanguageSwitch />
        </div>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        {expired && !error && (
          <p className="notice" role="status">
            {t('login.expired')}
          </p>
        )}
        <form onSubmit={submit} noValidate={false}>
          <label htmlFor="login-email">{t('login.email')}</label>
          <input
            id="login-email"
            data-testid="login-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoFocus
          />
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button primary" data-testid="login-submit" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
