import type { MessageEmotion } from '../db/database.types.ts';
import type { StreamEvent } from '../realtime/stream-log.ts';
import type { CallView } from '../../modules/calls/call.view.ts';

export type MessageEventPayload = {
  workspaceId: string;
  conversationId: string;
  customerId: string;
  messageId: string;
  direction: 'inbound' | 'outbound';
  authorType: string;
  authorId: string | null;
  text: string;
  channel: string;
  emotion: MessageEmotion | null;
  createdAt: string;
  // The snippet an employee's reply started from, when the client says so.
  snippetId?: string;
};

export type ConversationEventPayload = {
  workspaceId: string;
  conversationId: string;
  customerId: string;
  changes: Record<string, unknown>;
  actorId: string | null;
};

export type CustomerMergeEventPayload = {
  workspaceId: string;
  mergeId: string;
  survivorId: string;
  absorbedId: string;
  // Merged: the conversations that moved to the survivor; unmerged: those that went back.
  conversationIds: string[];
  actorId: string | null;
};

// A customer answered a survey (modules/surveys); `low` by the workspace's thresholds.
export type SurveyAnsweredPayload = {
  workspaceId: string;
  surveyId: string;
  responseId: string;
  kind: 'conversation' | 'exit';
  customerId: string;
  conversationId: string | null;
  // The message that carried the survey's link, when it went into a conversation.
  messageId: string | null;
  employeeIds: string[];
  scores: { csat: number | null; nps: number | null; ces: number | null };
  low: boolean;
  comment: string;
  answeredAt: string;
};

// A person with realtime sockets open in this process (modules/realtime/connection-presence.ts).
export type RealtimeParty = { kind: 'employee'; employeeId: string } | { kind: 'customer'; customerId: string };

// Every domain event Vínculo publishes; listeners in each module subscribe by name.
export type DomainEvents = {
  'message.received': MessageEventPayload;
  'message.sent': MessageEventPayload;
  'conversation.created': ConversationEventPayload;
  'conversation.updated': ConversationEventPayload;
  'customer.merged': CustomerMergeEventPayload;
  'customer.unmerged': CustomerMergeEventPayload;
  'survey.answered': SurveyAnsweredPayload;
  // Committed realtime events, for the hub's fan-out to sockets.
  'stream.appended': { workspaceId: string; events: StreamEvent[] };
  // Events were staged in the workspace's outbox and committed; they wait to be numbered. `ids`:
  // the staged rows.
  'stream.staged': { workspaceId: string; ids: string[] };
  'stream.ephemeral': { workspaceId: string; stream: string; data: Record<string, unknown>; originId?: number };
  // A call changed state (modules/calls): the ringer sets or clears its timer.
  'call.updated': { workspaceId: string; call: CallView };
  // A person's first realtime socket in this process opened (connected) or their last one closed.
  'realtime.presence': { workspaceId: string; party: RealtimeParty; connected: boolean };
};
