// Topics, action plans and the team score (docs/voice.md): the shapes the server answers.
import type { KpiName } from './kpi-types.ts';

export type TopicLanguage = 'es' | 'en';
export type TopicSource = 'surveys' | 'messages' | 'all';
export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export type Mention = {
  id: string;
  source: 'message' | 'answer';
  text: string;
  sentiment: number | null;
  at: string;
  conversationId: string | null;
  surveyId: string | null;
  customerId: string;
};

export type Topic = {
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

export type TopicFilters = { from?: string; to?: string; language?: TopicLanguage; source: TopicSource; teamId?: string };

export type TopicList = {
  period: { from: string; to: string };
  computedAt: string;
  documents: { messages: number; answers: number; sampled: boolean; limitPerSource: number };
  topics: Topic[];
};

export type TopicTrend = {
  period: { from: string; to: string };
  interval: 'week' | 'month';
  periods: Array<{ period: string; mentions: number; negative: number; negativeShare: number | null }>;
  topics: Array<{ id: string; label: string; language: TopicLanguage; negative: number; points: Array<{ period: string; mentions: number; negative: number }> }>;
};

export type PlanStatus = 'planned' | 'in_progress' | 'done' | 'dropped';
export const PLAN_STATUSES: readonly PlanStatus[] = ['planned', 'in_progress', 'done', 'dropped'];

export type PlanLink = { type: 'topic'; topicId: string; label: string } | { type: 'kpi'; kpi: KpiName };

export type PlanNote = { id: string; author: { id: string; name: string } | null; text: string; progress: number | null; status: PlanStatus | null; createdAt: string };

export type ActionPlan = {
  id: string;
  team: { id: string; name: string };
  title: string;
  description: string;
  link: PlanLink;
  owner: { id: string; name: string } | null;
  dueOn: string;
  status: PlanStatus;
  progress: number;
  overdue: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  noteCount: number;
};

export type PlanDetail = ActionPlan & { notes: PlanNote[] };

export type PlanInput = { teamId: string; title: string; description: string; link: PlanLink; ownerId: string; dueOn: string; status?: PlanStatus; progress?: number };

type Part = { value: number | null; weight: number; effectiveWeight: number };
type TrendWindow = { from: string; to: string; mentions: number; negative: number; share: number | null };

export type TeamScore = {
  team: { id: string; name: string };
  window: { from: string; to: string };
  score: number | null;
  parts: {
    plans: Part & { plans: number; done: number; overdue: number };
    trend: Part & { previous: TrendWindow; current: TrendWindow };
    survey: Part & { basis: 'csat' | 'nps' | null; csat: number | null; nps: number | null; answers: number };
  };
};

export type ScoreSettings = { weights: { plans: number; trend: number; survey: number }; windowDays: number };
