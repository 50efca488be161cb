import { useI18n } from '../../i18n/i18n.context.tsx';
import { fieldLabel } from './channel-kinds.ts';
import { FieldError, fieldDomId } from './field-error.component.tsx';
import type { FormField, FormValues, SchemaForm } from './schema-form.ts';

type Props = { form: SchemaForm; values: FormValues; errors: Record<string, string>; onChange: (values: FormValues) => void };

// The settings inputs of one kind, generated from its JSON schema; nested objects become fieldsets.
export function SchemaFields({ form, values, errors, onChange }: Props) {
  const { t } = useI18n();
  const top = form.fields.filter((f) => f.group === null);
  return (
    <>
      {top.map((f) => (
        <SchemaInput key={f.path} field={f} values={values} errors={errors} onChange={onChange} />
      ))}
      {form.groups.map((g) => (
        <fieldset key={g.path} className="span-2 channel-group" data-testid={`channel-group-${g.path}`}>
          <legend>{fieldLabel(g.path, t)}</legend>
          {!g.required && <p className="muted small">{t('channels.optionalGroup')}</p>}
          <div className="form-grid">
            {form.fields
              .filter((f) => f.group === g.path)
              .map((f) => (
                <SchemaInput key={f.path} field={f} values={values} errors={errors} onChange={onChange} />
              ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}

function SchemaInput({ field: f, values, errors, onChange }: { field: FormField } & Omit<Props, 'form'>) {
  const { t } = useI18n();
  const key = `settings.${f.path}`;
  const id = fieldDomId(key);
  const error = errors[key];
  // The server's descriptions are in English: shown only for a field this screen has no words for.
  const help = fieldLabel(f.path, t) === f.path ? f.description : undefined;
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined;
  const set = (v: string | boolean) => onChange({ ...values, [f.path]: v });
  const common = { id, 'data-testid': `channel-field-${f.path}`, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  if (f.input === 'boolean') {
    return (
      <label className="checkbox">
        <input type="checkbox" {...common} checked={values[f.path] === true} onChange={(e) => set(e.target.checked)} />
        {fieldLabel(f.path, t)}
        <FieldError id={`${id}-error`} message={error} />
      </label>
    );
  }
  const value = String(values[f.path] ?? '');
  return (
    <label>
      <span>
        {fieldLabel(f.path, t)}
        {f.required && <span className="muted small"> ({t('channels.required')})</span>}
      </span>
      {f.input === 'select' ? (
        <select {...common} value={value} onChange={(e) => set(e.target.value)}>
          {!f.required && <option value="" />}
          {f.options?.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        // The server validates (the form is noValidate) so its message is the one shown under the input.
        <input
          {...common}
          type={f.input === 'integer' || f.input === 'number' ? 'number' : f.input === 'url' ? 'url' : 'text'}
          inputMode={f.input === 'integer' ? 'numeric' : undefined}
          required={f.required}
          min={f.min}
          max={f.max}
          maxLength={f.maxLength}
          step={f.input === 'integer' ? 1 : undefined}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      )}
      {help && (
        <span id={`${id}-help`} className="muted small">
          {help}
        </span>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </label>
  );
}
