import { api, query } from './http-client.ts';
import type {
  AcceptResult,
  ActionEdit,
  AttentionItem,
  DryRunResult,
  Outcomes,
  Playbook,
  PlaybookCatalog,
  ReactionSettings,
  Reminder,
  Suggestion,
  TimelineItem,
} from './reaction-types.ts';

// Calls of the rapid-reaction API; each returns the server's shape as is.
export const reactionApi = {
  suggestions: (params: { conversationId?: string; customerId?: string; mine?: boolean } = {}) =>
    api.get<{ items: Suggestion[] }>(`/api/suggestions${query({ status: 'open', limit: 200, ...params, mine: params.mine ? 'true' : undefined })}`),
  accept: (id: string, actions: ActionEdit[]) => api.post<AcceptResult>(`/api/suggestions/${id}/accept`, { actions }),
  dismiss: (id: string, reason: string) => api.post<Suggestion>(`/api/suggestions/${id}/dismiss`, { reason }),
  snooze: (id: string, minutes: number) => api.post<unknown>(`/api/suggestions/${id}/snooze`, { minutes }),
  timeline: (customerId: string) => api.get<{ customerId: string; items: TimelineItem[] }>(`/api/customers/${customerId}/timeline?limit=50`),
  reminders: () => api.get<{ items: Reminder[] }>('/api/reminders?mine=true&status=due'),
  reminderDone: (id: string) => api.post<unknown>(`/api/reminders/${id}/done`),
  attention: () => api.get<{ items: AttentionItem[] }>('/api/attention?limit=50'),
  outcomes: () => api.get<Outcomes>('/api/reaction/outcomes'),
  playbooks: () => api.get<{ items: Playbook[] }>('/api/playbooks'),
  catalog: () => api.get<PlaybookCatalog>('/api/playbooks/catalog'),
  createPlaybook: (body: unknown) => api.post<Playbook>('/api/playbooks', body),
  updatePlaybook: (id: string, body: unknown) => api.patch<Playbook>(`/api/playbooks/${id}`, body),
  deletePlaybook: (id: string) => api.delete<void>(`/api/playbooks/${id}`),
  dryRun: (playbook: unknown, days: number) => api.post<DryRunResult>('/api/playbooks/dry-run', { playbook, days }),
  settings: () => api.get<ReactionSettings>('/api/reaction/settings'),
  updateSettings: (patch: unknown) => api.patch<ReactionSettings>('/api/reaction/settings', patch),
};
