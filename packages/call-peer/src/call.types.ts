export type CallMedia = 'audio' | 'video';

// What the two browsers tell each other through Vínculo's hub; the media itself never passes there.
export type CallSignal =
  | { kind: 'offer'; sdp: string }
  | { kind: 'answer'; sdp: string }
  | { kind: 'ice'; candidate: RTCIceCandidateInit | null };

// Read from getStats() on the receiving side; stored with the call as its quality summary.
export type CallQuality = {
  rttMs: number | null;
  packetLossPct: number | null;
  width: number | null;
  height: number | null;
  framesDecoded: number;
  audioPacketsReceived: number;
};
