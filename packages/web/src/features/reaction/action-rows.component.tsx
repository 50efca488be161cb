import { useId } from 'react';
import type { ActionType, PlaybookCatalog } from '../../api/reaction-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { describedBy, FieldError } from './field-error.component.tsx';
import { emptyAction, type ActionRow, type FieldErrors } from './playbook-form.ts';

type Props = { actions: ActionRow[]; catalog: PlaybookCatalog; errors: FieldErrors; onChange: (rows: ActionRow[]) => void };

const PLACEHOLDERS = '{firstName}, {quote}, {agentName}, {company}';

function ActionInputs({ row, index, catalog, errors, onChange }: { row: ActionRow; index: number; catalog: PlaybookCatalog; errors: FieldErrors; onChange: (r: ActionRow) => void }) {
  const { t } = useI18n();
  const id = useId();
  const at = (k: string) => errors[`actions.${index}.${k}`];
  const localizedKey = row.type === 'apology' ? 'draft' : row.type === 'gift' ? 'description' : 'title';
  const num = (k: 'percent' | 'amount' | 'hours', label: string, max: number) => (
    <span className="form-cell narrow">
      <label htmlFor={`${id}-${k}`}>{label}</label>
      <input id={`${id}-${k}`} type="number" min={0} max={max} step="any" value={row[k]} data-param={k} {...describedBy(`${id}-${k}e`, at(k))} onChange={(e) => onChange({ ...row, [k]: e.target.value })} />
      <FieldError id={`${id}-${k}e`} issues={at(k)} />
    </span>
  );
  const localized = (lang: 'es' | 'en') => {
    const issues = [...(at(`${localizedKey}.${lang}`) ?? []), ...(lang === 'es' ? (at(localizedKey) ?? []) : [])];
    const k = lang === 'es' ? 'textEs' : 'textEn';
    return (
      <span className="form-cell grow">
        <label htmlFor={`${id}-${lang}`}>{lang === 'es' ? t('reaction.form.textEs') : t('reaction.form.textEn')}</label>
        <textarea id={`${id}-${lang}`} rows={row.type === 'apology' ? 3 : 1} value={row[k]} {...describedBy(`${id}-${lang}e`, issues)} onChange={(e) => onChange({ ...row, [k]: e.target.value })} />
        <FieldError id={`${id}-${lang}e`} issues={issues} />
      </span>
    );
  };
  return (
    <>
      <span className="form-cell">
        <label htmlFor={`${id}-type`}>{t('reaction.form.actionType')}</label>
        <select id={`${id}-type`} value={row.type} {...describedBy(`${id}-te`, at('type'))} onChange={(e) => onChange({ ...emptyAction(e.target.value as ActionType, catalog.bounds.currency) })}>
          {catalog.actions.map((a) => (
            <option key={a.type} value={a.type}>
              {t(`reaction.action.${a.type}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-te`} issues={at('type')} />
      </span>
      {row.type === 'offer_discount' && num('percent', `${t('reaction.form.percent')} ≤ ${catalog.bounds.maxDiscountPercent}`, 100)}
      {row.type === 'offer_compensation' && (
        <>
          {num('amount', `${t('reaction.form.amount')} ≤ ${catalog.bounds.maxCompensation}`, 1e9)}
          <span className="form-cell narrow">
            <label htmlFor={`${id}-cur`}>{t('reaction.form.currency')}</label>
            <input id={`${id}-cur`} value={row.currency} maxLength={3} {...describedBy(`${id}-cure`, at('currency'))} onChange={(e) => onChange({ ...row, currency: e.target.value })} />
            <FieldError id={`${id}-cure`} issues={at('currency')} />
          </span>
        </>
      )}
      {row.type === 'personal_call' && (
        <span className="form-cell">
          <label htmlFor={`${id}-by`}>{t('reaction.form.by')}</label>
          <select id={`${id}-by`} value={row.by} onChange={(e) => onChange({ ...row, by: e.target.value === 'assignee' ? 'assignee' : 'trusted' })}>
            <option value="trusted">{t('reaction.callTrusted')}</option>
            <option value="assignee">{t('reaction.callAssignee')}</option>
          </select>
        </span>
      )}
      {row.type === 'follow_up' && num('hours', t('reaction.form.hours'), 720)}
      {(row.type === 'apology' || row.type === 'gift' || row.type === 'article') && (
        <span className="form-localized">
          {localized('es')}
          {localized('en')}
          {row.type === 'apology' && <span className="muted small">{t('reaction.form.placeholders', { list: PLACEHOLDERS })}</span>}
          {row.type === 'article' && (
            <span className="form-cell grow">
              <label htmlFor={`${id}-url`}>{t('reaction.form.url')}</label>
              <input id={`${id}-url`} type="url" value={row.url} {...describedBy(`${id}-urle`, at('url'))} onChange={(e) => onChange({ ...row, url: e.target.value })} />
              <FieldError id={`${id}-urle`} issues={at('url')} />
            </span>
          )}
        </span>
      )}
    </>
  );
}

// The actions a playbook proposes, one row each with its parameters.
export function ActionRows({ actions, catalog, errors, onChange }: Props) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="form-group">
      <legend>{t('reaction.form.actions')}</legend>
      <FieldError id={`${id}-ae`} issues={errors.actions} />
      <ol className="plain form-rows">
        {actions.map((row, i) => (
          <li key={i} className="form-row" data-testid="action-row" data-type={row.type}>
            <ActionInputs row={row} index={i} catalog={catalog} errors={errors} onChange={(r) => onChange(actions.map((x, j) => (j === i ? r : x)))} />
            <button type="button" className="button ghost small" aria-label={t('reaction.form.removeRow', { n: i + 1 })} disabled={actions.length <= 1} onClick={() => onChange(actions.filter((_, j) => j !== i))}>
              {t('reaction.form.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button small" disabled={actions.length >= 8} onClick={() => onChange([...actions, emptyAction('follow_up', catalog.bounds.currency)])}>
        {t('reaction.form.addAction')}
      </button>
    </fieldset>
  );
}
