import { api, query } from './http-client.ts';
import type { ActionPlan, Mention, ScoreSettings, PlanDetail, PlanInput, PlanStatus, TeamScore, Topic, TopicFilters, TopicList, TopicTrend } from './voice-types.ts';

const filters = (f: TopicFilters) => ({ from: f.from, to: f.to, language: f.language, source: f.source, teamId: f.teamId });

export const topicsApi = {
  list: (f: TopicFilters) => api.get<TopicList>(`/api/topics${query(filters(f))}`),
  // The same filters as the list, so the server answers from the same computed result.
  mentions: (id: string, f: TopicFilters) => api.get<Topic & { mentionList: Mention[] }>(`/api/topics/${encodeURIComponent(id)}${query({ ...filters(f), limit: 100 })}`),
  trend: (f: TopicFilters, interval: 'week' | 'month') => api.get<TopicTrend>(`/api/topics/trend${query({ ...filters(f), interval })}`),
};

export const plansApi = {
  list: (teamId?: string) => api.get<{ items: ActionPlan[] }>(`/api/action-plans${query({ teamId })}`),
  get: (id: string) => api.get<PlanDetail>(`/api/action-plans/${encodeURIComponent(id)}`),
  create: (input: PlanInput) => api.post<PlanDetail>('/api/action-plans', input),
  update: (id: string, patch: Partial<Omit<PlanInput, 'teamId'>>) => api.patch<PlanDetail>(`/api/action-plans/${encodeURIComponent(id)}`, patch),
  remove: (id: string) => api.delete<void>(`/api/action-plans/${encodeURIComponent(id)}`),
  addNote: (id: string, note: { text: string; progress?: number; status?: PlanStatus }) => api.post<PlanDetail>(`/api/action-plans/${encodeURIComponent(id)}/notes`, note),
  settings: () => api.get<ScoreSettings>('/api/teams/score-settings'),
  saveSettings: (s: ScoreSettings) => api.put<ScoreSettings>('/api/teams/score-settings', s),
  score: (teamId: string) => api.get<TeamScore>(`/api/teams/${encodeURIComponent(teamId)}/score`),
};
