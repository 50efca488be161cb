import { useState } from 'react';
import { reactionApi } from '../../api/reaction-api.ts';
import type { Suggestion } from '../../api/reaction-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { DismissForm } from './dismiss-form.component.tsx';
import { offerDraft } from './draft-inbox.ts';
import { useReaction } from './reaction.context.tsx';
import { snoozeMinutes, type SnoozeChoice } from './snooze-options.ts';
import { SuggestionAction } from './suggestion-action.component.tsx';
import { acceptEdits, draftOf, type ActionDraft } from './suggestion-edits.ts';
import './reaction.css';

const SNOOZES: readonly SnoozeChoice[] = ['quarter', 'hour', 'tomorrow'];

// A playbook's proposal for this customer: the reason in words, the actions to choose and edit,
// and the three decisions. Nothing here reaches the customer; drafts go to the reply box.
export function SuggestionCard({ suggestion: s }: { suggestion: Suggestion }) {
  const { t, lang } = useI18n();
  const { bounds, decided } = useReaction();
  const [drafts, setDrafts] = useState<ActionDraft[]>(() => s.actions.map(draftOf));
  const [dismissing, setDismissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = `suggestion-${s.id}`;
  const playbook = s.playbook.name[lang] ?? s.playbook.name.es ?? s.playbook.name.en ?? '';

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  }

  const accept = () =>
    run(async () => {
      const edits = acceptEdits(s.actions, drafts);
      if (edits.length === 0) throw new Error(t('reaction.selectOne'));
      const result = await reactionApi.accept(s.id, edits);
      for (const d of result.drafts) offerDraft(s.conversationId, d.text);
      decided(result.suggestion);
    });
  const dismiss = (reason: string) => run(async () => decided(await reactionApi.dismiss(s.id, reason)));
  const snooze = (choice: SnoozeChoice) =>
    run(async () => {
      await reactionApi.snooze(s.id, snoozeMinutes(choice, new Date()));
      decided(s);
    });

  return (
    <section className="suggestion-card" data-testid="suggestion-card" data-suggestion-id={s.id} data-status={s.status} aria-labelledby={headingId}>
      <h2 id={headingId} className="suggestion-title">
        {t('reaction.suggestionFrom', { playbook })}
      </h2>
      <p className="suggestion-reason" data-testid="suggestion-reason">
        <span className="visually-hidden">{t('reaction.why')}: </span>
        {s.reason.texts[lang] ?? s.reason.text}
        {s.triggerCount > 1 && <span className="muted small"> · {t('reaction.repeated', { count: s.triggerCount })}</span>}
      </p>
      <ul className="plain suggestion-actions" aria-label={t('reaction.proposed')}>
        {s.actions.map((a, i) => (
          <SuggestionAction
            key={i}
            action={a}
            draft={drafts[i]!}
            bounds={bounds}
            callTarget={{ conversationId: s.conversationId, customerId: s.customer.id }}
            onChange={(d) => setDrafts((all) => all.map((x, j) => (j === i ? d : x)))}
          />
        ))}
      </ul>
      <p className="muted small">{t('reaction.humanDecides')}</p>
      {error && (
        <p className="form-error small" role="alert">
          {error}
        </p>
      )}
      {dismissing ? (
        <DismissForm busy={busy} onDismiss={(r) => void dismiss(r)} onCancel={() => setDismissing(false)} />
      ) : (
        <div className="suggestion-buttons">
          <button type="button" className="button primary small" data-testid="suggestion-accept" disabled={busy} onClick={() => void accept()}>
            {busy ? t('reaction.accepting') : t('reaction.accept')}
          </button>
          <button type="button" className="button small" data-testid="suggestion-dismiss" disabled={busy} onClick={() => setDismissing(true)}>
            {t('reaction.dismiss')}
          </button>
          <span className="snooze" role="group" aria-label={t('reaction.snooze')} data-testid="suggestion-snooze">
            <span className="muted small" aria-hidden="true">
              {t('reaction.snooze')}:
            </span>
            {SNOOZES.map((c) => (
              <button key={c} type="button" className="button ghost small" data-snooze={c} disabled={busy} onClick={() => void snooze(c)}>
                {t(`reaction.snooze.${c}`)}
              </button>
            ))}
          </span>
        </div>
      )}
    </section>
  );
}
