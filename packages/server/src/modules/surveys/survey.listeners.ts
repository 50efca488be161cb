import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { startIntervalJob, type JobLog } from '../../platform/jobs/interval-job.ts';
import { moveSurveysWithConversations } from './survey-customer.service.ts';
import { scheduleAfterResolution, sendDueSurveys } from './survey-schedule.service.ts';

// Due surveys wait at most this long after their time.
const SEND_EVERY_MS = 30_000;

// A resolved conversation schedules its survey (a durable row with a due time), per the workspace's
// rules; a merge or unmerge takes the surveys along with the conversations it moves.
export function registerSurveyListeners(ctx: AppContext): void {
  ctx.bus.subscribe('conversation.updated', async (e) => {
    if (e.changes.status !== 'resolved') return;
    await scheduleAfterResolution(tenantScope(ctx.db, e.workspaceId), e.conversationId);
  });
  ctx.bus.subscribe('customer.merged', (e) => moveSurveysWithConversations(tenantScope(ctx.db, e.workspaceId), e.absorbedId, e.survivorId, e.conversationIds));
  ctx.bus.subscribe('customer.unmerged', (e) => moveSurveysWithConversations(tenantScope(ctx.db, e.workspaceId), e.survivorId, e.absorbedId, e.conversationIds));
}

export const startSurveySender = (ctx: AppContext, log: JobLog) => startIntervalJob('send-surveys', SEND_EVERY_MS, () => sendDueSurveys(ctx), log);
