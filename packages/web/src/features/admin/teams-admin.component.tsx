import { useState, type FormEvent } from 'react';
import type { Team } from '../../api/api.types.ts';
import { api } from '../../api/http-client.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useDirectory } from '../shell/directory.context.tsx';
import { FormStatus } from './form-status.component.tsx';
import { useFormStatus } from './use-form-status.hook.ts';

function TeamRow({ team }: { team: Team }) {
  const { t } = useI18n();
  const { reload } = useDirectory();
  const status = useFormStatus();
  const [name, setName] = useState(team.name);

  function rename(e: FormEvent) {
    e.preventDefault();
    void status.run(async () => {
      await api.patch<Team>(`/api/teams/${team.id}`, { name: name.trim() });
      await reload();
    });
  }

  function remove() {
    if (!window.confirm(t('teams.confirmDelete', { name: team.name }))) return;
    void status.run(async () => {
      await api.delete(`/api/teams/${team.id}`);
      await reload();
    });
  }

  return (
    <li className="team-row" data-testid="team-row" data-team-id={team.id}>
      <form onSubmit={rename} className="inline-form">
        <label className="grow">
          <span className="visually-hidden">{t('teams.renameLabel', { name: team.name })}</span>
          <input value={name} required maxLength={80} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="button small" disabled={status.busy || name.trim() === team.name || !name.trim()}>
          {t('teams.rename')}
        </button>
        <button type="button" className="button small danger" disabled={status.busy} onClick={remove}>
          {t('teams.delete')}
        </button>
      </form>
      <FormStatus error={status.error} done={null} />
    </li>
  );
}

export function TeamsAdmin() {
  const { t } = useI18n();
  const { teams, reload } = useDirectory();
  const status = useFormStatus();
  const [name, setName] = useState('');

  async function create(e: FormEvent) {
    e.preventDefault();
    const ok = await status.run(async () => {
      await api.post<Team>('/api/teams', { name: name.trim() });
      await reload();
    });
    if (ok) setName('');
  }

  return (
    <section aria-labelledby="teams-heading">
      <h1 id="teams-heading">{t('admin.teams')}</h1>
      <div className="card">
        {teams.length === 0 ? <p className="muted">{t('teams.empty')}</p> : null}
        <ul className="plain teams">
          {teams.map((team) => (
            <TeamRow key={`${team.id}:${team.name}`} team={team} />
          ))}
        </ul>
      </div>
      <form className="card inline-form" onSubmit={create}>
        <label className="grow">
          <span>{t('teams.new')}</span>
          <input data-testid="team-name" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="button primary" data-testid="team-create" disabled={status.busy}>
          {t('teams.create')}
        </button>
      </form>
      <FormStatus error={status.error} done={status.done} />
    </section>
  );
}
