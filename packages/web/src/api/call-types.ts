import type { CallMedia, CallQuality } from '@vinculo/call-peer';

// Shapes of the calls API (packages/server/src/modules/calls/call.view.ts, call.routes.ts).

export type CallStatus = 'ringing' | 'active' | 'ended' | 'missed' | 'declined' | 'failed';
export type CallDirection = 'inbound' | 'outbound';

export type CallView = {
  id: string;
  conversationId: string;
  customerId: string;
  media: CallMedia;
  direction: CallDirection;
  status: CallStatus;
  // Inbound and ringing: the employee whose turn it is (trusted employee, assignee, team, anyone).
  ringingEmployeeId: string | null;
  ringDeadline: string | null;
  ringReason: string | null;
  callerEmployeeId: string | null;
  answeredBy: string | null;
  createdAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  endedBy: 'customer' | 'employee' | 'system' | null;
  endReason: string | null;
  durationSeconds: number | null;
  // What each side measured, keyed by side ('customer', 'employee').
  quality: Record<string, unknown>;
  handledAt: string | null;
};

export type StartedCall = { call: CallView; iceServers: RTCIceServer[] };

export type HangUpInput = { reason?: 'hangup' | 'failed'; detail?: string; quality?: CallQuality };

// What the other side relayed over the call's stream (the hub adds who sent it).
export type WireSignal = { kind: 'ready' } | { kind: 'offer'; sdp: string } | { kind: 'answer'; sdp: string } | { kind: 'ice'; candidate: RTCIceCandidateInit | null };
export type CallSignalFrame = { kind: 'call.signal'; callId: string; from: 'customer' | 'employee'; signal: WireSignal };
