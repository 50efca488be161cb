// A rate in [0, 1] as a whole percentage for people and a bar width; none without replies.
export function ratePercent(rate: number | null): number | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  return Math.round(Math.min(1, Math.max(0, rate)) * 100);
}

export type RateLevel = 'good' | 'fair' | 'low';

// Three calm steps for the bar colour; the number itself is always shown next to it.
export function rateLevel(percent: number): RateLevel {
  if (percent >= 80) return 'good';
  if (percent >= 50) return 'fair';
  return 'low';
}
