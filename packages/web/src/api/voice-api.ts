import { api, query } from './http-client.ts';
import type { ActionPlan, PlanDetail, PlanInput, PlanStatus, TeamScore, TopicFilters, TopicList, TopicTrend } from './voice-types.ts';

const filters = (f: TopicFilters) => ({ from: f.from, to: f.to, language: f.language, source: f.source, teamId: f.teamId });

export const topicsApi = {
  list: (f: TopicFilters) => api.get<TopicList>(`/api/topics${query(filters(f))}`),
  trend: (f: TopicFilters, interval: 'week' | 'month') => api.get<TopicTrend>(`/api/topics/trend${query({ ...filters(f), interval })}`),
};

export const plansApi = {
  list: (teamId?: string) => api.get<{ items: ActionPlan[] }>(`/api/action-plans${query({ teamId })}`),
  get: (id: string) => api.get<PlanDetail>(`/api/action-plans/${encodeURIComponent(id)}`),
  create: (input: PlanInput) => api.post<PlanDetail>('/api/action-plans', input),
  update: (id: string, patch: Partial<Omit<PlanInput, 'teamId'>>) => api.patch<PlanDetail>(`/api/action-plans/${encodeURIComponent(id)}`, patch),
  remove: (id: string) => api.delete<void>(`/api/action-plans/${encodeURIComponent(id)}`),
  addNote: (id: string, note: { text: string; progress?: number; status?: PlanStatus }) => api.post<PlanDetail>(`/api/action-plans/${encodeURIComponent(id)}/notes`, note),
  score: (teamId: string) => api.get<TeamScore>(`/api/teams/${encodeURIComponent(teamId)}/score`),
};
