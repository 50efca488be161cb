import { useId, useState, type FormEvent } from 'react';
import { ApiError, type ApiIssue } from '../../api/http-client.ts';
import { reactionApi } from '../../api/reaction-api.ts';
import type { Playbook, PlaybookCatalog } from '../../api/reaction-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { ActionRows } from './action-rows.component.tsx';
import { ConditionRows } from './condition-rows.component.tsx';
import { DryRunPanel } from './dry-run-panel.component.tsx';
import { describedBy, FieldError } from './field-error.component.tsx';
import { errorsByField, formToDefinition, newPlaybookForm, playbookToForm, type PlaybookForm } from './playbook-form.ts';

type Props = { playbook: Playbook | null; catalog: PlaybookCatalog; onSaved: (p: Playbook) => void; onClose: () => void };

// The form editor of one playbook (or a new one), with an advanced JSON view and a dry run.
export function PlaybookEditor({ playbook, catalog, onSaved, onClose }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const [form, setForm] = useState<PlaybookForm>(() => (playbook ? playbookToForm(playbook) : newPlaybookForm(catalog.bounds.currency)));
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [json, setJson] = useState<string | null>(null);
  const errors = errorsByField(issues);
  const set = (patch: Partial<PlaybookForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setSaved(false);
  };

  function showError(err: unknown) {
    if (err instanceof ApiError && err.issues.length) {
      setIssues(err.issues);
      setMessage(t('reaction.form.fix'));
    } else {
      setIssues([]);
      setMessage(errorText(err, t));
    }
  }

  function definition(): Record<string, unknown> | null {
    const { body, issues: local } = formToDefinition(form, catalog.fields);
    setIssues(local);
    setMessage(local.length ? t('reaction.form.fix') : null);
    return local.length ? null : body;
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const body = definition();
    if (!body) return;
    setBusy(true);
    try {
      const result = playbook ? await reactionApi.updatePlaybook(playbook.id, body) : await reactionApi.createPlaybook(body);
      setSaved(true);
      onSaved(result);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }

  function applyJson() {
    try {
      const parsed = JSON.parse(json ?? '') as Playbook;
      setForm(playbookToForm({ ...parsed, name: parsed.name ?? {}, description: parsed.description ?? {}, actions: parsed.actions ?? [], condition: parsed.condition ?? { all: [] } }));
      setJson(null);
      setMessage(null);
    } catch {
      setMessage(t('reaction.form.badJson'));
    }
  }

  const text = (key: 'nameEs' | 'nameEn' | 'descEs' | 'descEn', label: string, errKey: string, extra: readonly ApiIssue[] = []) => {
    const list = [...(errors[errKey] ?? []), ...extra];
    return (
      <span className="form-cell grow">
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <input id={`${id}-${key}`} value={form[key]} {...describedBy(`${id}-${key}e`, list)} onChange={(e) => set({ [key]: e.target.value })} />
        <FieldError id={`${id}-${key}e`} issues={list} />
      </span>
    );
  };
  const title = playbook ? t('reaction.form.editing', { name: playbook.name[lang] ?? playbook.name.es ?? playbook.name.en ?? '' }) : t('reaction.form.creating');

  return (
    <form className="playbook-editor" onSubmit={(e) => void save(e)} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{title}</h3>
      <div className="form-row">
        {text('nameEs', t('reaction.form.nameEs'), 'name.es', errors.name)}
        {text('nameEn', t('reaction.form.nameEn'), 'name.en')}
      </div>
      <div className="form-row">
        {text('descEs', t('reaction.form.descEs'), 'description.es')}
        {text('descEn', t('reaction.form.descEn'), 'description.en')}
      </div>
      <div className="form-row">
        <span className="form-cell narrow">
          <label htmlFor={`${id}-prio`}>{t('reaction.playbooks.priority')}</label>
          <input id={`${id}-prio`} type="number" min={0} max={1000} value={form.priority} {...describedBy(`${id}-prioe`, errors.priority)} onChange={(e) => set({ priority: e.target.value })} />
          <FieldError id={`${id}-prioe`} issues={errors.priority} />
        </span>
        <span className="form-check">
          <input id={`${id}-en`} type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
          <label htmlFor={`${id}-en`}>{t('reaction.playbooks.enabled')}</label>
        </span>
      </div>
      <ConditionRows grouping={form.grouping} rows={form.rows} fields={catalog.fields} errors={errors} onGrouping={(grouping) => set({ grouping })} onRows={(rows) => set({ rows })} />
      <ActionRows actions={form.actions} catalog={catalog} errors={errors} onChange={(actions) => set({ actions })} />
      <FieldError id={`${id}-form`} issues={errors.form} />
      <details
        className="advanced-json"
        onToggle={(e) => setJson((e.currentTarget as HTMLDetailsElement).open ? JSON.stringify(formToDefinition(form, catalog.fields).body, null, 2) : null)}
      >
        <summary>{t('reaction.form.advanced')}</summary>
        <p className="muted small">{t('reaction.form.advancedHint')}</p>
        {json !== null && (
          <>
            <label htmlFor={`${id}-json`} className="visually-hidden">
              {t('reaction.form.advanced')}
            </label>
            <textarea id={`${id}-json`} className="mono" rows={12} value={json} onChange={(e) => setJson(e.target.value)} />
            <button type="button" className="button small" onClick={applyJson}>
              {t('reaction.form.applyJson')}
            </button>
          </>
        )}
      </details>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      {saved && (
        <p className="form-ok" role="status">
          {t('reaction.playbooks.saved')}
        </p>
      )}
      <div className="row-actions">
        <button type="submit" className="button primary" data-testid="playbook-save" disabled={busy}>
          {t('reaction.form.save')}
        </button>
        <button type="button" className="button ghost" onClick={onClose}>
          {t('reaction.form.close')}
        </button>
      </div>
      <DryRunPanel definition={definition} onError={showError} />
    </form>
  );
}
