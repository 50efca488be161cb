import type { MoodPoint } from '../../api/api.types.ts';
import { formatDateTime, formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { EMOTION_COLOR, EMOTION_EMOJI, emotionKey } from './emotion-labels.ts';
import { sparklinePath } from './sparkline-path.ts';

const BOX = { width: 240, height: 64, pad: 6 };

type Props = { points: readonly MoodPoint[]; summary: string };

// Score per message (+1 at the top, a dashed zero line), and the same numbers as a table.
export function MoodSparkline({ points, summary }: Props) {
  const { t, lang } = useI18n();
  const g = sparklinePath(
    points.map((p) => p.score),
    BOX,
  );
  return (
    <div className="mood-sparkline" data-testid="mood-sparkline" data-points={String(points.length)}>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
        <title>{summary}</title>
        <line x1={BOX.pad} x2={BOX.width - BOX.pad} y1={g.zeroY} y2={g.zeroY} className="mood-zero" />
        {points.length > 1 && <path d={g.line} className="mood-line" />}
        {g.dots.map((d, i) => (
          <circle key={points[i]!.messageId} cx={d.x} cy={d.y} r={i === g.dots.length - 1 ? 4.5 : 3.2} fill={EMOTION_COLOR[points[i]!.emotion]} className="mood-dot" />
        ))}
      </svg>
      {points.length > 0 && (
        <details className="mood-data">
          <summary>{t('mood.data')}</summary>
          <table className="table mood-table">
            <caption className="visually-hidden">{t('mood.timeline')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mood.when')}</th>
                <th scope="col">{t('mood.emotion')}</th>
                <th scope="col">{t('mood.score')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.messageId}>
                  <td>
                    <time dateTime={p.at} title={formatDateTime(p.at, lang)}>
                      {formatTime(p.at, lang)}
                    </time>
                  </td>
                  <td>
                    <span aria-hidden="true">{EMOTION_EMOJI[p.emotion]}</span> {t(emotionKey(p.emotion))}
                  </td>
                  <td>{new Intl.NumberFormat(lang, { signDisplay: 'exceptZero', maximumFractionDigits: 2 }).format(p.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
