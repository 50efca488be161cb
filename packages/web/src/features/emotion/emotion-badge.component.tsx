import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { EmotionLabel, MessageEmotion } from '../../api/api.types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { EmotionDetails } from './emotion-details.component.tsx';
import { EMOTION_EMOJI, effectiveEmotion, emotionKey } from './emotion-labels.ts';

type Props = { emotion: MessageEmotion; onCorrect: (emotion: EmotionLabel) => Promise<void> };

// The emotion read in a customer's message. Its details open on hover and on keyboard focus
// (a preview), stay open after a click or Enter, and close with Escape (WCAG 1.4.13).
export function EmotionBadge({ emotion, onCorrect }: Props) {
  const { t } = useI18n();
  const id = useId();
  const popoverId = `${id}-details`;
  const cuesId = `${id}-cues`;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState(false);
  const [focused, setFocused] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = effectiveEmotion(emotion);
  const label = t(emotionKey(shown.emotion));
  const open = !dismissed && (pinned || hover || focused);
  const name = [t('emotion.badge', { label }), shown.alert ? t('emotion.alert') : null, shown.corrected ? t('emotion.corrected') : null].filter(Boolean).join('. ');

  // Opened from the keyboard or pinned: bring it into view inside the scrolling timeline.
  useEffect(() => {
    if (open && (pinned || focused)) popoverRef.current?.scrollIntoView({ block: 'nearest' });
  }, [open, pinned, focused]);

  function onFocus(e: FocusEvent<HTMLDivElement>) {
    // A mouse click focuses the button too; only keyboard focus (or focus inside the details) previews.
    const target: Element = e.target;
    if (target !== buttonRef.current || target.matches(':focus-visible')) setFocused(true);
  }
  function onBlur(e: FocusEvent<HTMLDivElement>) {
    if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
    setFocused(false);
    setPinned(false);
    setDismissed(false);
  }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    setDismissed(true);
    setPinned(false);
    buttonRef.current?.focus();
  }
  function toggle() {
    if (pinned) {
      setPinned(false);
      setDismissed(true);
    } else {
      setPinned(true);
      setDismissed(false);
    }
  }
  async function correct(next: EmotionLabel) {
    setBusy(true);
    setError(null);
    try {
      await onCorrect(next);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      className="emotion"
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => {
        setHover(false);
        if (!pinned) setDismissed(false);
      }}
      onFocus={onFocus}
      onBlur={onBlur}
      onKeyDown={onKeyDown}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`emotion-badge emotion-${shown.emotion}${shown.alert ? ' alert' : ''}`}
        data-testid="emotion-badge"
        data-emotion={shown.emotion}
        data-alert={String(shown.alert)}
        data-corrected={String(shown.corrected)}
        aria-label={name}
        aria-expanded={open}
        aria-controls={popoverId}
        aria-describedby={cuesId}
        onClick={toggle}
      >
        <span aria-hidden="true">{EMOTION_EMOJI[shown.emotion]}</span>
        <span aria-hidden="true">{label}</span>
        {shown.alert && <span className="emotion-alert-mark" aria-hidden="true">!</span>}
        {shown.corrected && <span className="emotion-corrected-mark" aria-hidden="true">✓</span>}
      </button>
      <div ref={popoverRef} id={popoverId} className="emotion-popover" hidden={!open} role="group" aria-label={t('emotion.details')}>
        <EmotionDetails emotion={emotion} cuesId={cuesId} busy={busy} onCorrect={(next) => void correct(next)} />
      </div>
      {error && (
        <p className="emotion-error" role="alert">
          {t('emotion.correctError', { error })}
        </p>
      )}
    </div>
  );
}
