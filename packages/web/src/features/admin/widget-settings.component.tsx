import { useEffect, useState, type FormEvent } from 'react';
import type { Locale, Workspace } from '../../api/api.types.ts';
import { api } from '../../api/http-client.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { isLanguage } from '../../i18n/translate.ts';
import { errorText } from '../shell/error-text.ts';
import { FormStatus } from './form-status.component.tsx';
import { useFormStatus } from './use-form-status.hook.ts';
import { identifyExample, widgetSnippet } from './widget-snippet.ts';

type Draft = { widgetColor: string; greetingEs: string; greetingEn: string; officeHours: string; defaultLocale: Locale };

const draftOf = (w: Workspace): Draft => ({
  widgetColor: typeof w.settings.widgetColor === 'string' ? w.settings.widgetColor : '#1f7a6d',
  greetingEs: w.settings.greeting?.es ?? '',
  greetingEn: w.settings.greeting?.en ?? '',
  officeHours: w.settings.officeHours ?? '',
  defaultLocale: w.settings.defaultLocale ?? 'es',
});

function CopyBox({ text, testId }: { text: string; testId: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-box">
      <pre data-testid={testId}>
        <code>{text}</code>
      </pre>
      <button
        type="button"
        className="button small"
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          });
        }}
      >
        {copied ? t('widget.copied') : t('widget.copy')}
      </button>
      <span className="visually-hidden" role="status">
        {copied ? t('widget.copied') : ''}
      </span>
    </div>
  );
}

export function WidgetSettingsAdmin() {
  const { t } = useI18n();
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const status = useFormStatus();

  useEffect(() => {
    api.get<Workspace>('/api/workspace').then(
      (w) => {
        setWorkspace(w);
        setDraft(draftOf(w));
      },
      (err: unknown) => setLoadError(errorText(err, t)),
    );
  }, [t]);

  if (loadError) return <p className="form-error" role="alert">{loadError}</p>;
  if (!workspace || !draft) return <p className="muted">{t('app.loading')}</p>;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });

  function save(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    void status.run(async () => {
      const settings = {
        widgetColor: draft.widgetColor,
        greeting: { es: draft.greetingEs, en: draft.greetingEn },
        officeHours: draft.officeHours,
        defaultLocale: draft.defaultLocale,
      };
      const updated = await api.patch<Workspace>('/api/workspace', { settings });
      setWorkspace((w) => (w ? { ...updated, identitySecret: w.identitySecret } : updated));
      return t('admin.saved');
    });
  }

  return (
    <section aria-labelledby="widget-heading">
      <h1 id="widget-heading">{t('admin.widget')}</h1>
      <form className="card form-grid" onSubmit={save} aria-labelledby="widget-settings-heading">
        <h2 id="widget-settings-heading">{t('widget.settings')}</h2>
        <label>
          <span>{t('widget.color')}</span>
          <span className="color-field">
            <input type="color" aria-hidden="true" tabIndex={-1} value={draft.widgetColor} onChange={(e) => set('widgetColor', e.target.value)} />
            <input data-testid="widget-color" value={draft.widgetColor} pattern="#[0-9a-fA-F]{6}" onChange={(e) => set('widgetColor', e.target.value)} />
          </span>
        </label>
        <label>
          <span>{t('widget.defaultLocale')}</span>
          <select value={draft.defaultLocale} onChange={(e) => isLanguage(e.target.value) && set('defaultLocale', e.target.value)}>
            <option value="es">{t('lang.es')}</option>
            <option value="en">{t('lang.en')}</option>
          </select>
        </label>
        <label className="span-2">
          <span>{t('widget.greetingEs')}</span>
          <textarea lang="es" rows={2} maxLength={500} value={draft.greetingEs} onChange={(e) => set('greetingEs', e.target.value)} />
        </label>
        <label className="span-2">
          <span>{t('widget.greetingEn')}</span>
          <textarea lang="en" rows={2} maxLength={500} value={draft.greetingEn} onChange={(e) => set('greetingEn', e.target.value)} />
        </label>
        <label className="span-2">
          <span>{t('widget.officeHours')}</span>
          <input maxLength={500} value={draft.officeHours} onChange={(e) => set('officeHours', e.target.value)} />
        </label>
        <div className="form-actions span-2">
          <button type="submit" className="button primary" data-testid="widget-save" disabled={status.busy}>
            {t('admin.save')}
          </button>
          <FormStatus error={status.error} done={status.done} />
        </div>
      </form>

      <div className="card">
        <h2>{t('widget.snippet')}</h2>
        <p>{t('widget.snippetHelp')}</p>
        <CopyBox text={widgetSnippet(window.location.origin, workspace.publicKey)} testId="widget-snippet" />
        <h2>{t('widget.identify')}</h2>
        <p>{t('widget.identifyHelp')}</p>
        <CopyBox text={identifyExample} testId="identify-example" />
        {workspace.identitySecret && (
          <label className="secret">
            <span>{t('widget.identitySecret')}</span>
            <input readOnly value={workspace.identitySecret} data-testid="identity-secret" onFocus={(e) => e.currentTarget.select()} />
          </label>
        )}
      </div>
    </section>
  );
}
