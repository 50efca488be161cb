import type {
  ActivityPage,
  AttributeChange,
  AttributeDefinition,
  AttributeDraft,
  ConsentChange,
  ConsentView,
  CustomerPatch,
  CustomerProfile,
  Motivation,
  MotivationView,
  Order,
  PreferredChannel,
} from './customer-profile-types.ts';
import type { Customer } from './api.types.ts';
import { api, query } from './http-client.ts';

const at = (id: string) => `/api/customers/${encodeURIComponent(id)}`;

// Calls of the customer 360: profile, orders, activity, edits, attributes and motivation; each returns the server's shape as is.
export const customerProfileApi = {
  profile: (id: string) => api.get<CustomerProfile>(at(id)),
  update: (id: string, patch: CustomerPatch) => api.patch<Customer>(at(id), patch),
  orders: (id: string, limit = 10) => api.get<{ items: Order[] }>(`${at(id)}/orders${query({ limit })}`),
  activity: (id: string, params: { limit?: number; before?: string | null; kinds?: string }) => api.get<ActivityPage>(`${at(id)}/activity${query(params)}`),
  setTags: (id: string, tags: string[]) => api.put<{ tags: string[] }>(`${at(id)}/tags`, { tags }),
  setInterests: (id: string, interests: string[]) => api.put<{ interests: string[] }>(`${at(id)}/interests`, { interests }),
  setConsent: (id: string, change: ConsentChange) => api.put<{ consent: ConsentView }>(`${at(id)}/consent`, change),
  setPreferredChannel: (id: string, channel: string | null) => api.put<PreferredChannel>(`${at(id)}/preferred-channel`, { channel }),
  motivation: (id: string) => api.get<MotivationView>(`${at(id)}/motivation`),
  setMotivation: (id: string, motivation: Motivation | null, note?: string | null) =>
    api.put<MotivationView>(`${at(id)}/motivation`, note === undefined ? { motivation } : { motivation, note }),
  attributes: () => api.get<{ items: AttributeDefinition[] }>('/api/customer-attributes'),
  createAttribute: (draft: AttributeDraft) => api.post<AttributeDefinition>('/api/customer-attributes', draft),
  updateAttribute: (key: string, change: AttributeChange) => api.patch<AttributeDefinition>(`/api/customer-attributes/${encodeURIComponent(key)}`, change),
  reorderAttributes: (keys: string[]) => api.put<{ items: AttributeDefinition[] }>('/api/customer-attributes/order', { keys }),
  deleteAttribute: (key: string) => api.delete<void>(`/api/customer-attributes/${encodeURIComponent(key)}`),
};
