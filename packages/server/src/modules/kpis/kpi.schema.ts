import { z } from 'zod';
import { uuid } from '../../platform/http/common.schema.ts';

export const KPIS = ['csat', 'nps', 'ces', 'first_response', 'resolution', 'negative_reaction', 'suggestions', 'churn', 'mood', 'bond_concentration'] as const;
export type KpiName = (typeof KPIS)[number];
export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const day = z.iso.date({ message: 'must be a date like 2026-01-31' });

export const kpiParams = z.object({ kpi: z.enum(KPIS, { message: `must be one of: ${KPIS.join(', ')}` }) });

// Department = team: a team filter is how the dashboard cuts by department.
const filterShape = {
  from: day.optional().describe('first UTC day, included (default: 29 days before `to`)'),
  to: day.optional().describe('last UTC day, included (default: today)'),
  granularity: z.enum(GRANULARITIES, { message: 'must be day, week or month' }).default('week'),
  teamId: uuid().optional().describe('team (department)'),
  channel: z.string().trim().min(1).max(40).optional(),
  employeeId: uuid().optional(),
};
const ordered = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const orderedIssue = { message: '"from" must not be after "to"', path: ['from'] };

export const kpiQuery = z.object({ ...filterShape, format: z.enum(['json', 'csv']).default('json') }).refine(ordered, orderedIssue);
export type KpiQuery = z.infer<typeof kpiQuery>;

export const kpiItemsQuery = z
  .object({
    ...filterShape,
    point: z.string().min(1).max(40).describe('the point clicked: its `key` (a period start like 2026-01-05, or an employee id for bond_concentration)'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .refine(ordered, orderedIssue);
export type KpiItemsQuery = z.infer<typeof kpiItemsQuery>;
