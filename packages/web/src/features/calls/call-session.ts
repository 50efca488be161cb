import { acquireMedia, createPeerSession, MediaError, stopMedia, type CallMedia, type CallQuality, type CallSignal, type PeerSession } from '@vinculo/call-peer';
import { callApi } from '../../api/call-api.ts';
import type { CallView, WireSignal } from '../../api/call-types.ts';
import { ApiError } from '../../api/http-client.ts';
import type { RealtimeClient } from '../../api/realtime-client.ts';
import { initialSignalling, planSignal, type CallRole } from './signalling-plan.ts';

// One call the employee takes part in, from the microphone to the hang-up: media, the peer connection,
// signalling over the workspace socket, and the quality report. Framework-free; the calls context renders it.

export type CallPhase = 'starting' | 'ringing' | 'connecting' | 'active' | 'ended' | 'failed';
export type CallProblem = 'denied' | 'no_device' | 'unsupported' | 'failed' | 'network' | 'join' | 'timeout' | 'server';

export type SessionSnapshot = {
  call: CallView | null;
  conversationId: string;
  customerId: string;
  role: CallRole;
  phase: CallPhase;
  media: CallMedia;
  // A video call whose camera was refused or missing goes on as a voice call.
  fellBack: boolean;
  local: MediaStream | null;
  remote: MediaStream | null;
  muted: boolean;
  cameraOn: boolean;
  problem: CallProblem | null;
  problemDetail: string | null;
  connectedAt: number | null;
  endedBy: 'me' | 'other' | null;
  quality: CallQuality | null;
};

export type CallSession = {
  snapshot(): SessionSnapshot;
  update(call: CallView): void;
  hangUp(): Promise<void>;
  setMuted(muted: boolean): void;
  setCameraOn(on: boolean): void;
};

export type SessionStart =
  | { type: 'accept'; call: CallView }
  | { type: 'callBack'; conversationId: string; customerId: string; media: CallMedia };

const CONNECT_TIMEOUT_MS = 30_000;
const DISCONNECTED_GRACE_MS = 10_000;
const READY_REPEAT_MS = 3_000;
const OFFER_FALLBACK_MS = 2_500;
const LIVE: ReadonlySet<string> = new Set(['ringing', 'active']);

