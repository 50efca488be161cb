import { useState } from 'react';
import type { CallView } from '../../api/call-types.ts';
import { formatRelative } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useCustomer } from '../customer/use-customer.hook.ts';
import { errorText } from '../shell/error-text.ts';
import { Link } from '../shell/link.component.tsx';
import { useCalls } from './calls.context.tsx';
import { useReachable } from './use-reachable.hook.ts';
import './calls.css';
import { MediaIcon } from './call-icons.component.tsx';

// The team's list of customers who called and nobody answered, until someone calls back or handles it.
export function MissedCallsPage() {
  const { t } = useI18n();
  const { missed, missedError } = useCalls();
  return (
    <main id="main" className="missed-calls-page">
      <h1>{t('calls.missed.title')}</h1>
      <p className="muted">{t('calls.missed.intro')}</p>
      {missedError !== null && (
        <p className="form-error" role="alert">
          {errorText(missedError, t)}
        </p>
      )}
      {missed.length === 0 ? (
        <p className="muted pad" data-testid="missed-calls-empty">
          {t('calls.missed.empty')}
        </p>
      ) : (
        <ul className="missed-calls" data-testid="missed-calls" aria-live="polite">
          {missed.map((c) => (
            <MissedCall key={c.id} call={c} />
          ))}
        </ul>
      )}
    </main>
  );
}

function MissedCall({ call }: { call: CallView }) {
  const { t, lang } = useI18n();
  const { customer } = useCustomer(call.customerId);
  const { session, callBack, markHandled } = useCalls();
  const reachable = useReachable(call.conversationId, 60_000);
  const [error, setError] = useState<string | null>(null);
  const busy = session !== null && !['ended', 'failed'].includes(session.phase);
  const name = customer?.name || customer?.email || t('calls.customer');
  return (
    <li className="missed-call" data-testid="missed-call" data-call-id={call.id}>
      <span className="call-item-icon" aria-hidden="true">
        <MediaIcon media={call.media} />
      </span>
      <div className="missed-call-text">
        <strong>{name}</strong>
        <span className="muted">
          {t(call.media === 'video' ? 'calls.video' : 'calls.voice')} · {t('calls.missed.at', { when: formatRelative(call.createdAt, lang) })}
        </span>
        {!reachable && <span className="muted small">{t('calls.notReachable')}</span>}
        {error && (
          <span className="form-error" role="alert">
            {error}
          </span>
        )}
      </div>
      <Link href={`/conversations/${call.conversationId}`} className="button small ghost">
        {t('calls.missed.open')}
      </Link>
      <button type="button" className="button small primary" data-testid="missed-call-back" disabled={!reachable || busy} onClick={() => callBack(call.conversationId, call.customerId, call.media)}>
        {t('calls.missed.callBack')}
      </button>
      <button type="button" className="button small" data-testid="missed-call-handled" onClick={() => markHandled(call).catch((err: unknown) => setError(errorText(err, t)))}>
        {t('calls.missed.handled')}
      </button>
    </li>
  );
}
