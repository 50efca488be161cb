import type { CallMedia, MediaProblem } from '@vinculo/call-peer';
import type { CallView } from './call-api.ts';

// What the call UI shows. `explain` is the explanation before the browser asks for the microphone
// (and camera); `incoming` is an employee calling the customer back.
export type CallPhase = 'idle' | 'explain' | 'ringing' | 'incoming' | 'connecting' | 'active' | 'ended' | 'failed';

export type CallNotice =
  | 'unsupported'
  | 'micDenied'
  | 'noMic'
  | 'mediaFailed'
  | 'cameraFallback'
  | 'unavailable'
  | 'callsOff'
  | 'outsideHours'
  | 'busy'
  | 'startFailed'
  | 'noAnswer'
  | 'declined'
  | 'ended'
  | 'cancelled'
  | 'connectionFailed'
  | 'missedIncoming';

export type CallUiState = {
  // Someone can answer now: the call buttons show.
  available: boolean;
  phase: CallPhase;
  // The media in use (after a refused camera fell back to voice), or the one asked for.
  media: CallMedia;
  call: CallView | null;
  notice: CallNotice | null;
  // Waiting for the browser's permission or the server's answer: the buttons are disabled.
  busy: boolean;
  muted: boolean;
  cameraOn: boolean;
  connectedAt: number | null;
  durationSeconds: number | null;
  localStream: MediaStream | null;
  remoteStream: MediaStream | null;
};

export const idleCall = (available = false): CallUiState => ({
  available,
  phase: 'idle',
  media: 'audio',
  call: null,
  notice: null,
  busy: false,
  muted: false,
  cameraOn: true,
  connectedAt: null,
  durationSeconds: null,
  localStream: null,
  remoteStream: null,
});

// A new call can be started from these (the buttons show); in the others a call is in progress.
export const canStart = (phase: CallPhase) => phase === 'idle' || phase === 'ended' || phase === 'failed';
export const isLive = (phase: CallPhase) => phase === 'ringing' || phase === 'connecting' || phase === 'active';

export const noticeForMedia = (problem: MediaProblem): CallNotice =>
  problem === 'denied' ? 'micDenied' : problem === 'no_device' ? 'noMic' : problem === 'unsupported' ? 'unsupported' : 'mediaFailed';

// The server's 409 says why a call cannot start (details.reason).
export function noticeForStart(status: number, reason: unknown): CallNotice {
  if (status !== 409) return 'startFailed';
  if (reason === 'no_one_available') return 'unavailable';
  if (reason === 'calls_off') return 'callsOff';
  if (reason === 'outside_office_hours') return 'outsideHours';
  if (reason === 'call_in_progress') return 'busy';
  return 'startFailed';
}

// How a call the server ended is shown: an outcome (ended) or a problem (failed).
export function outcomeOf(view: CallView, callerIsCustomer: boolean): { phase: 'ended' | 'failed'; notice: CallNotice } {
  switch (view.status) {
    case 'missed':
      return { phase: 'ended', notice: callerIsCustomer ? 'noAnswer' : 'missedIncoming' };
    case 'declined':
      return { phase: 'ended', notice: callerIsCustomer ? 'declined' : 'ended' };
    case 'failed':
      return { phase: 'failed', notice: 'connectionFailed' };
    default:
      return { phase: 'ended', notice: view.answeredAt ? 'ended' : callerIsCustomer ? 'noAnswer' : 'missedIncoming' };
  }
}

export const isFinished = (view: CallView) => view.status !== 'ringing' && view.status !== 'active';

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
