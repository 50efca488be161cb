import { useState, type FormEvent } from 'react';
import type { Employee, Locale, Role } from '../../api/api.types.ts';
import { api } from '../../api/http-client.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { isLanguage } from '../../i18n/translate.ts';
import { useDirectory } from '../shell/directory.context.tsx';
import { FormStatus } from './form-status.component.tsx';
import { useFormStatus } from './use-form-status.hook.ts';
import { TeamSelect } from '../shell/team-select.component.tsx';

export const ROLES: readonly Role[] = ['agent', 'manager', 'admin'];

export const asRole = (v: string): Role | null => ROLES.find((r) => r === v) ?? null;

export function EmployeeForm() {
  const { t, lang } = useI18n();
  const { teams, reload } = useDirectory();
  const status = useFormStatus();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [teamId, setTeamId] = useState('');
  const [locale, setLocale] = useState<Locale>(lang);
  const [password, setPassword] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await status.run(async () => {
      const created = await api.post<Employee>('/api/employees', {
        name: name.trim(),
        email: email.trim(),
        role,
        locale,
        teamId: teamId || null,
        ...(password ? { password } : {}),
      });
      await reload();
      return t('employees.created', { name: created.name });
    });
    if (ok) {
      setName('');
      setEmail('');
      setPassword('');
    }
  }

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="employee-form-heading">
      <h2 id="employee-form-heading">{t('employees.add')}</h2>
      <label>
        <span>{t('employees.name')}</span>
        <input data-testid="employee-name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        <span>{t('employees.email')}</span>
        <input data-testid="employee-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        <span>{t('employees.role')}</span>
        <select data-testid="employee-role" value={role} onChange={(e) => setRole(asRole(e.target.value) ?? 'agent')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('employees.team')}</span>
        <TeamSelect testId="employee-team" teams={teams} emptyLabel={t('conversation.noTeam')} value={teamId} onChange={(e) => setTeamId(e.target.value)} />
      </label>
      <label>
        <span>{t('employees.locale')}</span>
        <select value={locale} onChange={(e) => isLanguage(e.target.value) && setLocale(e.target.value)}>
          <option value="es">{t('lang.es')}</option>
          <option value="en">{t('lang.en')}</option>
        </select>
      </label>
      <label>
        <span>{t('employees.password')}</span>
        <input data-testid="employee-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit" className="button primary" data-testid="employee-create" disabled={status.busy}>
          {t('employees.create')}
        </button>
      </div>
      <FormStatus error={status.error} done={status.done} />
    </form>
  );
}
