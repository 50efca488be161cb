import type { EmotionLabel, MessageEmotion } from '../../api/api.types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useDirectory } from '../shell/directory.context.tsx';
import { cueEffectText, cueKindKey, EMOTION_EMOJI, EMOTIONS, effectiveEmotion, emotionKey, isEmotion, percent } from './emotion-labels.ts';

type Props = {
  emotion: MessageEmotion;
  cuesId: string;
  busy: boolean;
  onCorrect: (emotion: EmotionLabel) => void;
};

// The "why" of a label (the words that weighed, how strongly, who corrected it) and the
// control to correct it.
export function EmotionDetails({ emotion: e, cuesId, busy, onCorrect }: Props) {
  const { t } = useI18n();
  const { employeeName } = useDirectory();
  const shown = effectiveEmotion(e);
  const by = e.corrected?.by ? employeeName(e.corrected.by) : null;
  return (
    <div className="emotion-card">
      <div id={cuesId} data-testid="emotion-cues" className="emotion-cues">
        <p className="emotion-why">{t('emotion.why')}</p>
        {e.cues.length > 0 ? (
          <ul className="plain">
            {e.cues.map((cue, i) => {
              const kind = cueKindKey(cue.kind);
              return (
                <li key={`${i}-${cue.text}`} data-testid="emotion-cue">
                  <q>{cue.text}</q> <span className="emotion-effect">{cueEffectText(cue.effect, t)}</span>
                  {kind && <span className="muted"> · {t(kind)}</span>}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted">{t('emotion.noCues')}</p>
        )}
        <p>{t('emotion.intensity', { value: percent(e.intensity) })}</p>
        {!e.supported && <p className="muted">{t('emotion.unsupported', { language: e.language })}</p>}
        {shown.corrected && (
          <p className="emotion-corrected" data-testid="emotion-corrected">
            ✓ {t('emotion.corrected')}
            {by ? ` (${by})` : ''} · {t('emotion.predicted', { label: t(emotionKey(e.emotion)) })}
          </p>
        )}
      </div>
      <label className="emotion-correct">
        <span>{t('emotion.correct')}</span>
        <select data-testid="emotion-correct" value={shown.emotion} aria-busy={busy} onChange={(ev) => isEmotion(ev.target.value) && onCorrect(ev.target.value)}>
          {EMOTIONS.map((label) => (
            <option key={label} value={label}>
              {EMOTION_EMOJI[label]} {t(emotionKey(label))}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
