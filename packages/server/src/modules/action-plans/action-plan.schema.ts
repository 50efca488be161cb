import { z } from 'zod';
import type { ActionPlanStatus } from '../../platform/db/database.types.ts';
import { uuid } from '../../platform/http/common.schema.ts';
import { KPIS } from '../kpis/kpi.schema.ts';
import { topicIdParams } from '../topics/topic.schema.ts';

export const ACTION_PLAN_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const satisfies readonly ActionPlanStatus[];

const day = z.iso.date({ message: 'must be a date like 2026-01-31' });
const title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const status = z.enum(ACTION_PLAN_STATUSES, { message: `must be one of: ${ACTION_PLAN_STATUSES.join(', ')}` });
const progress = z.number({ message: 'must be a number from 0 to 100' }).int('must be a whole number').min(0, 'must be at least 0').max(100, 'must be at most 100');

// What the plan answers: a topic customers raise (its id and the label shown when the plan was made) or a KPI.
export const planLink = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('topic'), topicId: topicIdParams.shape.id, label: z.string().trim().min(1).max(200) }),
  z.strictObject({ type: z.literal('kpi'), kpi: z.enum(KPIS, { message: `must be one of: ${KPIS.join(', ')}` }) }),
]);
export type PlanLink = z.infer<typeof planLink>;

export const createPlanBody = z.strictObject({
  teamId: uuid(),
  title,
  description: z.string().trim().max(4000).default(''),
  link: planLink,
  ownerId: uuid().describe('the employee who carries it out'),
  dueOn: day.describe('the day it should be done by'),
  status: status.default('planned'),
  progress: progress.default(0),
});
export type CreatePlanBody = z.infer<typeof createPlanBody>;

export const updatePlanBody = z
  .strictObject({
    title: title.optional(),
    description: z.string().trim().max(4000).optional(),
    link: planLink.optional(),
    ownerId: uuid().optional(),
    dueOn: day.optional(),
    status: status.optional(),
    progress: progress.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change');
export type UpdatePlanBody = z.infer<typeof updatePlanBody>;

export const noteBody = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
  progress: progress.optional().describe("the plan's progress after this step"),
  status: status.optional(),
});
export type NoteBody = z.infer<typeof noteBody>;

export const listPlansQuery = z.object({
  teamId: uuid().optional(),
  status: status.optional(),
  topicId: topicIdParams.shape.id.optional(),
  kpi: z.enum(KPIS).optional(),
});
export type ListPlansQuery = z.infer<typeof listPlansQuery>;
