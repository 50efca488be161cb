import { truncate } from '../kpis/kpi-period.ts';
import type { TopicDocument } from './topic-documents.ts';
import { groupTopics } from './topic-grouping.ts';
import { phrasesOf, TOPIC_LANGUAGES, type TopicLanguage } from './topic-text.ts';
import type { TrendInterval } from './topic.schema.ts';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';
// A text at or below −0.25 is negative, at or above 0.25 positive; a topic by the mean of its texts.
export const NEGATIVE_AT = -0.25;
export const POSITIVE_AT = 0.25;
export const sentimentLabel = (v: number | null): SentimentLabel => (v === null ? 'neutral' : v <= NEGATIVE_AT ? 'negative' : v >= POSITIVE_AT ? 'positive' : 'neutral');

export type Mention = Omit<TopicDocument, 'language'>;

export type TopicView = {
  id: string;
  language: TopicLanguage;
  label: string;
  phrases: Array<{ text: string; mentions: number }>;
  mentions: number;
  sources: { messages: number; answers: number };
  sentiment: { average: number | null; label: SentimentLabel; negative: number; neutral: number; positive: number };
  quotes: Mention[];
  lastMentionAt: string;
};

export type TopicSnapshot = {
  computedAt: string;
  period: { from: string; to: string };
  documents: { messages: number; answers: number; sampled: boolean; limitPerSource: number };
  topics: Array<TopicView & { mentionIds: string[] }>;
  // The texts that mention a topic, by id (quotes and the mentions of a topic's page).
  texts: Record<string, Mention>;
};

const QUOTE_CHARS = 400;
const MAX_TOPICS_PER_LANGUAGE = 25;
const round2 = (n: number) => Math.round(n * 100) / 100;

// Topics of each language from the texts: grouping, then counts, sentiment and quotes from their mentions.
export function buildSnapshot(documents: TopicDocument[], meta: { period: { from: string; to: string }; sampled: boolean; limitPerSource: number; now: Date }): TopicSnapshot {
  const texts: Record<string, Mention> = {};
  const topics: TopicSnapshot['topics'] = [];
  for (const language of TOPIC_LANGUAGES) {
    const docs = documents.filter((d) => d.language === language);
    const byId = new Map(docs.map((d) => [d.id, d]));
    const groups = groupTopics(
      docs.map((d) => ({ id: d.id, phrases: phrasesOf(d.text, language) })),
      { minMentions: 2, maxTopics: MAX_TOPICS_PER_LANGUAGE },
    );
    for (const g of groups) {
      const mentions = g.docIds.map((id) => byId.get(id)!).sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
      for (const m of mentions) {
        const { language: _language, ...rest } = m;
        texts[m.id] ??= { ...rest, text: m.text.length > QUOTE_CHARS ? `${m.text.slice(0, QUOTE_CHARS - 1)}…` : m.text };
      }
      const scored = mentions.filter((m) => m.sentiment !== null).map((m) => m.sentiment!);
      const average = scored.length ? round2(scored.reduce((a, b) => a + b, 0) / scored.length) : null;
      const label = sentimentLabel(average);
      const count = (l: SentimentLabel) => mentions.filter((m) => sentimentLabel(m.sentiment) === l).length;
      // Quotes that show the topic's mood: texts of its sentiment first, newest first.
      const quotes = [...mentions].sort((a, b) => Number(sentimentLabel(b.sentiment) === label) - Number(sentimentLabel(a.sentiment) === label)).slice(0, 3);
      topics.push({
        id: `${language}:${g.key}`,
        language,
        label: g.label,
        phrases: g.phrases,
        mentions: mentions.length,
        sources: { messages: mentions.filter((m) => m.source === 'message').length, answers: mentions.filter((m) => m.source === 'answer').length },
        sentiment: { average, label, negative: count('negative'), neutral: count('neutral'), positive: count('positive') },
        quotes: quotes.map((q) => texts[q.id]!),
        lastMentionAt: mentions[0]!.at,
        mentionIds: mentions.map((m) => m.id),
      });
    }
  }
  topics.sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
  return {
    computedAt: meta.now.toISOString(),
    period: meta.period,
    documents: { messages: documents.filter((d) => d.source === 'message').length, answers: documents.filter((d) => d.source === 'answer').length, sampled: meta.sampled, limitPerSource: meta.limitPerSource },
    topics,
    texts,
  };
}

// The period a date falls in: the Monday of its week, or its month, in UTC.
export function periodOf(at: string, interval: TrendInterval): string {
  if (interval === 'month') return at.slice(0, 7);
  return truncate(new Date(`${at.slice(0, 10)}T00:00:00Z`), 'week').toISOString().slice(0, 10);
}

export function periodsBetween(from: string, to: string, interval: TrendInterval): string[] {
  const out: string[] = [];
  const d = new Date(`${periodOf(from, interval)}${interval === 'month' ? '-01' : ''}T00:00:00Z`);
  const last = periodOf(to, interval);
  for (let p = periodOf(d.toISOString(), interval); p <= last; p = periodOf(d.toISOString(), interval)) {
    out.push(p);
    if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + 7);
  }
  return out;
}

export type TrendPoint = { period: string; mentions: number; negative: number; negativeShare: number | null };
export type TopicTrend = {
  interval: TrendInterval;
  periods: TrendPoint[];
  // The negative topics (by their mean sentiment), most negative mentions first.
  topics: Array<{ id: string; label: string; language: TopicLanguage; negative: number; points: Array<{ period: string; mentions: number; negative: number }> }>;
};

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

// A mention is one topic named in one text; it is negative when the text is. Per period: all mentions,
// the negative ones and their share in %, overall and for each negative topic.
export function topicTrend(snapshot: TopicSnapshot, interval: TrendInterval): TopicTrend {
  const periods = periodsBetween(snapshot.period.from, snapshot.period.to, interval);
  const index = new Map(periods.map((p, i) => [p, i]));
  const totals = periods.map((period) => ({ period, mentions: 0, negative: 0 }));
  const negativeTopics: TopicTrend['topics'] = [];
  for (const topic of snapshot.topics) {
    const points = periods.map((period) => ({ period, mentions: 0, negative: 0 }));
    for (const id of topic.mentionIds) {
      const m = snapshot.texts[id]!;
      const i = index.get(periodOf(m.at, interval));
      if (i === undefined) continue;
      const negative = sentimentLabel(m.sentiment) === 'negative' ? 1 : 0;
      points[i]!.mentions++;
      points[i]!.negative += negative;
      totals[i]!.mentions++;
      totals[i]!.negative += negative;
    }
    if (topic.sentiment.label === 'negative') negativeTopics.push({ id: topic.id, label: topic.label, language: topic.language, negative: topic.sentiment.negative, points });
  }
  negativeTopics.sort((a, b) => b.negative - a.negative || a.id.localeCompare(b.id));
  return { interval, periods: totals.map((t) => ({ ...t, negativeShare: share(t.negative, t.mentions) })), topics: negativeTopics.slice(0, 8) };
}
