import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Customer } from '../../api/api.types.ts';
import { customerMergeApi } from '../../api/customer-merge-api.ts';
import type { MergeResult, MergeSide } from '../../api/customer-merge-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { customerLabel } from './customer-facts.component.tsx';
import { choiceRows, defaultSurvivor, mergeBodyOf, presetChoices, rowId, sameFields, type ChoiceRow, type Choices } from './merge-choices.ts';

type Props = { pair: [Customer, Customer]; proposalId?: string; onClose: () => void; onMerged: (result: MergeResult) => void };

type ChoiceProps = { row: ChoiceRow; side: MergeSide; owners: Record<MergeSide, string>; onChange: (side: MergeSide) => void };

function ChoiceFieldset({ row, side, owners, onChange }: ChoiceProps) {
  const { t } = useI18n();
  const name = useId();
  const label = row.kind === 'field' ? t(`customer.${row.key}`) : row.key;
  return (
    <fieldset className="merge-choice" data-testid={`merge-choice-${rowId(row)}`}>
      <legend>{label}</legend>
      {(['survivor', 'absorbed'] as const).map((s) => (
        <label key={s} className="merge-option">
          <input type="radio" name={name} value={s} checked={side === s} onChange={() => onChange(s)} />
          <span className={row[s] === null ? 'muted' : undefined}>{row[s] ?? t('merge.empty')}</span>
          <span className="visually-hidden"> ({t('merge.from', { name: owners[s] })})</span>
        </label>
      ))}
    </fieldset>
  );
}

// The employee decides, field by field, what the merged customer keeps; Escape or Cancel leaves both untouched.
export function MergeDialog({ pair, proposalId, onClose, onMerged }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [survivorId, setSurvivorId] = useState(() => defaultSurvivor(...pair)[0].id);
  const [survivor, absorbed] = pair[0].id === survivorId ? pair : [pair[1], pair[0]];
  const rows = useMemo(() => choiceRows(survivor, absorbed), [survivor, absorbed]);
  const [choices, setChoices] = useState<Choices>(() => presetChoices(rows));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const same = sameFields(survivor, absorbed);
  const unknown = t('inbox.unknownCustomer');
  const owners = { survivor: customerLabel(survivor, unknown), absorbed: customerLabel(absorbed, unknown) };

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  function chooseSurvivor(id: string) {
    const [s, a] = pair[0].id === id ? pair : [pair[1], pair[0]];
    setSurvivorId(id);
    // The columns swap, so the earlier picks no longer mean the same values.
    setChoices(presetChoices(choiceRows(s, a)));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onMerged(await customerMergeApi.merge(survivor.id, mergeBodyOf(absorbed.id, rows, choices, proposalId)));
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className="merge-dialog" aria-labelledby={titleId} data-testid="merge-dialog" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id={titleId}>{t('merge.title')}</h2>
        <p className="muted small">{t('merge.intro')}</p>
        <fieldset className="merge-survivor" data-testid="merge-survivor">
          <legend>{t('merge.survivor')}</legend>
          {pair.map((c) => (
            <label key={c.id} className="merge-option">
              <input type="radio" name={`${titleId}-survivor`} value={c.id} checked={c.id === survivorId} onChange={() => chooseSurvivor(c.id)} />
              <span>
                {customerLabel(c, unknown)} <span className="muted">({c.email ?? c.phone ?? c.id.slice(0, 8)})</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="merge-columns" aria-hidden="true">
          <span />
          <span>{t('merge.keeps', { name: owners.survivor })}</span>
          <span>{t('merge.goes', { name: owners.absorbed })}</span>
        </div>
        {rows.length === 0 ? (
          <p className="muted">{t('merge.nothingDiffers')}</p>
        ) : (
          rows.map((row) => (
            <ChoiceFieldset key={`${survivorId}:${rowId(row)}`} row={row} owners={owners} side={choices[rowId(row)] ?? row.preset} onChange={(side) => setChoices((c) => ({ ...c, [rowId(row)]: side }))} />
          ))
        )}
        {same.length > 0 && <p className="muted small">{t('merge.same', { fields: same.map((f) => t(`customer.${f}`)).join(', ') })}</p>}
        <p className="small">{t('merge.moves', { name: owners.absorbed })}</p>
        {error && (
          <p className="form-error" role="alert" data-testid="merge-error">
            {error}
          </p>
        )}
        <div className="row-actions">
          <button type="submit" className="button primary" data-testid="merge-confirm" disabled={busy}>
            {busy ? t('merge.merging') : t('merge.confirm')}
          </button>
          <button type="button" className="button ghost" onClick={() => ref.current?.close()}>
            {t('duplicates.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
