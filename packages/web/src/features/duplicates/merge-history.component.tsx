import { useState } from 'react';
import type { Customer } from '../../api/api.types.ts';
import { customerMergeApi } from '../../api/customer-merge-api.ts';
import type { Merge, UnmergeResult } from '../../api/customer-merge-types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { Link } from '../shell/link.component.tsx';
import { customerLabel } from './customer-facts.component.tsx';

type Props = { customerId: string; merges: Merge[]; people: Map<string, Customer>; canUndo: boolean; onUndone: (result: UnmergeResult) => void };

function MergeEntry({ customerId, merge, people, canUndo, onUndone }: Omit<Props, 'merges'> & { merge: Merge }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const otherId = merge.survivorId === customerId ? merge.absorbedId : merge.survivorId;
  const other = people.get(otherId);
  const otherName = other ? customerLabel(other, t('inbox.unknownCustomer')) : t('merges.unknown', { id: otherId.slice(0, 8) });
  const otherLink = (
    <Link href={`/customers/${otherId}`} data-testid="merge-other">
      {otherName}
    </Link>
  );

  async function undo() {
    setBusy(true);
    setError(null);
    try {
      onUndone(await customerMergeApi.unmerge(merge.id));
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  }

  return (
    <li className={`merge-entry${merge.unmergedAt ? ' undone' : ''}`} data-testid="merge-entry" data-merge-id={merge.id} data-undone={merge.unmergedAt ? 'true' : 'false'}>
      <p className="merge-entry-title">
        {merge.survivorId === customerId ? (
          <>
            {otherLink} {t('merges.absorbedHere')}
          </>
        ) : (
          <>
            {t('merges.wentInto')} {otherLink}
          </>
        )}
      </p>
      <p className="muted small">
        {t(merge.kind === 'manual' ? 'merges.manual' : 'merges.automatic', { when: formatDateTime(merge.mergedAt, lang) })}{' '}
        {t('merges.moved', { conversations: merge.moved.conversations, identities: merge.moved.identities })}
      </p>
      {merge.unmergedAt ? (
        <p className="small merge-undone" data-testid="merge-undone">
          {t('merges.undone', { when: formatDateTime(merge.unmergedAt, lang) })}
        </p>
      ) : (
        canUndo && (
          <button type="button" className="button small danger" data-testid="merge-undo" disabled={busy} onClick={() => void undo()}>
            {busy ? t('merges.undoing') : t('merges.undo')}
          </button>
        )
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="merge-undo-error">
          {error}
        </p>
      )}
    </li>
  );
}

// Newest first; an undone merge stays listed, marked as undone.
export function MergeHistory(props: Props) {
  const { t } = useI18n();
  if (!props.merges.length) return <p className="muted">{t('merges.none')}</p>;
  return (
    <ul className="plain merge-history" data-testid="merge-history">
      {props.merges.map((m) => (
        <MergeEntry key={m.id} merge={m} customerId={props.customerId} people={props.people} canUndo={props.canUndo} onUndone={props.onUndone} />
      ))}
    </ul>
  );
}
