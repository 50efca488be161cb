import { useId, useState } from 'react';
import { reactionApi } from '../../api/reaction-api.ts';
import type { DryRunResult } from '../../api/reaction-types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';

const DAYS = [7, 14, 30, 90] as const;

// Replays the playbook as it stands in the form (saved or not) over past customer messages.
export function DryRunPanel({ definition, onError }: { definition: () => Record<string, unknown> | null; onError: (err: unknown) => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [days, setDays] = useState<number>(14);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DryRunResult | null>(null);

  async function run() {
    const body = definition();
    if (!body) return;
    setBusy(true);
    try {
      setResult(await reactionApi.dryRun(body, days));
    } catch (err) {
      setResult(null);
      onError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="dry-run" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('reaction.dryRun.title')}</h3>
      <span className="form-inline">
        <label htmlFor={`${id}-d`}>{t('reaction.dryRun.days')}</label>
        <select id={`${id}-d`} value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {DAYS.map((d) => (
            <option key={d} value={d}>
              {t('reaction.dryRun.daysOption', { days: d })}
            </option>
          ))}
        </select>
        <button type="button" className="button small" data-testid="playbook-dry-run" disabled={busy} onClick={() => void run()}>
          {busy ? t('reaction.dryRun.running') : t('reaction.dryRun.run')}
        </button>
      </span>
      {result && (
        <div data-testid="dry-run-result" role="status" data-matches={result.matches}>
          <p>{t('reaction.dryRun.summary', { messages: result.messagesEvaluated, matches: result.matches, customers: result.customers })}</p>
          {result.sample.length === 0 ? (
            <p className="muted">{t('reaction.dryRun.noSample')}</p>
          ) : (
            <>
              <h4>{t('reaction.dryRun.sample')}</h4>
              <ul className="plain dry-run-sample">
                {result.sample.map((s) => (
                  <li key={s.messageId}>
                    <strong>{s.customer.name ?? '—'}</strong> <span className="muted small">{formatDateTime(s.at, lang)}</span>
                    <q>{s.quote}</q>
                    <span className="muted small">{s.reason.text}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
