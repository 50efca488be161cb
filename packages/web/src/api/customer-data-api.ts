import type { Customer, Page } from './api.types.ts';
import type { CustomerBonds, DepartureRisk, ImportBody, ImportReport } from './customer-data-types.ts';
import { api, query } from './http-client.ts';

// Calls of the customer list, import and bonds API; each returns the server's shape as is.
export const customerDataApi = {
  // With q the server answers best match first and never pages; without it, newest first with a cursor.
  list: (params: { q?: string; limit?: number; cursor?: string | null }) => api.get<Page<Customer>>(`/api/customers${query(params)}`),
  import: (body: ImportBody) => api.post<ImportReport>('/api/customers/import', body),
  exportUrl: '/api/customers/export.csv',
  bonds: (customerId: string) => api.get<CustomerBonds>(`/api/customers/${encodeURIComponent(customerId)}/bonds`),
  departureRisk: (employeeId: string) => api.get<DepartureRisk>(`/api/employees/${encodeURIComponent(employeeId)}/departure-risk`),
};
