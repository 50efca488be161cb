import type { CallQuality } from '@vinculo/call-peer';
import type { CallView } from '../../api/call-types.ts';

// Pure helpers over call views: which calls ring for me, how a call ended, what its quality was.

export type CallOutcome = 'ringing' | 'active' | 'answered' | 'missed' | 'declined' | 'failed';

// The newer view of each call wins: REST loads and realtime events can arrive in any order.
const rank = (c: CallView) => (c.status === 'ringing' ? 0 : c.status === 'active' ? 1 : 2);
export function isNewer(next: CallView, prev: CallView): boolean {
  if (rank(next) !== rank(prev)) return rank(next) > rank(prev);
  if (next.status === 'ringing') return (next.ringDeadline ?? '') >= (prev.ringDeadline ?? '');
  // After the end only two things change: a side's quality report arrives, someone handles it.
  const progress = (c: CallView) => (c.handledAt ? 10 : 0) + Object.keys(c.quality).length;
  return progress(next) >= progress(prev);
}

// Upsert by id, newest first (as the server lists them); the same list back when nothing changed.
export function upsertCall(list: readonly CallView[], call: CallView): CallView[] {
  const i = list.findIndex((c) => c.id === call.id);
  if (i === -1) return [call, ...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const prev = list[i] as CallView;
  if (!isNewer(call, prev)) return list as CallView[];
  return list.map((c, j) => (j === i ? call : c));
}

// The calls ringing for this employee, oldest first. The server says when a call moves on (call.updated);
// the deadline only feeds the countdown, as this computer's clock may differ from the server's.
export const ringingFor = (calls: readonly CallView[], employeeId: string | null): CallView[] =>
  employeeId === null
    ? []
    : calls.filter((c) => c.status === 'ringing' && c.direction === 'inbound' && c.ringingEmployeeId === employeeId).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));

export const secondsLeft = (deadline: string | null, now: number): number | null => (deadline ? Math.max(0, Math.ceil((Date.parse(deadline) - now) / 1000)) : null);

// A missed call stays on the team's list until someone handles it or calls the customer back.
export const isOpenMissed = (c: CallView): boolean => c.direction === 'inbound' && (c.status === 'missed' || c.status === 'declined') && c.handledAt === null;

export function applyMissed(list: readonly CallView[], call: CallView): CallView[] {
  const without = list.filter((c) => c.id !== call.id);
  if (!isOpenMissed(call)) return without.length === list.length ? (list as CallView[]) : without;
  return upsertCall(without, call);
}

export function outcomeOf(c: CallView): CallOutcome {
  switch (c.status) {
    case 'ringing':
    case 'active':
    case 'missed':
    case 'declined':
    case 'failed':
      return c.status;
    case 'ended':
      return c.answeredAt ? 'answered' : 'missed';
  }
}

// 0:07, 12:30, 1:02:03
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const qualityFrom = (v: unknown): CallQuality | null => {
  if (typeof v !== 'object' || v === null) return null;
  const q = v as Record<string, unknown>;
  return {
    rttMs: num(q.rttMs),
    packetLossPct: num(q.packetLossPct),
    width: num(q.width),
    height: num(q.height),
    framesDecoded: num(q.framesDecoded) ?? 0,
    audioPacketsReceived: num(q.audioPacketsReceived) ?? 0,
  };
};

export type QualitySummary = { rttMs: number | null; packetLossPct: number | null; resolution: string | null };

// Both sides report what they received: the worse round trip and loss, and the best video either saw.
export function qualitySummary(quality: Record<string, unknown>): QualitySummary | null {
  const sides = [qualityFrom(quality.employee), qualityFrom(quality.customer)].filter((q): q is CallQuality => q !== null);
  if (sides.length === 0) return null;
  const worst = (pick: (q: CallQuality) => number | null) => sides.reduce<number | null>((acc, q) => (pick(q) === null ? acc : Math.max(acc ?? 0, pick(q) as number)), null);
  const video = sides.filter((q) => q.width && q.height).sort((a, b) => (b.width ?? 0) * (b.height ?? 0) - (a.width ?? 0) * (a.height ?? 0))[0];
  return { rttMs: worst((q) => q.rttMs), packetLossPct: worst((q) => q.packetLossPct), resolution: video ? `${video.width}×${video.height}` : null };
}