export function createCallSession(client: RealtimeClient, start: SessionStart, onChange: (s: SessionSnapshot) => void): CallSession {
  const wanted = start.type === 'accept' ? start.call.media : start.media;
  let snap: SessionSnapshot = {
    call: start.type === 'accept' ? start.call : null,
    conversationId: start.type === 'accept' ? start.call.conversationId : start.conversationId,
    customerId: start.type === 'accept' ? start.call.customerId : start.customerId,
    role: start.type === 'accept' ? 'callee' : 'caller',
    phase: 'starting',
    media: wanted,
    fellBack: false,
    local: null,
    remote: null,
    muted: false,
    cameraOn: wanted === 'video',
    problem: null,
    problemDetail: null,
    connectedAt: null,
    endedBy: null,
    quality: null,
  };
  const set = (patch: Partial<SessionSnapshot>) => {
    snap = { ...snap, ...patch };
    onChange(snap);
  };

  let peer: PeerSession | null = null;
  let signalling = initialSignalling();
  let finished = false;
  let unsubscribe = () => {};
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
    return t;
  };
  let connectTimer: ReturnType<typeof setTimeout> | null = null;
  let dropTimer: ReturnType<typeof setTimeout> | null = null;
  let readyRepeats = 0;

  const callId = () => snap.call?.id ?? null;
  const send = (signal: WireSignal) => {
    const id = callId();
    if (id) client.sendCallSignal(id, signal);
  };

  function startConnecting() {
    if (snap.phase === 'starting' || snap.phase === 'ringing') set({ phase: 'connecting' });
    if (!connectTimer) connectTimer = later(CONNECT_TIMEOUT_MS, () => snap.phase !== 'active' && void fail('timeout', 'No media connection within 30 s'));
  }

  async function measure(): Promise<CallQuality | null> {
    if (!peer || snap.connectedAt === null) return null;
    try {
      return await peer.quality();
    } catch {
      return null;
    }
  }

  function teardown() {
    for (const t of timers) clearTimeout(t);
    timers.clear();
    unsubscribe();
    const id = callId();
    if (id) client.leaveCall(id);
    peer?.close();
    peer = null;
    stopMedia(snap.local);
  }

  async function fail(problem: CallProblem, detail: string, report = true) {
    if (finished) return;
    finished = true;
    const quality = await measure();
    teardown();
    set({ phase: 'failed', problem, problemDetail: detail, local: null, remote: null, quality });
    const id = callId();
    if (!report || !id || !snap.call || !LIVE.has(snap.call.status)) return;
    try {
      set({ call: await callApi.hangUp(id, { reason: 'failed', detail: detail.slice(0, 300), ...(quality ? { quality } : {}) }) });
    } catch {
      // The call may have ended on its own meanwhile; the failure is shown either way.
    }
  }

  // The other side (or the server: nobody answered) ended it.
  async function endedElsewhere(call: CallView) {
    if (finished) return;
    finished = true;
    const quality = await measure();
    teardown();
    set({ phase: call.status === 'failed' ? 'failed' : 'ended', problem: call.status === 'failed' ? 'network' : null, endedBy: 'other', local: null, remote: null, quality });
    if (!quality) return;
    try {
      set({ call: await callApi.quality(call.id, quality) });
    } catch {
      // The summary on screen is this side's own measurement either way.
    }
  }

  async function handle(signal: WireSignal) {
    if (!peer || finished) return;
    const plan = planSignal(snap.role, signalling, signal);
    signalling = plan.state;
    try {
      if (plan.step === 'offer') {
        startConnecting();
        await peer.start();
      } else if (plan.step === 'answer' || plan.step === 'receive') {
        startConnecting();
        await peer.receive(signal as CallSignal);
      } else if (plan.step === 'say-ready') {
        send({ kind: 'ready' });
      }
    } catch (err) {
      await fail('failed', String(err));
    }
  }

  // The callee repeats `ready` until an offer comes (the caller may have joined after the first one).
  function sayReady() {
    send({ kind: 'ready' });
    if (snap.role !== 'callee') return;
    later(READY_REPEAT_MS, () => {
      if (!finished && !signalling.gotOffer && readyRepeats++ < 8) sayReady();
    });
  }

  function onPeerState(state: RTCPeerConnectionState) {
    if (finished) return;
    if (state === 'connected') {
      if (dropTimer) clearTimeout(dropTimer);
      dropTimer = null;
      if (connectTimer) clearTimeout(connectTimer);
      set({ phase: 'active', connectedAt: snap.connectedAt ?? Date.now() });
    } else if (state === 'failed') {
      void fail('network', 'The peer connection failed');
    } else if (state === 'disconnected' && !dropTimer) {
      dropTimer = later(DISCONNECTED_GRACE_MS, () => void fail('network', 'The connection dropped'));
    }
  }

  async function begin() {
    let local;
    try {
      local = await acquireMedia(wanted);
    } catch (err) {
      const problem = err instanceof MediaError ? err.problem : 'failed';
      // Without a microphone this employee cannot answer: the call goes on to the next one.
      if (start.type === 'accept') await callApi.decline(start.call.id).catch(() => undefined);
      return fail(problem, String(err), false);
    }
    if (finished) return stopMedia(local.stream);
    set({ local: local.stream, media: local.media, fellBack: local.fellBack, cameraOn: local.media === 'video' });

    let iceServers: RTCIceServer[];
    try {
      if (start.type === 'accept') {
        const [call, ice] = await Promise.all([callApi.accept(start.call.id), callApi.iceServers()]);
        set({ call });
        iceServers = ice.iceServers;
      } else {
        const started = await callApi.callBack(start.conversationId, local.media);
        set({ call: started.call, phase: 'ringing' });
        iceServers = started.iceServers;
      }
    } catch (err) {
      return fail('server', err instanceof ApiError ? err.message : String(err), false);
    }
    if (finished) {
      // Hung up while the server was still placing or answering the call.
      const id = callId();
      if (id) await callApi.hangUp(id, {}).catch(() => undefined);
      return;
    }
    const id = callId() as string;
    peer = createPeerSession({
      iceServers,
      localStream: local.stream,
      sendSignal: (s) => send(s),
      onRemoteStream: (remote) => set({ remote }),
      onState: onPeerState,
    });
    unsubscribe = client.subscribe({
      callSignal: (frame) => {
        if (frame.callId === id && frame.from === 'customer') void handle(frame.signal);
      },
      callJoin: (result) => {
        if (result.callId !== id || finished) return;
        if (result.ok) sayReady();
        else void fail('join', result.message);
      },
    });
    client.joinCall(id);
    if (start.type === 'accept') startConnecting();
  }

  void begin();

  return {
    snapshot: () => snap,
    update(call) {
      if (call.id !== callId()) return;
      set({ call });
      if (call.status === 'active' && snap.role === 'caller') {
        startConnecting();
        // A customer's widget that answered but never said ready still gets the offer.
        later(OFFER_FALLBACK_MS, () => {
          if (!finished && !signalling.offered && !signalling.gotOffer) void handle({ kind: 'ready' });
        });
      }
      if (!LIVE.has(call.status)) void endedElsewhere(call);
    },
    async hangUp() {
      if (finished) return;
      finished = true;
      const quality = await measure();
      teardown();
      set({ phase: 'ended', endedBy: 'me', local: null, remote: null, quality });
      const id = callId();
      if (!id) return;
      try {
        set({ call: await callApi.hangUp(id, quality ? { quality } : {}) });
      } catch {
        // Already ended by the other side at the same moment: nothing left to do.
      }
    },
    setMuted(muted) {
      for (const t of snap.local?.getAudioTracks() ?? []) t.enabled = !muted;
      set({ muted });
    },
    setCameraOn(on) {
      for (const t of snap.local?.getVideoTracks() ?? []) t.enabled = on;
      set({ cameraOn: on });
    },
  };
}
