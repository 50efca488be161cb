import { useCallback, useEffect, useMemo, useState } from 'react';
import { reactionApi } from '../../api/reaction-api.ts';
import type { AttentionItem } from '../../api/reaction-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useMe } from '../auth/session.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { Link } from '../shell/link.component.tsx';
import { useRealtime } from '../shell/realtime.context.tsx';
import { byUrgency, debounce } from './attention-sort.ts';
import { ReactionKpis } from './reaction-kpis.component.tsx';
import './reaction.css';

const LIVE_EVENTS = new Set(['suggestion.created', 'suggestion.updated', 'customer.mood', 'message.created', 'conversation.updated']);

function AttentionRow({ item }: { item: AttentionItem }) {
  const { t, lang } = useI18n();
  const name = item.customer.name || item.customer.email || t('reaction.attention.unknown');
  const level = item.urgency >= 60 ? 'high' : item.urgency >= 30 ? 'medium' : 'low';
  const score = (n: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(n);
  return (
    <li className={`attention-item urgency-${level}`} data-testid="attention-item" data-urgency={item.urgency} data-customer-id={item.customer.id}>
      <span className="attention-urgency" aria-label={t('reaction.attention.urgency', { value: item.urgency })}>
        <span aria-hidden="true">{item.urgency}</span>
      </span>
      <span className="attention-body">
        {item.conversationId ? (
          <Link href={`/conversations/${item.conversationId}`} className="attention-name" aria-label={t('reaction.attention.open', { name })}>
            {name}
          </Link>
        ) : (
          <span className="attention-name">{name}</span>
        )}
        <span className="attention-reason">{item.reason.text}</span>
        <span className="attention-facts muted small">
          <span>{item.mood ? t('reaction.attention.mood', { score: score(item.mood.score), trend: t(`mood.trend.${item.mood.trend}`) }) : t('reaction.attention.noMood')}</span>
          <span>{item.waitingMinutes > 0 ? t('reaction.attention.waiting', { minutes: Math.round(item.waitingMinutes) }) : t('reaction.attention.notWaiting')}</span>
          {item.openSuggestions > 0 && <span>{t('reaction.attention.suggestions', { count: item.openSuggestions })}</span>}
          {item.value !== null && <span>{t('reaction.attention.value', { value: item.value })}</span>}
          {item.segment && <span>{item.segment}</span>}
        </span>
      </span>
    </li>
  );
}

// "Needs attention now": customers by urgency, refetched (debounced) as suggestions, moods and messages arrive.
export function AttentionPage() {
  const { t } = useI18n();
  const me = useMe();
  const { client } = useRealtime();
  const [items, setItems] = useState<AttentionItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    reactionApi.attention().then(
      (r) => {
        setItems(r.items);
        setError(null);
      },
      (err: unknown) => setError(errorText(err, t)),
    );
  }, [t]);

  useEffect(() => {
    load();
    const refetch = debounce(load, 400);
    const off = client.subscribe({ event: (e) => LIVE_EVENTS.has(e.type) && refetch.call(), resync: refetch.call });
    return () => {
      refetch.cancel();
      off();
    };
  }, [client, load]);

  const sorted = useMemo(() => (items ? byUrgency(items) : null), [items]);

  return (
    <main id="main" className="attention-page" tabIndex={-1}>
      <h1>{t('reaction.attention.title')}</h1>
      <p className="muted">{t('reaction.attention.intro')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {sorted === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : sorted.length === 0 ? (
        <p className="muted" data-testid="attention-list">
          {t('reaction.attention.empty')}
        </p>
      ) : (
        <ol className="plain attention-list" data-testid="attention-list">
          {sorted.map((item) => (
            <AttentionRow key={item.customer.id} item={item} />
          ))}
        </ol>
      )}
      {me.role !== 'agent' && <ReactionKpis />}
    </main>
  );
}
