import type { CallQuality } from './call.types.ts';

type Stat = Record<string, unknown> & { type: string };
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

// The receiving side's view of the call: round trip of the selected candidate pair, packets lost
// over packets expected, and the resolution and frames of the video that reached it.
export function qualityOf(report: Iterable<Stat>): CallQuality {
  const q: CallQuality = { rttMs: null, packetLossPct: null, width: null, height: null, framesDecoded: 0, audioPacketsReceived: 0 };
  let lost = 0;
  let received = 0;
  for (const s of report) {
    if (s.type === 'candidate-pair' && (s.nominated === true || s.selected === true) && s.state === 'succeeded') {
      const rtt = num(s.currentRoundTripTime);
      if (rtt !== null) q.rttMs = Math.round(rtt * 1000);
    }
    if (s.type !== 'inbound-rtp') continue;
    lost += Math.max(0, num(s.packetsLost) ?? 0);
    received += num(s.packetsReceived) ?? 0;
    if (s.kind === 'video') {
      q.framesDecoded += num(s.framesDecoded) ?? 0;
      q.width = num(s.frameWidth) ?? q.width;
      q.height = num(s.frameHeight) ?? q.height;
    } else if (s.kind === 'audio') {
      q.audioPacketsReceived += num(s.packetsReceived) ?? 0;
    }
  }
  if (lost + received > 0) q.packetLossPct = Math.round((lost / (lost + received)) * 10000) / 100;
  return q;
}
