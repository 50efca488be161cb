import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { sameFilters, type CustomerFilters } from './customer-filters.ts';
import type { SavedView } from './saved-views.ts';

type Props = {
  views: readonly SavedView[];
  current: CustomerFilters;
  onPick: (view: SavedView) => void;
  onSave: (view: SavedView) => void;
  onDelete: (name: string) => void;
};

// Pick, save or delete a named search+filters. The picked view is whichever one matches what is on screen.
export function SavedViews({ views, current, onPick, onSave, onDelete }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const picked = views.find((v) => sameFilters(v, current)) ?? null;

  function save(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setStatus({ ok: false, text: t('views.nameNeeded') });
      return;
    }
    onSave({ ...current, q: current.q.trim(), name: trimmed });
    setName('');
    setStatus({ ok: true, text: t('views.saved', { name: trimmed }) });
  }

  return (
    <fieldset className="saved-views" data-testid="saved-views">
      <legend>{t('views.title')}</legend>
      <label className="field">
        <span>{t('views.pick')}</span>
        <select
          data-testid="saved-view-select"
          value={picked?.name ?? ''}
          onChange={(e) => {
            const view = views.find((v) => v.name === e.target.value);
            if (view) onPick(view);
            setStatus(null);
          }}
        >
          <option value="">{t('views.none')}</option>
          {views.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      {picked && (
        <button
          type="button"
          className="button ghost small"
          data-testid="saved-view-delete"
          onClick={() => {
            onDelete(picked.name);
            setStatus({ ok: true, text: t('views.deleted', { name: picked.name }) });
          }}
        >
          {t('views.delete')}
        </button>
      )}
      <form className="inline-form" onSubmit={save}>
        <label className="field">
          <span>{t('views.name')}</span>
          <input data-testid="saved-view-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="button small" data-testid="saved-view-save">
          {t('views.save')}
        </button>
      </form>
      <p className="muted small">{t('views.where')}</p>
      {status && (
        <p className={status.ok ? 'form-ok' : 'form-error'} role="status" data-testid="saved-view-status">
          {status.text}
        </p>
      )}
    </fieldset>
  );
}
