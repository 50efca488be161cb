export type CallMedia = 'audio' | 'video';

// What the two browsers tell each other through Vínculo's hub; the media itself never passes there.
// The handshake: the side that answered the ringing (the employee for a customer's call, the customer
// for a call back) joins the call's stream and sends `ready`; the caller, already joined, then makes
// the offer. So no offer is relayed before the other side listens.
export type CallSignal =
  | { kind: 'ready' }
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
