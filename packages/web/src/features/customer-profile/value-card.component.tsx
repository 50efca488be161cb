import { useEffect, useState } from 'react';
import { customerProfileApi } from '../../api/customer-profile-api.ts';
import type { CustomerValue, Order } from '../../api/customer-profile-types.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { formatMoney } from './profile-format.ts';

const RECENT = 10;

// What the customer is worth to the company, from the orders its systems posted: lifetime value in
// the workspace's main currency, the other currencies beside it, and the latest orders.
export function ValueCard({ customerId, value }: { customerId: string; value: CustomerValue | null }) {
  const { t, lang } = useI18n();
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    customerProfileApi.orders(customerId, RECENT).then(
      (page) => live && setOrders(page.items),
      (err: unknown) => live && setError(errorText(err, t)),
    );
    return () => {
      live = false;
    };
  }, [customerId, t]);

  const others = value?.byCurrency.filter((v) => v.currency !== value.currency) ?? [];
  return (
    <section className="profile-card" aria-labelledby="profile-value-heading" data-testid="profile-value">
      <h2 id="profile-value-heading">{t('profile.value.title')}</h2>
      {!value ? (
        <p className="muted" data-testid="value-none">
          {t('profile.value.none')}
        </p>
      ) : (
        <dl className="value-figures">
          <div>
            <dt>{t('profile.value.lifetime')}</dt>
            <dd className="value-big" data-testid="value-lifetime" data-currency={value.currency}>
              {formatMoney(value.lifetime, value.currency, lang)}
            </dd>
          </div>
          <div>
            <dt>{t('profile.value.orders')}</dt>
            <dd data-testid="value-orders">{value.orders}</dd>
          </div>
          <div>
            <dt>{t('profile.value.lastPurchase')}</dt>
            <dd data-testid="value-last-purchase">{value.lastPurchaseAt ? formatDate(value.lastPurchaseAt, lang) : t('profile.value.never')}</dd>
          </div>
        </dl>
      )}
      {others.length > 0 && value && (
        <table className="table value-currencies" data-testid="value-by-currency">
          <caption>{t('profile.value.byCurrency')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('profile.value.currency')}</th>
              <th scope="col">{t('profile.value.lifetime')}</th>
              <th scope="col">{t('profile.value.orders')}</th>
              <th scope="col">{t('profile.value.lastPurchase')}</th>
            </tr>
          </thead>
          <tbody>
            {value.byCurrency.map((v) => (
              <tr key={v.currency} data-testid="value-currency" data-currency={v.currency}>
                <th scope="row">{v.currency}</th>
                <td>{formatMoney(v.lifetime, v.currency, lang)}</td>
                <td>{v.orders}</td>
                <td>{v.lastPurchaseAt ? formatDate(v.lastPurchaseAt, lang) : t('profile.value.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('profile.orders.title')}</h3>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : !orders ? (
        <p className="muted">{t('app.loading')}</p>
      ) : orders.length === 0 ? (
        <p className="muted">{t('profile.orders.empty')}</p>
      ) : (
        <ul className="plain order-list" data-testid="order-list">
          {orders.map((o) => (
            <li key={o.id} className={`order-row order-${o.kind}`} data-testid="order-row" data-external-id={o.externalId}>
              <span className="order-kind">{t(`profile.orders.kind.${o.kind}`)}</span>
              <span className="order-what">
                {o.description ?? o.externalId}
                {o.description && <span className="muted small"> · {o.externalId}</span>}
              </span>
              {o.kind !== 'event' && <span className="order-amount">{formatMoney(o.kind === 'refund' ? -o.amount : o.amount, o.currency, lang)}</span>}
              <time className="muted small" dateTime={o.at}>
                {formatDateTime(o.at, lang)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
