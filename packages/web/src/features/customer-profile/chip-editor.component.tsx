import { useState, type FormEvent } from 'react';
import { customerProfileApi } from '../../api/customer-profile-api.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { addChips, removeChip, sameChips } from './chip-list.ts';
import { isFormWide, issuesAt } from './field-issues.ts';

export type ChipField = 'tags' | 'interests';

const save = (customerId: string, field: ChipField, values: string[]): Promise<string[]> =>
  field === 'tags' ? customerProfileApi.setTags(customerId, values).then((r) => r.tags) : customerProfileApi.setInterests(customerId, values).then((r) => r.interests);

// Tags or interests as chips: each addition or removal is saved at once (PUT replaces the list),
// and what the server refuses is said next to the input.
export function ChipEditor({ customerId, field, values, onSaved }: { customerId: string; field: ChipField; values: string[]; onSaved: (values: string[]) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inputId = `chip-input-${field}`;
  const errorId = `chip-error-${field}`;

  async function put(next: string[]): Promise<boolean> {
    if (sameChips(next, values)) return true;
    setBusy(true);
    setError(null);
    try {
      onSaved(await save(customerId, field, next));
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    if (await put(addChips(values, text))) setText('');
  }

  const messages = error ? (isFormWide(error, [field]) ? [errorText(error, t)] : issuesAt(error, field)) : [];
  return (
    <section className="profile-card" aria-labelledby={`profile-${field}-heading`} data-testid={`profile-${field}`}>
      <h2 id={`profile-${field}-heading`}>{t(`profile.${field}.title`)}</h2>
      {values.length === 0 ? (
        <p className="muted small">{t(`profile.${field}.empty`)}</p>
      ) : (
        <ul className="chips" data-testid={`${field}-list`}>
          {values.map((v) => (
            <li key={v} className="chip" data-testid="chip" data-value={v}>
              {v}
              <button type="button" className="chip-remove" disabled={busy} aria-label={t(`profile.${field}.remove`, { value: v })} onClick={() => void put(removeChip(values, v))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form chip-form" onSubmit={(e) => void add(e)}>
        <label htmlFor={inputId} className="visually-hidden">
          {t(`profile.${field}.input`)}
        </label>
        <input
          id={inputId}
          data-testid={`${field}-input`}
          value={text}
          placeholder={t(`profile.${field}.placeholder`)}
          onChange={(e) => setText(e.target.value)}
          {...(messages.length ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
        />
        <button type="submit" className="button small" data-testid={`${field}-add`} disabled={busy || !text.trim()}>
          {t(`profile.${field}.add`)}
        </button>
      </form>
      {messages.length > 0 && (
        <p id={errorId} className="form-error" role="alert" data-testid={`${field}-error`}>
          {messages.join(' · ')}
        </p>
      )}
    </section>
  );
}
