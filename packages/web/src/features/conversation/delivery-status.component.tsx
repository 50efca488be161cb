import type { MessageDelivery } from '../../api/api.types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { deliveryMark } from './delivery.ts';

// Under a reply sent through a channel: queued, sent, delivered, read, or failed with the network's reason.
export function DeliveryStatus({ delivery }: { delivery: MessageDelivery }) {
  const { t } = useI18n();
  const mark = deliveryMark(delivery);
  return (
    <div className={`delivery delivery-${mark.tone}`} data-testid="delivery" data-status={delivery.status} role={mark.tone === 'failed' ? 'alert' : undefined}>
      <span className="delivery-mark" aria-hidden="true">
        {mark.tone === 'failed' ? '⚠' : mark.tone === 'pending' ? '◷' : mark.tone === 'read' ? '✓✓' : delivery.status === 'delivered' ? '✓✓' : '✓'}
      </span>{' '}
      {t(mark.key)}
      {delivery.status === 'failed' && delivery.error && <span className="delivery-reason">: {delivery.error}</span>}
    </div>
  );
}
