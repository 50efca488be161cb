import type { Channel, ChannelDraft, ChannelKindInfo, ChannelPatch, Delivery, DeliveryStatus } from './channels-types.ts';
import { api, query } from './http-client.ts';

// Calls of the channels admin API; each returns the server's shape as is.
export const channelsApi = {
  list: () => api.get<{ items: Channel[] }>('/api/channels'),
  kinds: () => api.get<{ items: ChannelKindInfo[] }>('/api/channels/kinds'),
  create: (body: ChannelDraft) => api.post<Channel>('/api/channels', body),
  update: (id: string, body: ChannelPatch) => api.patch<Channel>(`/api/channels/${id}`, body),
  registerTelegramWebhook: (id: string) => api.post<{ ok: boolean; description: string }>(`/api/channels/${id}/telegram-webhook`),
  deliveries: (id: string, status?: DeliveryStatus) => api.get<{ items: Delivery[] }>(`/api/channels/${id}/deliveries${query({ status, limit: 50 })}`),
  retry: (id: string, messageId: string) => api.post<{ status: 'queued' }>(`/api/channels/${id}/deliveries/${messageId}/retry`),
};
