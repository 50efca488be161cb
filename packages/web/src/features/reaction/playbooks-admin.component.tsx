import { useCallback, useEffect, useState } from 'react';
import { reactionApi } from '../../api/reaction-api.ts';
import type { Playbook, PlaybookCatalog } from '../../api/reaction-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { PlaybookEditor } from './playbook-editor.component.tsx';
import { ReactionSettingsForm } from './reaction-settings.component.tsx';
import './reaction.css';

function PlaybookRow({ playbook: p, onEdit, onChanged, onError }: { playbook: Playbook; onEdit: () => void; onChanged: () => void; onError: (e: unknown) => void }) {
  const { t, lang } = useI18n();
  const name = p.name[lang] ?? p.name.es ?? p.name.en ?? '';
  const description = p.description[lang] ?? p.description.es ?? p.description.en;
  return (
    <li className="playbook-row" data-testid="playbook-row" data-playbook-id={p.id} data-enabled={String(p.enabled)}>
      <span className="playbook-row-main">
        <span className="playbook-name">
          {name} {p.isDefault && <span className="status-pill status-resolved">{t('reaction.playbooks.default')}</span>}
        </span>
        {description && <span className="muted small">{description}</span>}
      </span>
      <span className="muted small">
        {t('reaction.playbooks.priority')}: {p.priority}
      </span>
      <span className="form-check">
        <input
          id={`pb-enabled-${p.id}`}
          type="checkbox"
          data-testid="playbook-enabled"
          checked={p.enabled}
          onChange={(e) => reactionApi.updatePlaybook(p.id, { enabled: e.target.checked }).then(onChanged, onError)}
        />
        <label htmlFor={`pb-enabled-${p.id}`}>
          {t('reaction.playbooks.enabled')}
          <span className="visually-hidden"> ({name})</span>
        </label>
      </span>
      <button type="button" className="button small" aria-label={t('reaction.playbooks.editFor', { name })} data-testid="playbook-edit" onClick={onEdit}>
        {t('reaction.playbooks.edit')}
      </button>
      <button
        type="button"
        className="button small danger"
        onClick={() => {
          if (window.confirm(t('reaction.playbooks.confirmDelete', { name }))) reactionApi.deletePlaybook(p.id).then(onChanged, onError);
        }}
      >
        {t('reaction.playbooks.delete')}
      </button>
    </li>
  );
}

// Admin: the workspace's playbooks (toggle, edit, create, dry-run) and the reaction settings.
export function PlaybooksAdmin() {
  const { t } = useI18n();
  const [items, setItems] = useState<Playbook[] | null>(null);
  const [catalog, setCatalog] = useState<PlaybookCatalog | null>(null);
  const [editing, setEditing] = useState<Playbook | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const showError = useCallback((err: unknown) => setError(errorText(err, t)), [t]);

  const load = useCallback(() => {
    reactionApi.playbooks().then((r) => setItems(r.items), showError);
    reactionApi.catalog().then(setCatalog, showError);
  }, [showError]);
  useEffect(load, [load]);

  return (
    <section className="playbooks-admin" data-testid="admin-playbooks" aria-labelledby="playbooks-heading">
      <h1 id="playbooks-heading">{t('reaction.playbooks.title')}</h1>
      <p className="muted">{t('reaction.playbooks.intro')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {items === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <ul className="plain playbook-list">
          {items.map((p) => (
            <PlaybookRow key={p.id} playbook={p} onEdit={() => setEditing(p)} onChanged={load} onError={showError} />
          ))}
        </ul>
      )}
      <button type="button" className="button" data-testid="playbook-new" onClick={() => setEditing('new')}>
        {t('reaction.playbooks.new')}
      </button>
      {editing && catalog && (
        <PlaybookEditor
          key={editing === 'new' ? 'new' : editing.id}
          playbook={editing === 'new' ? null : editing}
          catalog={catalog}
          onSaved={(p) => {
            setEditing(p);
            load();
          }}
          onClose={() => setEditing(null)}
        />
      )}
      <ReactionSettingsForm onSaved={load} />
    </section>
  );
}
