import type { TeamScore } from '../../api/voice-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/i18n.types.ts';
import { scoreRows } from './plan-display.ts';

const DAY = 86_400_000;

// The team score and the three parts it is made of, each with its share of the score and what it came from.
export function TeamScoreCard({ score }: { score: TeamScore }) {
  const { t, lang } = useI18n();
  const p = score.parts;
  const num = (v: number | null) => (v === null ? '–' : v.toLocaleString(lang));
  const pct = (v: number | null) => (v === null ? '–' : `${num(v)} %`);
  const details: Record<'plans' | 'trend' | 'survey', string> = {
    plans: t('score.detail.plans', { plans: p.plans.plans, done: p.plans.done, overdue: p.plans.overdue }),
    trend: t('score.detail.trend', { previous: pct(p.trend.previous.share), current: pct(p.trend.current.share) }),
    survey:
      p.survey.basis === 'nps' ? t('score.detail.survey.nps', { value: num(p.survey.nps), answers: p.survey.answers }) : t('score.detail.survey.csat', { value: num(p.survey.csat), answers: p.survey.answers }),
  };
  const days = Math.round((Date.parse(score.window.to) - Date.parse(score.window.from)) / DAY) + 1;
  return (
    <section className="score-card" aria-labelledby="score-title" data-testid="team-score">
      <h2 id="score-title">{t('score.title')}</h2>
      <p className="score-value">
        <strong data-testid="team-score-value">{num(score.score)}</strong>
        {score.score === null && <span className="muted"> {t('score.none')}</span>}
      </p>
      <p className="muted">{t('score.window', { days, from: formatDate(`${score.window.from}T12:00:00Z`, lang), to: formatDate(`${score.window.to}T12:00:00Z`, lang) })}</p>
      <ul className="score-parts">
        {scoreRows(score).map((row) => (
          <li key={row.part} data-testid={`score-part-${row.part}`}>
            <span className="score-part-name">{t(`score.part.${row.part}` as MessageKey)}</span>
            <strong className="score-part-value">{num(row.value)}</strong>
            <span className="muted">{row.counted ? t('score.weight', { percent: row.weightPercent }) : t('score.notCounted')}</span>
            <span className="muted score-part-detail">{details[row.part]}</span>
          </li>
        ))}
      </ul>
      <p className="muted score-help">{t('score.help')}</p>
    </section>
  );
}
