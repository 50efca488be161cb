import { useState } from 'react';
import type { CallView } from '../../api/call-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useMe } from '../auth/session.context.tsx';
import { useCustomer } from '../customer/use-customer.hook.ts';
import { errorText } from '../shell/error-text.ts';
import { ringingFor, secondsLeft } from './call-records.ts';
import { useCalls } from './calls.context.tsx';
import { useNow } from './use-now.hook.ts';
import { MediaIcon } from './call-icons.component.tsx';

// Anywhere in the app: a customer's call ringing for me, with the seconds left before it moves on.
export function IncomingCallBanner() {
  const { t } = useI18n();
  const myId = useMe().employee?.id ?? null;
  const { ringing, session } = useCalls();
  const now = useNow(ringing.length > 0);
  const mine = ringingFor(ringing, myId).filter((c) => c.id !== session?.call?.id);
  // Already in a call: another one still rings here, to be declined or left to pass on.
  if (mine.length === 0) return null;
  return (
    <div className="incoming-calls" role="region" aria-live="assertive" aria-label={t('calls.incoming')}>
      {mine.map((c) => (
        <IncomingCall key={c.id} call={c} now={now} busy={session !== null && !['ended', 'failed'].includes(session.phase)} />
      ))}
    </div>
  );
}

function IncomingCall({ call, now, busy }: { call: CallView; now: number; busy: boolean }) {
  const { t } = useI18n();
  const { accept, decline } = useCalls();
  const { customer } = useCustomer(call.customerId);
  const [error, setError] = useState<string | null>(null);
  const name = customer?.name || customer?.email || t('calls.customer');
  const left = secondsLeft(call.ringDeadline, now);
  return (
    <section className="incoming-call" data-testid="incoming-call" data-call-id={call.id} data-call-media={call.media} aria-label={t('calls.incoming')}>
      <span className="incoming-call-icon" aria-hidden="true">
        <MediaIcon media={call.media} />
      </span>
      <div className="incoming-call-text">
        <strong>{t('calls.incomingFrom', { name })}</strong>
        <span className="muted">
          {t(call.media === 'video' ? 'calls.video' : 'calls.voice')}
          {left !== null && (
            <>
              {' · '}
              <span data-testid="ring-countdown">{t('calls.ringsFor', { seconds: left })}</span>
            </>
          )}
        </span>
        {error && (
          <span className="form-error" role="alert">
            {error}
          </span>
        )}
      </div>
      <button type="button" className="button primary" data-testid="call-accept" disabled={busy} title={busy ? t('calls.busy') : undefined} onClick={() => accept(call)}>
        {t('calls.accept')}
      </button>
      <button type="button" className="button danger" data-testid="call-decline" onClick={() => decline(call).catch((err: unknown) => setError(errorText(err, t)))}>
        {t('calls.decline')}
      </button>
    </section>
  );
}
