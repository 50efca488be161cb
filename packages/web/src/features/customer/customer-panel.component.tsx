import { useEffect, useState } from 'react';
import type { Conversation, Customer, Page } from '../../api/api.types.ts';
import { api, query } from '../../api/http-client.ts';
import { formatDate, formatRelative } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { MoodSummary } from '../emotion/mood-summary.component.tsx';
import { CustomerTimeline } from '../reaction/customer-timeline.component.tsx';
import { Link } from '../shell/link.component.tsx';
import { useRealtime } from '../shell/realtime.context.tsx';
import { useCustomer } from './use-customer.hook.ts';

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <dt>{label}</dt>
      <dd className={value ? undefined : 'muted'}>{value || t('customer.none')}</dd>
    </>
  );
}

function attributeText(v: unknown): string {
  if (v === null || v === undefined) return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function Profile({ customer: c }: { customer: Customer }) {
  const { t, lang } = useI18n();
  const attributes = Object.entries(c.attributes ?? {});
  return (
    <section aria-labelledby="customer-profile-heading">
      <h2 id="customer-profile-heading" className="customer-name">
        {c.name || c.email || t('inbox.unknownCustomer')}
      </h2>
      <dl className="fields">
        <Field label={t('customer.email')} value={c.email} />
        <Field label={t('customer.phone')} value={c.phone} />
        <Field label={t('customer.locale')} value={c.locale} />
        <Field label={t('customer.since')} value={formatDate(c.createdAt, lang)} />
        {c.lastSeenAt && <Field label={t('customer.lastSeen')} value={formatRelative(c.lastSeenAt, lang)} />}
      </dl>
      {attributes.length > 0 && (
        <>
          <h3>{t('customer.attributes')}</h3>
          <dl className="fields">
            {attributes.map(([k, v]) => (
              <Field key={k} label={k} value={attributeText(v)} />
            ))}
          </dl>
        </>
      )}
      {c.identities && c.identities.length > 0 && (
        <>
          <h3>{t('customer.identities')}</h3>
          <ul className="plain identities">
            {c.identities.map((i) => (
              <li key={i.id}>
                <span className="channel">{i.channel}</span> {i.externalId}
                {i.verified && <span className="verified"> ✓ {t('customer.verified')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function History({ customerId, currentId }: { customerId: string; currentId: string }) {
  const { t, lang } = useI18n();
  const { client } = useRealtime();
  const [items, setItems] = useState<Conversation[] | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      api
        .get<Page<Conversation>>(`/api/conversations${query({ customerId, limit: 20 })}`)
        .then((p) => live && setItems(p.items))
        .catch(() => live && setItems([]));
    void load();
    const off = client.subscribe({
      event: (e) => {
        if ((e.type === 'conversation.created' || e.type === 'conversation.updated') && e.data.conversation.customerId === customerId) {
          const c = e.data.conversation;
          setItems((prev) => (prev ? [c, ...prev.filter((p) => p.id !== c.id)].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)) : prev));
        }
      },
    });
    return () => {
      live = false;
      off();
    };
  }, [customerId, client]);

  return (
    <section aria-labelledby="customer-history-heading">
      <h3 id="customer-history-heading">{t('customer.history')}</h3>
      {items === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('customer.noHistory')}</p>
      ) : (
        <ul className="plain history">
          {items.map((c) => (
            <li key={c.id}>
              <Link href={`/conversations/${c.id}`} className="history-item" aria-current={c.id === currentId ? 'page' : undefined}>
                <span className={`status-pill status-${c.status}`}>{t(`status.${c.status}`)}</span>
                <span className="history-subject">{c.subject || c.channel}</span>
                <time dateTime={c.updatedAt} className="muted">
                  {c.id === currentId ? t('customer.current') : formatRelative(c.updatedAt, lang)}
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CustomerPanel({ customerId, currentId }: { customerId: string | null; currentId: string }) {
  const { t } = useI18n();
  const { customer } = useCustomer(customerId);
  return (
    <aside className="customer-panel" data-testid="customer-panel" aria-label={t('customer.panel')}>
      {customer ? <Profile customer={customer} /> : <p className="muted pad">{t('app.loading')}</p>}
      {customer && (
        <p className="small">
          <Link href={`/customers/${customer.id}`} data-testid="customer-record-link">
            {t('customer.openRecord')}
          </Link>
        </p>
      )}
      {customerId && <MoodSummary customerId={customerId} />}
      {customerId && <CustomerTimeline customerId={customerId} />}
      {customerId && <History customerId={customerId} currentId={currentId} />}
    </aside>
  );
}
