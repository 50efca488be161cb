import { useId } from 'react';
import type { CatalogField } from '../../api/reaction-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/i18n.types.ts';
import { describedBy, FieldError } from './field-error.component.tsx';
import { fieldKind, type ConditionRow, type FieldErrors, type Grouping, type LeafRow } from './playbook-form.ts';

type Props = {
  grouping: Grouping;
  rows: ConditionRow[];
  fields: readonly CatalogField[];
  errors: FieldErrors;
  onGrouping: (g: Grouping) => void;
  onRows: (rows: ConditionRow[]) => void;
};

function LeafInputs({ row, index, fields, errors, onChange }: { row: LeafRow; index: number; fields: readonly CatalogField[]; errors: FieldErrors; onChange: (r: LeafRow) => void }) {
  const { t } = useI18n();
  const id = useId();
  const field = fields.find((f) => f.field === row.field);
  const kind = fieldKind(field);
  const key = (k: string) => errors[`condition.${index}.${k}`];
  const valueLabel = t('reaction.form.value') + (kind === 'keywords' || row.op === 'in' || row.op === 'notIn' ? ` (${t('reaction.form.listHint')})` : '');
  const valueOptions = kind === 'boolean' ? ['true', 'false'] : kind === 'set' && field?.values && row.op !== 'in' && row.op !== 'notIn' ? field.values.map(String) : null;
  const optionLabel = (v: string) => (v === 'true' ? t('reaction.yes') : v === 'false' ? t('reaction.no') : row.field === 'emotion' ? t(`emotion.${v}` as MessageKey) : row.field === 'moodTrend' ? t(`mood.trend.${v}` as MessageKey) : v);
  return (
    <>
      <span className="form-cell">
        <label htmlFor={`${id}-f`}>{t('reaction.form.field')}</label>
        <select
          id={`${id}-f`}
          value={row.field}
          {...describedBy(`${id}-fe`, key('field'))}
          onChange={(e) => {
            const next = fields.find((f) => f.field === e.target.value);
            onChange({ ...row, field: e.target.value, op: next?.ops[0] ?? 'eq', value: next?.values ? String(next.values[0]) : '', days: e.target.value === 'contactsInDays' ? '7' : '' });
          }}
        >
          {fields.map((f) => (
            <option key={f.field} value={f.field} title={f.about}>
              {t(`reaction.field.${f.field}` as MessageKey)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-fe`} issues={key('field')} />
      </span>
      {row.field === 'contactsInDays' && (
        <span className="form-cell narrow">
          <label htmlFor={`${id}-d`}>{t('reaction.form.days')}</label>
          <input id={`${id}-d`} type="number" min={1} max={90} value={row.days} {...describedBy(`${id}-de`, key('days'))} onChange={(e) => onChange({ ...row, days: e.target.value })} />
          <FieldError id={`${id}-de`} issues={key('days')} />
        </span>
      )}
      <span className="form-cell">
        <label htmlFor={`${id}-o`}>{t('reaction.form.op')}</label>
        <select id={`${id}-o`} value={row.op} {...describedBy(`${id}-oe`, key('op'))} onChange={(e) => onChange({ ...row, op: e.target.value })}>
          {(field?.ops ?? [row.op]).map((op) => (
            <option key={op} value={op}>
              {t(`reaction.op.${op}` as MessageKey)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-oe`} issues={key('op')} />
      </span>
      <span className="form-cell grow">
        <label htmlFor={`${id}-v`}>{valueLabel}</label>
        {valueOptions ? (
          <select id={`${id}-v`} value={row.value} {...describedBy(`${id}-ve`, key('value'))} onChange={(e) => onChange({ ...row, value: e.target.value })}>
            {valueOptions.map((v) => (
              <option key={v} value={v}>
                {optionLabel(v)}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={`${id}-v`}
            type={kind === 'number' ? 'number' : 'text'}
            step="any"
            min={field?.min}
            max={field?.max}
            value={row.value}
            {...describedBy(`${id}-ve`, key('value'))}
            onChange={(e) => onChange({ ...row, value: e.target.value })}
          />
        )}
        <FieldError id={`${id}-ve`} issues={key('value')} />
      </span>
    </>
  );
}

// The condition as rows under one "all"/"any"; nested groups stay JSON rows.
export function ConditionRows({ grouping, rows, fields, errors, onGrouping, onRows }: Props) {
  const { t } = useI18n();
  const id = useId();
  const set = (i: number, r: ConditionRow) => onRows(rows.map((x, j) => (j === i ? r : x)));
  return (
    <fieldset className="form-group">
      <legend>{t('reaction.form.conditions')}</legend>
      <span className="form-cell">
        <label htmlFor={`${id}-g`}>{t('reaction.form.grouping')}</label>
        <select id={`${id}-g`} value={grouping} onChange={(e) => onGrouping(e.target.value === 'any' ? 'any' : 'all')}>
          <option value="all">{t('reaction.form.grouping.all')}</option>
          <option value="any">{t('reaction.form.grouping.any')}</option>
        </select>
      </span>
      <FieldError id={`${id}-ce`} issues={errors.condition} />
      <ol className="plain form-rows">
        {rows.map((row, i) => (
          <li key={i} className="form-row" data-testid="condition-row">
            {row.kind === 'leaf' ? (
              <LeafInputs row={row} index={i} fields={fields} errors={errors} onChange={(r) => set(i, r)} />
            ) : (
              <span className="form-cell grow">
                <label htmlFor={`${id}-j${i}`}>{t('reaction.form.json')}</label>
                <textarea id={`${id}-j${i}`} rows={2} className="mono" value={row.json} {...describedBy(`${id}-je${i}`, errors[`condition.${i}`])} onChange={(e) => set(i, { kind: 'json', json: e.target.value })} />
                <FieldError id={`${id}-je${i}`} issues={errors[`condition.${i}`]} />
              </span>
            )}
            <button type="button" className="button ghost small" aria-label={t('reaction.form.removeRow', { n: i + 1 })} disabled={rows.length <= 1} onClick={() => onRows(rows.filter((_, j) => j !== i))}>
              {t('reaction.form.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button small" onClick={() => onRows([...rows, { kind: 'leaf', field: 'emotion', op: 'eq', value: 'sadness', days: '' }])}>
        {t('reaction.form.addCondition')}
      </button>
    </fieldset>
  );
}
