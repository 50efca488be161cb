import type { CallMedia, CallQuality } from '@vinculo/call-peer';
import type { CallView, HangUpInput, StartedCall } from './call-types.ts';
import { api, query } from './http-client.ts';

// Calls of the calls API; each returns the server's shape as is.
export const callApi = {
  iceServers: () => api.get<{ iceServers: RTCIceServer[] }>('/api/calls/ice-servers'),
  missed: () => api.get<{ items: CallView[] }>(`/api/calls${query({ status: 'missed', limit: 100 })}`),
  recent: () => api.get<{ items: CallView[] }>(`/api/calls${query({ limit: 20 })}`),
  get: (id: string) => api.get<CallView>(`/api/calls/${id}`),
  ofConversation: (conversationId: string) => api.get<{ items: CallView[] }>(`/api/calls${query({ conversationId, limit: 100 })}`),
  reachable: (conversationId: string) => api.get<{ reachable: boolean }>(`/api/conversations/${conversationId}/calls/reachable`),
  callBack: (conversationId: string, media: CallMedia) => api.post<StartedCall>(`/api/conversations/${conversationId}/calls`, { media }),
  accept: (id: string) => api.post<CallView>(`/api/calls/${id}/accept`),
  decline: (id: string) => api.post<CallView>(`/api/calls/${id}/decline`),
  hangUp: (id: string, body: HangUpInput) => api.post<CallView>(`/api/calls/${id}/hangup`, body),
  quality: (id: string, quality: CallQuality) => api.post<CallView>(`/api/calls/${id}/quality`, { quality }),
  handled: (id: string) => api.post<CallView>(`/api/calls/${id}/handled`),
};
