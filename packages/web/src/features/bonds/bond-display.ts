// How a bond is drawn: its bar is relative to the strongest bond shown beside it, since scores have no fixed top.
export function barPercent(score: number, strongest: number): number {
  if (!(strongest > 0) || !(score > 0)) return 0;
  return Math.max(2, Math.min(100, Math.round((score / strongest) * 100)));
}

export type Feeling = 'positive' | 'neutral' | 'negative';

// The customer's recency-weighted valence (-1..1) in words; small leanings either way read as neutral.
export function feelingOf(valence: number, feltMessages: number): Feeling {
  if (feltMessages === 0 || Math.abs(valence) < 0.15) return 'neutral';
  return valence > 0 ? 'positive' : 'negative';
}

export const scoreText = (score: number, lang: string) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(score);
