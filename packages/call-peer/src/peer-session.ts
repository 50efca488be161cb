import { qualityOf } from './call-quality.ts';
import type { CallQuality, CallSignal } from './call.types.ts';

export type PeerSessionOptions = {
  iceServers: RTCIceServer[];
  localStream: MediaStream;
  sendSignal: (signal: CallSignal) => void;
  onRemoteStream: (stream: MediaStream) => void;
  onState: (state: RTCPeerConnectionState) => void;
};

export type PeerSession = {
  // The caller's side: makes the offer once the other side has accepted (and said `ready`).
  start(): Promise<void>;
  // Offers, answers and candidates; `ready` is the application's cue to start() and is ignored here.
  receive(signal: CallSignal): Promise<void>;
  setMuted(muted: boolean): void;
  setCameraOn(on: boolean): void;
  quality(): Promise<CallQuality>;
  close(): void;
};

export function createPeerSession(opts: PeerSessionOptions): PeerSession {
  const pc = new RTCPeerConnection({ iceServers: opts.iceServers });
  // Candidates can arrive before the description they belong to: held until it is set.
  let early: RTCIceCandidateInit[] = [];
  let closed = false;
  for (const track of opts.localStream.getTracks()) pc.addTrack(track, opts.localStream);
  pc.onicecandidate = (e) => opts.sendSignal({ kind: 'ice', candidate: e.candidate ? e.candidate.toJSON() : null });
  pc.ontrack = (e) => opts.onRemoteStream(e.streams[0] ?? new MediaStream([e.track]));
  pc.onconnectionstatechange = () => opts.onState(pc.connectionState);

  async function flushEarly(): Promise<void> {
    const pending = early;
    early = [];
    for (const c of pending) await pc.addIceCandidate(c);
  }

  const tracks = (kind: 'audio' | 'video') => opts.localStream.getTracks().filter((t) => t.kind === kind);

  return {
    async start() {
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      opts.sendSignal({ kind: 'offer', sdp: offer.sdp ?? '' });
    },
    async receive(signal) {
      if (closed || signal.kind === 'ready') return;
      if (signal.kind === 'offer') {
        await pc.setRemoteDescription({ type: 'offer', sdp: signal.sdp });
        await flushEarly();
        const answer = await pc.createAnswer();
        await pc.setLocalDescription(answer);
        opts.sendSignal({ kind: 'answer', sdp: answer.sdp ?? '' });
      } else if (signal.kind === 'answer') {
        await pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp });
        await flushEarly();
      } else if (signal.candidate) {
        if (pc.remoteDescription) await pc.addIceCandidate(signal.candidate);
        else early.push(signal.candidate);
      }
    },
    setMuted(muted) {
      for (const t of tracks('audio')) t.enabled = !muted;
    },
    setCameraOn(on) {
      for (const t of tracks('video')) t.enabled = on;
    },
    async quality() {
      const report = await pc.getStats();
      return qualityOf([...report.values()] as Array<Record<string, unknown> & { type: string }>);
    },
    close() {
      closed = true;
      pc.close();
    },
  };
}
