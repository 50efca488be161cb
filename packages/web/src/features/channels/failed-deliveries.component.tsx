import { useCallback, useEffect, useState } from 'react';
import { channelsApi } from '../../api/channels-api.ts';
import type { Delivery } from '../../api/channels-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { formatRelative } from '../../i18n/format.ts';
import { FormStatus } from '../admin/form-status.component.tsx';
import { useFormStatus } from '../admin/use-form-status.hook.ts';
import { Link } from '../shell/link.component.tsx';
import { errorText } from '../shell/error-text.ts';

// A channel's failed replies with the reason the network gave, each with a retry.
export function FailedDeliveries({ channelId, canRetry, onRetried }: { channelId: string; canRetry: boolean; onRetried: () => void }) {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<Delivery[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const status = useFormStatus();

  const load = useCallback(() => {
    channelsApi.deliveries(channelId, 'failed').then(
      (r) => setItems(r.items),
      (err: unknown) => setLoadError(errorText(err, t)),
    );
  }, [channelId, t]);
  useEffect(load, [load]);

  async function retry(messageId: string) {
    const ok = await status.run(async () => {
      await channelsApi.retry(channelId, messageId);
      return t('channels.deliveries.retried');
    });
    if (ok) {
      load();
      onRetried();
    }
  }

  if (loadError) return <p className="form-error">{loadError}</p>;
  if (!items) return <p className="muted">{t('app.loading')}</p>;
  return (
    <div className="failed-deliveries">
      {items.length === 0 && <p className="muted">{t('channels.deliveries.empty')}</p>}
      <ul className="plain" aria-label={t('channels.deliveries')}>
        {items.map((d) => (
          <li key={`${d.messageId}-${d.updatedAt}`} className="delivery-row" data-testid="failed-delivery">
            <p className="delivery-reason">{d.error ?? t('channels.deliveries.unknownReason')}</p>
            <p className="muted small">
              <time dateTime={d.updatedAt}>{formatRelative(d.updatedAt, lang)}</time> · {t('channels.deliveries.attempts', { count: d.attempts })} ·{' '}
              <Link href={`/conversations/${d.conversationId}`}>{t('channels.deliveries.open')}</Link>
            </p>
            {canRetry && d.messageId && (
              <button type="button" className="button small" data-testid="delivery-retry" disabled={status.busy} onClick={() => void retry(d.messageId!)}>
                {t('channels.deliveries.retry')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormStatus error={status.error} done={status.done} />
    </div>
  );
}
