import type { ReplyCheck, ReplySuggestion } from '../../api/api.types.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';

type Props = {
  check: ReplyCheck;
  // After a first Send: the notice stands out and offers the explicit second step.
  emphasised: boolean;
  onUseName: (name: string) => void;
  onSendAnyway: () => void;
  sending: boolean;
};

function Suggestion({ suggestion, onUseName }: { suggestion: ReplySuggestion; onUseName: (name: string) => void }) {
  const { t } = useI18n();
  if (suggestion.kind === 'first_name' && suggestion.value) {
    const name = suggestion.value;
    return (
      <li data-testid="canned-suggestion" data-kind={suggestion.kind}>
        <button type="button" className="suggestion-chip" title={suggestion.text} onClick={() => onUseName(name)}>
          {t('canned.useName', { name })}
        </button>
      </li>
    );
  }
  return (
    <li data-testid="canned-suggestion" data-kind={suggestion.kind} className="suggestion-hint">
      {suggestion.text}
    </li>
  );
}

// A calm, inline notice: what is the same, where it went before, and how to make it personal.
export function CannedWarning({ check, emphasised, onUseName, onSendAnyway, sending }: Props) {
  const { t, lang } = useI18n();
  const count = check.sentToOthers;
  return (
    <div className={`canned-warning${emphasised ? ' emphasised' : ''}`} data-testid="canned-warning" data-sent-to-others={count} data-emphasised={emphasised}>
      <p className="canned-title">
        <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M8 4h8M8 9h8M4 14h16M8 19h8" />
        </svg>
        {count === 1 ? t('canned.title.one') : t('canned.title.other', { count })}
      </p>
      {check.suggestions.length > 0 && (
        <div className="canned-ideas">
          <p className="muted small">{t('canned.ideas')}</p>
          <ul className="plain suggestions">
            {check.suggestions.map((s, i) => (
              <Suggestion key={`${s.kind}:${i}`} suggestion={s} onUseName={onUseName} />
            ))}
          </ul>
        </div>
      )}
      {check.examples.length > 0 && (
        <details className="canned-examples">
          <summary>{t('canned.examples', { count: check.examples.length })}</summary>
          <ul className="plain">
            {check.examples.map((e) => (
              <li key={e.messageId} data-testid="canned-example">
                <span className="canned-example-meta">
                  <strong>{e.customerName || t('canned.otherCustomer')}</strong> · {formatDate(e.sentAt, lang)} ·{' '}
                  {t('canned.example', { percent: Math.round(e.similarity * 100) })}
                </span>
                <q>{e.snippet}</q>
              </li>
            ))}
          </ul>
        </details>
      )}
      {emphasised && (
        <div className="canned-confirm">
          <p>{t('canned.confirm')}</p>
          <button type="button" className="button small" data-testid="send-anyway" disabled={sending} onClick={onSendAnyway}>
            {t('canned.sendAnyway')}
          </button>
        </div>
      )}
    </div>
  );
}
