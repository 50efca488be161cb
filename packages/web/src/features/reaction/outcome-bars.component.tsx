import { useI18n } from '../../i18n/i18n.context.tsx';

export type Bar = { label: string; value: number; accepted: number };

const ROW = 26;
const LABEL = 180;
const WIDTH = 520;

// A few horizontal bars, hand-drawn: suggestions per playbook, the accepted part darker.
export function OutcomeBars({ bars }: { bars: readonly Bar[] }) {
  const { t } = useI18n();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const scale = (WIDTH - LABEL - 40) / max;
  const summary = bars.map((b) => `${b.label}: ${b.value}`).join('; ');
  return (
    <svg className="outcome-bars" role="img" aria-label={t('reaction.kpis.chart', { list: summary })} viewBox={`0 0 ${WIDTH} ${bars.length * ROW + 4}`} width="100%">
      {bars.map((b, i) => (
        <g key={i} transform={`translate(0 ${i * ROW + 2})`}>
          <text x={LABEL - 8} y={ROW / 2 + 4} textAnchor="end" className="bar-label">
            {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
          </text>
          <rect x={LABEL} y={4} height={ROW - 10} width={Math.max(2, b.value * scale)} className="bar-total" rx={3} />
          <rect x={LABEL} y={4} height={ROW - 10} width={b.accepted * scale} className="bar-accepted" rx={3} />
          <text x={LABEL + Math.max(2, b.value * scale) + 6} y={ROW / 2 + 4} className="bar-value">
            {b.value}
          </text>
        </g>
      ))}
    </svg>
  );
}
