import type { TimelineItem } from '../../api/reaction-types.ts';
import { formatDateTime, formatRelative } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/i18n.types.ts';
import { useCustomerTimeline } from './use-customer-timeline.hook.ts';
import './reaction.css';

const ACTIONS = new Set(['offer_discount', 'offer_compensation', 'personal_call', 'escalate', 'apology', 'follow_up', 'gift', 'article']);

function detailOf(item: TimelineItem): string | null {
  const a = item.data.action as Record<string, unknown> | undefined;
  if (!a) return typeof item.data.text === 'string' ? item.data.text : null;
  if (typeof a.percent === 'number') return `${a.percent} %`;
  if (typeof a.amount === 'number') return `${a.amount} ${String(a.currency ?? '')}`.trim();
  if (typeof a.hours === 'number') return `${a.hours} h`;
  const employee = a.employee as { name?: string } | null | undefined;
  return employee?.name ?? null;
}

function TimelineEntry({ item }: { item: TimelineItem }) {
  const { t, lang } = useI18n();
  const action = item.kind.startsWith('action.') ? item.kind.slice('action.'.length) : null;
  const title =
    action && ACTIONS.has(action)
      ? t('reaction.timeline.accepted', { action: t(`reaction.action.${action}` as MessageKey) })
      : item.kind === 'conversation.opened'
        ? t('reaction.timeline.opened')
        : item.kind === 'conversation.resolved'
          ? t('reaction.timeline.resolved')
          : item.kind === 'follow_up.done'
            ? t('reaction.timeline.followUpDone')
            : t('reaction.timeline.other', { kind: item.kind });
  const detail = detailOf(item);
  return (
    <li className={`timeline-entry${action ? ' action' : ''}`} data-testid="timeline-item" data-kind={item.kind}>
      <span className="timeline-entry-title">{title}</span>
      {detail && <span className="muted small"> · {detail}</span>}
      <span className="timeline-entry-meta muted small">
        <time dateTime={item.at} title={formatDateTime(item.at, lang)}>
          {formatRelative(item.at, lang)}
        </time>
        {item.actor?.name && <> · {t('reaction.timeline.by', { name: item.actor.name })}</>}
      </span>
    </li>
  );
}

// "Historial / Timeline" in the customer panel: what people did for the customer, newest first.
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const items = useCustomerTimeline(customerId);
  return (
    <section aria-labelledby="customer-timeline-heading" data-testid="customer-timeline">
      <h3 id="customer-timeline-heading">{t('reaction.timeline')}</h3>
      {items === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('reaction.timeline.empty')}</p>
      ) : (
        <ol className="plain customer-timeline">
          {items.slice(0, 30).map((item) => (
            <TimelineEntry key={item.id} item={item} />
          ))}
        </ol>
      )}
    </section>
  );
}
