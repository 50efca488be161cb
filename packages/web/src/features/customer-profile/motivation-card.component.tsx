import { useEffect, useState, type FormEvent } from 'react';
import { customerProfileApi } from '../../api/customer-profile-api.ts';
import type { Motivation, MotivationReason, MotivationView } from '../../api/customer-profile-types.ts';
import { formatRelative } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useDirectory } from '../shell/directory.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { Link } from '../shell/link.component.tsx';
import { inferredReasons, MOTIVATIONS, motivationKey } from './motivation-reasons.ts';

const INFERRED = '';

function Reason({ reason: r }: { reason: MotivationReason }) {
  const { t } = useI18n();
  return (
    <li data-testid="motivation-reason" data-kind={r.kind} data-message-id={r.messageId ?? ''}>
      <span className="small">{r.kind === 'tenure' ? t('profile.motivation.tenure', { cue: r.cue }) : t('profile.motivation.phrase', { cue: r.cue })}</span>
      {r.excerpt && (
        <blockquote>
          {r.conversationId ? <Link href={`/conversations/${encodeURIComponent(r.conversationId)}`}>“{r.excerpt}”</Link> : <>“{r.excerpt}”</>}
        </blockquote>
      )}
    </li>
  );
}

// How the customer likes to buy, inferred from what they wrote with the phrases that show it, or
// chosen by an employee with a note; null when the conversations say too little.
export function MotivationCard({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const { employeeName } = useDirectory();
  const [view, setView] = useState<MotivationView | null>(null);
  const [choice, setChoice] = useState<string>(INFERRED);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function show(v: MotivationView) {
    setView(v);
    setChoice(v.source === 'employee' && v.motivation ? v.motivation : INFERRED);
    setNote(v.note ?? '');
  }

  useEffect(() => {
    let live = true;
    customerProfileApi.motivation(customerId).then(
      (v) => live && show(v),
      (err: unknown) => live && setError(errorText(err, t)),
    );
    return () => {
      live = false;
    };
  }, [customerId, t]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const motivation = choice === INFERRED ? null : (choice as Motivation);
      show(await customerProfileApi.setMotivation(customerId, motivation, motivation ? note.trim() || null : null));
      setDone(t('profile.saved'));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  const reasons = view ? inferredReasons(view) : [];
  const inferred = view?.inferred.motivation ?? null;
  return (
    <section className="profile-card" aria-labelledby="profile-motivation-heading" data-testid="profile-motivation">
      <h2 id="profile-motivation-heading">{t('profile.motivation.title')}</h2>
      {!view ? (
        !error && <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <p className={`motivation-current${view.motivation ? '' : ' muted'}`} data-testid="motivation-current" data-motivation={view.motivation ?? ''} data-source={view.source ?? ''}>
            {view.motivation ? t(motivationKey(view.motivation)) : t('profile.motivation.none')}
          </p>
          {(view.source === 'employee' || view.inferred.messagesRead > 0) && (
            <p className="muted small" data-testid="motivation-source">
              {view.source === 'employee'
                ? t('profile.motivation.chosen', { name: employeeName(view.chosenBy) ?? t('profile.someone'), when: view.chosenAt ? formatRelative(view.chosenAt, lang) : '' })
                : t('profile.motivation.inferred', { count: view.inferred.messagesRead })}
            </p>
          )}
          {view.source === 'employee' && view.note && <blockquote data-testid="motivation-note">{view.note}</blockquote>}
          {view.source === 'employee' && inferred && inferred !== view.motivation && (
            <p className="small" data-testid="motivation-inferred">
              {t('profile.motivation.inferredWas', { motivation: t(motivationKey(inferred)).toLocaleLowerCase(lang) })}
            </p>
          )}
          {reasons.length > 0 && (
            <>
              <h3>{t('profile.motivation.why')}</h3>
              <ul className="plain motivation-reasons">
                {reasons.map((r, i) => (
                  <Reason key={`${r.messageId ?? r.kind}:${i}`} reason={r} />
                ))}
              </ul>
            </>
          )}
          <form className="motivation-form" onSubmit={(e) => void submit(e)}>
            <label className="stacked">
              <span>{t('profile.motivation.change')}</span>
              <select data-testid="motivation-select" value={choice} onChange={(e) => setChoice(e.target.value)}>
                <option value={INFERRED}>{t('profile.motivation.useInferred')}</option>
                {MOTIVATIONS.map((m) => (
                  <option key={m} value={m}>
                    {t(motivationKey(m))}
                  </option>
                ))}
              </select>
            </label>
            {choice !== INFERRED && (
              <label className="stacked">
                <span>{t('profile.motivation.note')}</span>
                <textarea data-testid="motivation-note-input" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
              </label>
            )}
            <div className="form-actions">
              <button type="submit" className="button small primary" data-testid="motivation-save" disabled={busy}>
                {busy ? t('profile.saving') : t('profile.motivation.save')}
              </button>
              {done && (
                <span className="form-ok" role="status">
                  {done}
                </span>
              )}
            </div>
          </form>
        </>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="motivation-error">
          {error}
        </p>
      )}
    </section>
  );
}
