import type { KpiUnit } from '../../api/kpi-types.ts';
import type { Language, MessageKey } from '../../i18n/i18n.types.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

// A KPI figure as people read it: 66.7 %, −11, 3.75, 32 min.
export function formatKpi(value: number | null, unit: KpiUnit, lang: Language, t: T, opts: { kpi?: string } = {}): string {
  if (value === null) return t('dashboard.none');
  const n = (v: number, digits: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(v);
  if (unit === 'seconds') return formatDuration(value, t, lang);
  if (unit === 'percent' && opts.kpi === 'bond_concentration') return n(value, 3);
  if (unit === 'percent') return `${n(value, 2)} %`;
  return n(value, 3);
}

// `digits`: 0 for axis ticks, which must stay short.
export function formatDuration(seconds: number, t: T, lang: Language, digits = 1): string {
  const n = (v: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(v);
  if (seconds < 120) return t('dashboard.seconds', { value: n(seconds) });
  if (seconds < 2 * 3600) return t('dashboard.minutes', { value: n(seconds / 60) });
  if (seconds < 2 * 86_400) return t('dashboard.hours', { value: n(seconds / 3600) });
  return t('dashboard.days', { value: n(seconds / 86_400) });
}
