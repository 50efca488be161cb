import { useState, type FormEvent } from 'react';
import { customerProfileApi } from '../../api/customer-profile-api.ts';
import type { ConsentChange, ConsentPurpose, ConsentView } from '../../api/customer-profile-types.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { consentPurposeKey, type ConsentEntry } from './activity-items.ts';
import { useActorLabel } from './actor-label.hook.ts';

const PURPOSES: readonly ConsentPurpose[] = ['marketing', 'surveys'];

type Draft = Record<ConsentPurpose, boolean>;
const draftOf = (consent: ConsentView): Draft => ({ marketing: consent.marketing?.granted === true, surveys: consent.surveys?.granted === true });

// Only the purposes whose box moved are sent: the others keep their last decision (and their date).
function changeOf(consent: ConsentView, draft: Draft, source: string): ConsentChange | null {
  const change: ConsentChange = {};
  for (const p of PURPOSES) if (draft[p] !== (consent[p]?.granted ?? false)) change[p] = draft[p];
  if (change.marketing === undefined && change.surveys === undefined) return null;
  return source.trim() ? { ...change, source: source.trim() } : change;
}

// Marketing and surveys consent: the decision in force with when, where and who, the boxes to change
// it with its source, and the whole history of changes (read on its own: use-consent-history.hook.ts).
export function ConsentCard({ customerId, consent, history, onSaved }: { customerId: string; consent: ConsentView; history: ConsentEntry[]; onSaved: (consent: ConsentView) => void }) {
  const { t, lang } = useI18n();
  const actorLabel = useActorLabel();
  const [draft, setDraft] = useState<Draft>(() => draftOf(consent));
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ error: string | null; done: string | null }>({ error: null, done: null });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const change = changeOf(consent, draft, source);
    if (!change) {
      setStatus({ error: t('profile.consent.unchanged'), done: null });
      return;
    }
    setBusy(true);
    setStatus({ error: null, done: null });
    try {
      const saved = await customerProfileApi.setConsent(customerId, change);
      onSaved(saved.consent);
      setDraft(draftOf(saved.consent));
      setSource('');
      setStatus({ error: null, done: t('profile.saved') });
    } catch (err) {
      setStatus({ error: errorText(err, t), done: null });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="profile-card" aria-labelledby="profile-consent-heading" data-testid="profile-consent">
      <h2 id="profile-consent-heading">{t('profile.consent.title')}</h2>
      <form className="consent-form" onSubmit={(e) => void submit(e)}>
        {PURPOSES.map((p) => {
          const now = consent[p];
          return (
            <div key={p} className="consent-purpose" data-testid={`consent-${p}`} data-granted={now ? String(now.granted) : 'never'}>
              <label className="checkbox">
                <input type="checkbox" data-testid={`consent-${p}-box`} checked={draft[p]} onChange={(e) => setDraft({ ...draft, [p]: e.target.checked })} />
                {t(consentPurposeKey(p))}
              </label>
              <span className="muted small" data-testid={`consent-${p}-state`}>
                {now
                  ? [`${t(now.granted ? 'profile.consent.granted' : 'profile.consent.withdrawn')} ${formatDate(now.at, lang)}`, now.source && t('profile.consent.from', { source: now.source }), actorLabel(now.by)]
                      .filter(Boolean)
                      .join(' · ')
                  : t('profile.consent.never')}
              </span>
            </div>
          );
        })}
        <label className="stacked">
          <span>{t('profile.consent.source')}</span>
          <input data-testid="consent-source" value={source} maxLength={200} placeholder={t('profile.consent.sourcePlaceholder')} onChange={(e) => setSource(e.target.value)} />
        </label>
        <div>
          <button type="submit" className="button small primary" data-testid="consent-save" disabled={busy}>
            {busy ? t('profile.saving') : t('profile.consent.save')}
          </button>
        </div>
      </form>
      {status.error && (
        <p className="form-error" role="alert" data-testid="consent-error">
          {status.error}
        </p>
      )}
      {status.done && (
        <p className="form-ok" role="status">
          {status.done}
        </p>
      )}
      <details className="consent-history" data-testid="consent-history">
        <summary>{t('profile.consent.history')}</summary>
        {history.length === 0 ? (
          <p className="muted small">{t('profile.consent.historyEmpty')}</p>
        ) : (
          <ol className="plain">
            {history.map((h) => (
              <li key={h.id} className="small" data-testid="consent-entry" data-purpose={h.purpose} data-granted={String(h.granted)}>
                <time dateTime={h.at}>{formatDateTime(h.at, lang)}</time> · {t(consentPurposeKey(h.purpose))}:{' '}
                <strong>{t(h.granted ? 'profile.consent.granted' : 'profile.consent.withdrawn')}</strong>
                {h.source && <> · {t('profile.consent.from', { source: h.source })}</>}
                {h.actor && <> · {actorLabel(h.actor)}</>}
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  );
}
