import type { Customer } from './api.types.ts';
import type { Duplicate, DuplicateStatus, Merge, MergeBody, MergeResult, ScanResult, UnmergeResult } from './customer-merge-types.ts';
import { api, query } from './http-client.ts';

// Calls of the duplicates and merge API; each returns the server's shape as is.
export const customerMergeApi = {
  duplicates: (params: { status?: DuplicateStatus; customerId?: string } = {}) =>
    api.get<{ items: Duplicate[]; nextCursor: string | null }>(`/api/customers/duplicates${query({ limit: 100, ...params })}`),
  scan: () => api.post<ScanResult>('/api/customers/duplicates/scan'),
  dismiss: (id: string) => api.post<Duplicate>(`/api/customers/duplicates/${id}/dismiss`),
  merge: (survivorId: string, body: MergeBody) => api.post<MergeResult>(`/api/customers/${survivorId}/merge`, body),
  merges: (customerId: string) => api.get<{ items: Merge[] }>(`/api/customers/${customerId}/merges`),
  unmerge: (mergeId: string) => api.post<UnmergeResult>(`/api/customers/merges/${mergeId}/unmerge`),
  customer: (id: string) => api.get<Customer>(`/api/customers/${id}`),
};
