import { useMemo, useState, type FormEvent } from 'react';
import { channelsApi } from '../../api/channels-api.ts';
import type { Channel, ChannelKindInfo } from '../../api/channels-types.ts';
import { ApiError } from '../../api/http-client.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { secretLabel } from './channel-kinds.ts';
import { FieldError, fieldDomId } from './field-error.component.tsx';
import { SchemaFields } from './schema-fields.component.tsx';
import { addressesFrom, initialValues, issuesByField, schemaForm, secretsFrom, settingsFrom, type FormValues } from './schema-form.ts';

type Props = { info: ChannelKindInfo; channel?: Channel; onSaved: (channel: Channel) => void; onCancel: () => void };

// Create a channel of a kind, or edit one: name, e-mail addresses, the settings generated from the
// kind's schema, and write-only secrets. The server validates; its messages go under their inputs.
export function ChannelForm({ info, channel, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const form = useMemo(() => schemaForm(info.settings), [info.settings]);
  const [name, setName] = useState(channel?.name ?? '');
  const [addresses, setAddresses] = useState((channel?.addresses ?? []).join('\n'));
  const [values, setValues] = useState<FormValues>(() => initialValues(form, channel?.settings));
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const isEmail = info.kind === 'email';
  const fieldKeys = ['name', 'addresses', ...form.fields.map((f) => `settings.${f.path}`), ...info.secrets.map((s) => `secrets.${s}`)];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError([]);
    const settings = settingsFrom(form, values);
    try {
      const saved = channel
        ? await channelsApi.update(channel.id, {
            name: name.trim(),
            settings,
            ...(Object.keys(secretsFrom(info.secrets, secrets, removed)).length ? { secrets: secretsFrom(info.secrets, secrets, removed) } : {}),
            ...(isEmail ? { addresses: addressesFrom(addresses) } : {}),
          })
        : await channelsApi.create({
            kind: info.kind,
            name: name.trim(),
            settings,
            secrets: Object.fromEntries(Object.entries(secretsFrom(info.secrets, secrets)).filter((e): e is [string, string] => e[1] !== null)),
            ...(isEmail ? { addresses: addressesFrom(addresses) } : {}),
          });
      onSaved(saved);
    } catch (err) {
      const { byField, other } = err instanceof ApiError ? issuesByField(err.issues, fieldKeys) : { byField: {}, other: [] };
      setErrors(byField);
      setFormError([errorText(err, t), ...other]);
    } finally {
      setBusy(false);
    }
  }

  const nameId = fieldDomId('name');
  const addressesId = fieldDomId('addresses');
  return (
    <form className="card form-grid channel-form" noValidate onSubmit={(e) => void submit(e)} data-testid="channel-form" data-kind={info.kind}>
      <label className="span-2">
        {t('channels.name')}
        <input id={nameId} data-testid="channel-name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? `${nameId}-error` : undefined} />
        <FieldError id={`${nameId}-error`} message={errors.name} />
      </label>
      {isEmail && (
        <label className="span-2">
          {t('channels.addresses')}
          <textarea
            id={addressesId}
            data-testid="channel-addresses"
            rows={2}
            value={addresses}
            onChange={(e) => setAddresses(e.target.value)}
            aria-invalid={errors.addresses ? true : undefined}
            aria-describedby={`${addressesId}-help${errors.addresses ? ` ${addressesId}-error` : ''}`}
          />
          <span id={`${addressesId}-help`} className="muted small">
            {t('channels.addressesHelp')}
          </span>
          <FieldError id={`${addressesId}-error`} message={errors.addresses} />
        </label>
      )}
      {form.fields.length > 0 && <h3 className="span-2">{t('channels.settings')}</h3>}
      <SchemaFields form={form} values={values} errors={errors} onChange={setValues} />
      {info.secrets.length > 0 && (
        <>
          <h3 className="span-2">{t('channels.secrets')}</h3>
          <p className="muted small span-2">{channel ? t('channels.secretsKeepHelp') : t('channels.secretsHelp')}</p>
          {info.secrets.map((s) => {
            const id = fieldDomId(`secrets.${s}`);
            const error = errors[`secrets.${s}`];
            const isSet = channel?.secrets[s] === true;
            const required = info.requiredSecrets.includes(s);
            return (
              <div key={s} className="field">
                <label htmlFor={id}>
                  {secretLabel(s, t)}
                  {required && <span className="muted small"> ({t('channels.required')})</span>}{' '}
                  {channel && (
                    <span className={`secret-state ${isSet ? 'set' : 'unset'}`} data-testid={`channel-secret-state-${s}`}>
                      {isSet ? t('channels.secret.set') : t('channels.secret.unset')}
                    </span>
                  )}
                </label>
                {/* Write-only: what is stored is never sent back, so the input always starts empty. */}
                <input
                  id={id}
                  type="password"
                  autoComplete="new-password"
                  data-testid={`channel-secret-${s}`}
                  placeholder={isSet ? '••••••••' : ''}
                  value={secrets[s] ?? ''}
                  onChange={(e) => setSecrets({ ...secrets, [s]: e.target.value })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                />
                {channel && isSet && !required && (
                  <span className="checkbox small">
                    <input
                      type="checkbox"
                      id={`${id}-remove`}
                      checked={removed.has(s)}
                      onChange={(e) => {
                        const next = new Set(removed);
                        if (e.target.checked) next.add(s);
                        else next.delete(s);
                        setRemoved(next);
                      }}
                    />
                    <label htmlFor={`${id}-remove`}>{t('channels.secret.remove')}</label>
                  </span>
                )}
                <FieldError id={`${id}-error`} message={error} />
              </div>
            );
          })}
        </>
      )}
      {formError.length > 0 && (
        <div className="form-error" role="alert" data-testid="channel-form-error">
          {formError.map((m, i) => (
            <p key={i}>{m}</p>
          ))}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" data-testid="channel-save" disabled={busy}>
          {channel ? t('channels.save') : t('channels.create')}
        </button>
        <button type="button" className="button ghost" onClick={onCancel}>
          {t('channels.cancel')}
        </button>
      </div>
    </form>
  );
}
