import { useCallback, useEffect, useState } from 'react';
import { reactionApi } from '../../api/reaction-api.ts';
import type { Reminder } from '../../api/reaction-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useMe } from '../auth/session.context.tsx';
import { Link } from '../shell/link.component.tsx';
import { useRealtime } from '../shell/realtime.context.tsx';
import './reaction.css';

// Due reminders (follow-ups, snoozed suggestions) for me: a banner with the conversation and "Done".
export function ReminderBanner() {
  const { t } = useI18n();
  const myId = useMe().employee?.id ?? null;
  const { client } = useRealtime();
  const [due, setDue] = useState<Reminder[]>([]);

  const load = useCallback(() => {
    reactionApi.reminders().then(
      (r) => setDue(r.items.filter((x) => x.status === 'due')),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    load();
    return client.subscribe({
      event: (e) => {
        if (e.type !== 'reminder.due' && e.type !== 'reminder.updated' && e.type !== 'reminder.created') return;
        const r = e.data.reminder;
        setDue((list) => {
          const rest = list.filter((x) => x.id !== r.id);
          return r.status === 'due' && (r.employeeId === null || r.employeeId === myId) ? [...rest, r] : rest;
        });
      },
      resync: load,
    });
  }, [client, load, myId]);

  if (due.length === 0) return null;
  return (
    <section className="reminders" aria-label={t('reaction.reminders')} role="status">
      {due.map((r) => (
        <div key={r.id} className="reminder" data-testid="reminder-due" data-reminder-id={r.id}>
          <span className="reminder-label">{t('reaction.reminder.due')}:</span> <span>{r.text}</span>
          {r.conversationId && (
            <Link href={`/conversations/${r.conversationId}`} className="button small ghost">
              {t('reaction.reminder.open')}
            </Link>
          )}
          <button
            type="button"
            className="button small"
            onClick={() => {
              setDue((list) => list.filter((x) => x.id !== r.id));
              reactionApi.reminderDone(r.id).catch(load);
            }}
          >
            {t('reaction.reminder.done')}
          </button>
        </div>
      ))}
    </section>
  );
}
