import type { Selectable } from 'kysely';
import type { CallsTable } from '../../platform/db/database.types.ts';

type CallRow = Selectable<CallsTable>;

export type CallView = {
  id: string;
  conversationId: string;
  customerId: string;
  media: CallsTable['media'];
  direction: CallsTable['direction'];
  status: CallsTable['status'];
  ringingEmployeeId: string | null;
  ringDeadline: string | null;
  ringReason: string | null;
  callerEmployeeId: string | null;
  answeredBy: string | null;
  createdAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  endedBy: CallsTable['ended_by'];
  endReason: string | null;
  durationSeconds: number | null;
  quality: Record<string, unknown>;
  handledAt: string | null;
};

// What the customer's widget sees: no ring queue, no ids of employees who did not answer.
export type VisitorCallView = Pick<CallView, 'id' | 'conversationId' | 'media' | 'direction' | 'status' | 'answeredAt' | 'endedAt' | 'durationSeconds' | 'endReason'> & {
  employeeName: string | null;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;
const durationOf = (r: CallRow) => (r.answered_at && r.ended_at ? Math.max(0, Math.round((r.ended_at.getTime() - r.answered_at.getTime()) / 1000)) : null);

export const ringingEmployeeOf = (r: Pick<CallRow, 'status' | 'direction' | 'ring_queue' | 'ring_index'>) =>
  r.status === 'ringing' && r.direction === 'inbound' ? (r.ring_queue[r.ring_index] ?? null) : null;

export function toCallView(r: CallRow): CallView {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    customerId: r.customer_id,
    media: r.media,
    direction: r.direction,
    status: r.status,
    ringingEmployeeId: ringingEmployeeOf(r),
    ringDeadline: r.status === 'ringing' ? iso(r.ring_deadline) : null,
    ringReason: r.ring_reason,
    callerEmployeeId: r.caller_employee_id,
    answeredBy: r.answered_by,
    createdAt: r.created_at.toISOString(),
    answeredAt: iso(r.answered_at),
    endedAt: iso(r.ended_at),
    endedBy: r.ended_by,
    endReason: r.end_reason,
    durationSeconds: durationOf(r),
    quality: r.quality,
    handledAt: iso(r.handled_at),
  };
}

export const toVisitorCallView = (r: CallRow, employeeName: string | null): VisitorCallView => ({
  id: r.id,
  conversationId: r.conversation_id,
  media: r.media,
  direction: r.direction,
  status: r.status,
  answeredAt: iso(r.answered_at),
  endedAt: iso(r.ended_at),
  durationSeconds: durationOf(r),
  endReason: r.end_reason,
  employeeName,
});
