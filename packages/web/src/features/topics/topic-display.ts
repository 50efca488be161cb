import type { Topic, TopicLanguage, TopicTrend } from '../../api/voice-types.ts';

// Topics of each language, as the server ordered them (most mentioned first).
export function byLanguage(topics: Topic[]): Array<{ language: TopicLanguage; topics: Topic[] }> {
  return (['es', 'en'] as const).map((language) => ({ language, topics: topics.filter((t) => t.language === language) })).filter((g) => g.topics.length > 0);
}

// A signed value with a real minus sign, two decimals: "−0.62", "+0.13".
export function formatSentiment(v: number | null, lang: string): string {
  if (v === null) return '–';
  const abs = Math.abs(v).toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return v < 0 ? `−${abs}` : v > 0 ? `+${abs}` : abs;
}

export type TrendRow = { period: string; negative: number; share: number | null } & Record<string, number | string | null>;

// One row per period for the chart: all negative mentions, their share, and one column per negative topic.
export function trendRows(trend: TopicTrend): TrendRow[] {
  return trend.periods.map((p, i) => {
    const row: TrendRow = { period: p.period, negative: p.negative, share: p.negativeShare };
    for (const topic of trend.topics) row[topic.id] = topic.points[i]?.negative ?? 0;
    return row;
  });
}

// Whether negative mentions fell between the first and the last period that had any mention.
export function trendDirection(trend: TopicTrend): 'down' | 'up' | 'flat' | null {
  const shares = trend.periods.filter((p) => p.negativeShare !== null).map((p) => p.negativeShare!);
  if (shares.length < 2) return null;
  const delta = shares[shares.length - 1]! - shares[0]!;
  return delta < 0 ? 'down' : delta > 0 ? 'up' : 'flat';
}
