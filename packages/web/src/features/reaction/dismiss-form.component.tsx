import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.context.tsx';

type Props = { busy: boolean; onDismiss: (reason: string) => void; onCancel: () => void };

// Dismissing asks why (3–500 characters): the reason is kept for whoever tunes the playbooks.
export function DismissForm({ busy, onDismiss, onCancel }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setTooShort(true);
      ref.current?.focus();
      return;
    }
    onDismiss(reason.trim());
  }

  return (
    <form className="dismiss-form" onSubmit={submit}>
      <label htmlFor={id}>{t('reaction.dismissReason')}</label>
      <input
        id={id}
        ref={ref}
        data-testid="dismiss-reason"
        value={reason}
        maxLength={500}
        aria-invalid={tooShort || undefined}
        aria-describedby={tooShort ? `${id}-err` : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setTooShort(false);
        }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      {tooShort && (
        <p id={`${id}-err`} className="form-error small">
          {t('reaction.reasonShort')}
        </p>
      )}
      <span className="row-actions">
        <button type="submit" className="button small danger" data-testid="dismiss-confirm" disabled={busy}>
          {t('reaction.dismissConfirm')}
        </button>
        <button type="button" className="button small ghost" onClick={onCancel}>
          {t('reaction.cancel')}
        </button>
      </span>
    </form>
  );
}
