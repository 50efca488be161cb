import { useState, type FormEvent } from 'react';
import { api, newIdempotencyKey } from '../../api/http-client.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import type { ChannelState } from './use-channel-state.hook.ts';

type Props = { conversationId: string; state: ChannelState; onSent: () => void };

// Outside WhatsApp's 24-hour window only an approved template may go: say why, and offer to send one.
export function ChannelBlock({ conversationId, state, onSent }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('es');
  const [parameters, setParameters] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const params = parameters.split('\n').map((p) => p.trim()).filter(Boolean);
      await api.post(`/api/conversations/${conversationId}/whatsapp-template`, { name: name.trim(), language, parameters: params, idempotencyKey: newIdempotencyKey() });
      setName('');
      setParameters('');
      onSent();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="channel-block" data-testid="channel-block" aria-label={t('channelReply.title')}>
      <p role="status">{state.reason ?? t('channelReply.cannotReply')}</p>
      {state.templateRequired && (
        <form className="template-form" onSubmit={submit} data-testid="template-form">
          <p className="hint">{t('channelReply.templateHint')}</p>
          <label>
            {t('channelReply.templateName')}
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={512} placeholder="seguimiento_pedido" />
          </label>
          <label>
            {t('channelReply.templateLanguage')}
            <select value={language} onChange={(e) => setLanguage(e.target.value)}>
              <option value="es">Español (es)</option>
              <option value="en">English (en)</option>
              <option value="es_MX">Español, México (es_MX)</option>
              <option value="en_US">English, US (en_US)</option>
            </select>
          </label>
          <label>
            {t('channelReply.templateParameters')}
            <textarea value={parameters} onChange={(e) => setParameters(e.target.value)} rows={3} />
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy || !name.trim()}>
            {busy ? t('channelReply.sending') : t('channelReply.sendTemplate')}
          </button>
        </form>
      )}
    </section>
  );
}
