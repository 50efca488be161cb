import type { AttributeDefinition } from '../../api/customer-profile-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { AttributeDraft } from './attribute-values.ts';

type Props = { def: AttributeDefinition; id: string; value: AttributeDraft; describedBy: string | undefined; invalid: boolean; onChange: (value: AttributeDraft) => void };

// The input a field's type calls for: text, number, checkbox, date or a select of its options.
export function AttributeInput({ def, id, value, describedBy, invalid, onChange }: Props) {
  const { t } = useI18n();
  const common = { id, 'data-testid': `attribute-input-${def.key}`, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined };
  const text = typeof value === 'string' ? value : '';
  switch (def.type) {
    case 'boolean':
      return <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case 'select':
      return (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('profile.details.unset')}</option>
          {/* A value stored before the options changed is kept visible rather than silently replaced. */}
          {text && !def.options.includes(text) && <option value={text}>{text}</option>}
          {def.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    case 'number':
      return <input {...common} type="text" inputMode="decimal" value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'date':
      return <input {...common} type="date" value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'text':
      return <input {...common} type="text" maxLength={2000} value={text} onChange={(e) => onChange(e.target.value)} />;
  }
}
