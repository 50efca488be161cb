import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TopicTrend } from '../../api/voice-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { trendDirection, trendRows } from './topic-display.ts';

const COLORS = ['#b42318', '#c4661f', '#8e44ad', '#2e6f9e', '#5d6d2f', '#7a4b2a', '#a0306b', '#3d5a80'];

// Negative mentions per period: all of them, and one line per negative topic.
export function TopicTrendChart({ trend }: { trend: TopicTrend }) {
  const { t } = useI18n();
  const rows = trendRows(trend);
  const direction = trendDirection(trend);
  const shares = trend.periods.filter((p) => p.negativeShare !== null).map((p) => p.negativeShare!);
  return (
    <section className="topics-trend" aria-labelledby="topics-trend-title" data-testid="topics-trend">
      <h2 id="topics-trend-title">{t('topics.trend.title')}</h2>
      <p className="muted topic-meta">{t('topics.trend.help')}</p>
      {direction && (
        <p data-testid="topics-trend-direction">
          {t(`topics.trend.${direction}`, { from: shares[0] ?? 0, to: shares[shares.length - 1] ?? 0 })}
        </p>
      )}
      {rows.every((r) => r.negative === 0) ? (
        <p className="muted">{t('topics.trend.none')}</p>
      ) : (
        <div className="topics-plot">
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="period" tick={{ fontSize: 11 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={36} />
              <Tooltip />
              <Legend />
              <Line type="monotone" dataKey="negative" name={t('topics.trend.negative')} stroke="var(--text, #222)" strokeWidth={2} isAnimationActive={false} />
              {trend.topics.map((topic, i) => (
                <Line key={topic.id} type="monotone" dataKey={topic.id} name={topic.label} stroke={COLORS[i % COLORS.length]} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
