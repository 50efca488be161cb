import { useState, type FormEvent } from 'react';
import { customerProfileApi } from '../../api/customer-profile-api.ts';
import type { AttributeChange, AttributeDefinition } from '../../api/customer-profile-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { optionsOf } from '../customer-profile/attribute-values.ts';
import { FormStatus } from './form-status.component.tsx';
import { useFormStatus } from './use-form-status.hook.ts';

// One defined customer field: its label, options (select) and description can change; its key and type cannot.
// `onMove`: moves the field one place up (-1) or down (+1) in the customer page; a direction the
// field cannot go is left out.
export function AttributeDefinitionRow({ def, onChanged, onMove }: { def: AttributeDefinition; onChanged: () => void; onMove: { up?: () => Promise<void>; down?: () => Promise<void> } }) {
  const { t } = useI18n();
  const status = useFormStatus();
  const [label, setLabel] = useState(def.label);
  const [options, setOptions] = useState(def.options.join('\n'));
  const [description, setDescription] = useState(def.description ?? '');
  const id = `attribute-${def.key}`;

  function save(e: FormEvent) {
    e.preventDefault();
    const change: AttributeChange = { label: label.trim(), description: description.trim() || null };
    if (def.type === 'select') change.options = optionsOf(options);
    void status.run(async () => {
      await customerProfileApi.updateAttribute(def.key, change);
      onChanged();
      return t('admin.saved');
    });
  }

  function remove() {
    if (!window.confirm(t('attributes.confirmDelete', { label: def.label }))) return;
    void status.run(async () => {
      await customerProfileApi.deleteAttribute(def.key);
      onChanged();
    });
  }

  return (
    <li className="card attribute-row" data-testid="attribute-row" data-key={def.key}>
      <form className="form-grid" onSubmit={save}>
        <p className="span-2">
          <code>{def.key}</code> · <span className="muted">{t(`attributes.type.${def.type}`)}</span>
        </p>
        <label htmlFor={`${id}-label`}>
          {t('attributes.label')}
          <input id={`${id}-label`} data-testid="attribute-label" required maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label htmlFor={`${id}-description`}>
          {t('attributes.description')}
          <input id={`${id}-description`} maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        {def.type === 'select' && (
          <label htmlFor={`${id}-options`} className="span-2">
            {t('attributes.options')}
            <textarea id={`${id}-options`} data-testid="attribute-options" rows={3} value={options} onChange={(e) => setOptions(e.target.value)} />
          </label>
        )}
        <div className="form-actions">
          <button type="submit" className="button small" data-testid="attribute-save" disabled={status.busy || !label.trim()}>
            {t('attributes.save')}
          </button>
          {(['up', 'down'] as const).map((way) => {
            const name = t(way === 'up' ? 'attributes.moveUp' : 'attributes.moveDown', { label: def.label });
            const go = onMove[way];
            return (
              <button key={way} type="button" className="button small" data-testid={`attribute-${way}`} aria-label={name} title={name} disabled={status.busy || !go} onClick={() => go && void status.run(go)}>
                {way === 'up' ? '↑' : '↓'}
              </button>
            );
          })}
          <button type="button" className="button small danger" data-testid="attribute-delete" disabled={status.busy} onClick={remove}>
            {t('attributes.delete')}
          </button>
        </div>
        <FormStatus error={status.error} done={status.done} />
      </form>
    </li>
  );
}
