import { useState, type FormEvent } from 'react';
import { customerProfileApi } from '../../api/customer-profile-api.ts';
import type { AttributeDraft, AttributeType } from '../../api/customer-profile-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { ATTRIBUTE_KEY, optionsOf } from '../customer-profile/attribute-values.ts';
import { useAttributeDefinitions } from '../customer-profile/use-attribute-definitions.hook.ts';
import { errorText } from '../shell/error-text.ts';
import { AttributeDefinitionRow } from './attribute-definition-row.component.tsx';
import { FormStatus } from './form-status.component.tsx';
import { useFormStatus } from './use-form-status.hook.ts';
import './customer-attributes.css';

const TYPES: readonly AttributeType[] = ['text', 'number', 'boolean', 'date', 'select'];

// The workspace's own customer fields (admins): define one with a key and type, then change its
// label, options or description, move it up or down the customer page, or delete it (customers
// keep their values, untyped).
export function CustomerAttributesAdmin() {
  const { t } = useI18n();
  const { definitions, loaded, error, reload } = useAttributeDefinitions();
  const status = useFormStatus();
  const [draft, setDraft] = useState<{ key: string; label: string; type: AttributeType; options: string; description: string }>({ key: '', label: '', type: 'text', options: '', description: '' });

  async function create(e: FormEvent) {
    e.preventDefault();
    const body: AttributeDraft = { key: draft.key.trim(), label: draft.label.trim(), type: draft.type };
    if (draft.type === 'select') body.options = optionsOf(draft.options);
    if (draft.description.trim()) body.description = draft.description.trim();
    const ok = await status.run(async () => {
      await customerProfileApi.createAttribute(body);
      reload();
      return t('attributes.created', { label: body.label });
    });
    if (ok) setDraft({ key: '', label: '', type: 'text', options: '', description: '' });
  }

  // The whole order goes to the server at once (PUT /customer-attributes/order), never one position at a time.
  const move = (index: number, delta: -1 | 1) => async () => {
    const keys = definitions.map((d) => d.key);
    [keys[index], keys[index + delta]] = [keys[index + delta]!, keys[index]!];
    await customerProfileApi.reorderAttributes(keys);
    reload();
  };

  return (
    <section aria-labelledby="attributes-heading" data-testid="admin-attributes">
      <h1 id="attributes-heading">{t('admin.attributes')}</h1>
      <p className="muted">{t('attributes.intro')}</p>
      {error !== null && (
        <p className="form-error" role="alert">
          {errorText(error, t)}
        </p>
      )}
      <h2>{t('attributes.list')}</h2>
      {loaded && definitions.length === 0 && !error && <p className="muted">{t('attributes.empty')}</p>}
      <ul className="plain attribute-list">
        {definitions.map((def, i) => (
          <AttributeDefinitionRow
            key={def.key}
            def={def}
            onChanged={reload}
            onMove={{ up: i > 0 ? move(i, -1) : undefined, down: i < definitions.length - 1 ? move(i, 1) : undefined }}
          />
        ))}
      </ul>
      <form className="card form-grid attribute-create" onSubmit={(e) => void create(e)} data-testid="attribute-create-form">
        <h2>{t('attributes.new')}</h2>
        <label>
          {t('attributes.key')}
          <input
            data-testid="attribute-new-key"
            required
            maxLength={40}
            pattern={ATTRIBUTE_KEY.source.slice(1, -1)}
            aria-describedby="attribute-key-help"
            value={draft.key}
            onChange={(e) => setDraft({ ...draft, key: e.target.value })}
          />
          <span id="attribute-key-help" className="muted small">
            {t('attributes.keyHelp')}
          </span>
        </label>
        <label>
          {t('attributes.label')}
          <input data-testid="attribute-new-label" required maxLength={100} value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })} />
        </label>
        <label>
          {t('attributes.type')}
          <select data-testid="attribute-new-type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as AttributeType })}>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`attributes.type.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('attributes.description')}
          <input maxLength={500} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
        </label>
        {draft.type === 'select' && (
          <label className="span-2">
            {t('attributes.options')}
            <textarea data-testid="attribute-new-options" rows={3} value={draft.options} onChange={(e) => setDraft({ ...draft, options: e.target.value })} />
          </label>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary" data-testid="attribute-create" disabled={status.busy}>
            {t('attributes.create')}
          </button>
        </div>
        <FormStatus error={status.error} done={status.done} />
      </form>
    </section>
  );
}
