import { useEffect, useState, type FormEvent } from 'react';
import { plansApi } from '../../api/voice-api.ts';
import type { ScoreSettings } from '../../api/voice-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/i18n.types.ts';
import { errorText } from '../shell/error-text.ts';

const PARTS = ['plans', 'trend', 'survey'] as const;

// Admins set how much each part weighs and the window; every team's score follows.
export function ScoreSettingsForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const [settings, setSettings] = useState<ScoreSettings | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    plansApi.settings().then(setSettings, (err: unknown) => setStatus({ ok: false, text: errorText(err, t) }));
  }, [t]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!settings) return;
    try {
      setSettings(await plansApi.saveSettings(settings));
      setStatus({ ok: true, text: t('score.settings.saved') });
      onSaved();
    } catch (err) {
      setStatus({ ok: false, text: errorText(err, t) });
    }
  }

  if (!settings) return status ? <p className="form-error">{status.text}</p> : null;
  return (
    <details className="score-settings">
      <summary>{t('score.settings')}</summary>
      <form className="plan-form" onSubmit={submit}>
        <p className="muted score-help">{t('score.settings.help')}</p>
        {PARTS.map((part) => (
          <label key={part}>
            {t(`score.part.${part}` as MessageKey)}
            <input type="number" min={0} max={100} step="any" value={settings.weights[part]} onChange={(e) => setSettings({ ...settings, weights: { ...settings.weights, [part]: Number(e.target.value) } })} />
          </label>
        ))}
        <label>
          {t('score.settings.windowDays')}
          <input type="number" min={7} max={365} value={settings.windowDays} onChange={(e) => setSettings({ ...settings, windowDays: Number(e.target.value) })} />
        </label>
        {status && (
          <p className={status.ok ? 'muted' : 'form-error'} role="status">
            {status.text}
          </p>
        )}
        <button className="button small" type="submit">
          {t('score.settings.save')}
        </button>
      </form>
    </details>
  );
}
