import { MediaError, type CallMedia, type CallQuality, type CallSignal, type LocalMedia, type MediaProblem, type PeerSession, type PeerSessionOptions } from '@vinculo/call-peer';
import { ApiError } from '../api/widget-api.client.ts';
import type { ServerFrame } from '../realtime/widget-socket.ts';
import type { CallApi, CallView } from './call-api.ts';
import { canStart, idleCall, isFinished, isLive, noticeForMedia, noticeForStart, outcomeOf, type CallNotice, type CallUiState } from './call.state.ts';

export type CallClientFrame =
  | { type: 'call.join'; callId: string; idempotencyKey: string }
  | { type: 'call.signal'; callId: string; signal: CallSignal; idempotencyKey: string };

export type CallDeps = {
  api: CallApi;
  // Over the widget's socket; false when it is not connected.
  send: (frame: CallClientFrame) => boolean;
  // The conversation the call belongs to; the widget starts one (with a first message) when there is none.
  conversationFor: (media: CallMedia) => Promise<string>;
  openPanel: () => void;
  canCall: () => boolean;
  acquireMedia: (media: CallMedia) => Promise<LocalMedia>;
  stopMedia: (stream: MediaStream | null) => void;
  createPeerSession: (opts: PeerSessionOptions) => PeerSession;
  now?: () => number;
};

const problemOf = (err: unknown): MediaProblem => (err instanceof MediaError ? err.problem : 'failed');

export const AVAILABILITY_EVERY_MS = 60_000;
export const CONNECT_TIMEOUT_MS = 30_000;
export const READY_EVERY_MS = 2_000;
const CONVERSATION_STREAM = 'conversation:';

export type CallController = ReturnType<typeof createCallController>;

// The customer's side of a call: buttons, permission, ringing, the WebRTC session and its signalling
// over the widget socket, and the outcome. The server decides the call's status; this follows it.
export function createCallController(deps: CallDeps) {
  const now = deps.now ?? Date.now;
  let state: CallUiState = idleCall();
  const listeners = new Set<() => void>();
  let session: PeerSession | null = null;
  let iceServers: RTCIceServer[] = [];
  // Bumped whenever the current attempt is abandoned, so a late answer of an old one changes nothing.
  let attempt = 0;
  let offered = false;
  let heardOffer = false;
  // An ending is under way (its quality is being measured): a second one at the same moment is ignored.
  let ending = false;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  let connectTimer: ReturnType<typeof setTimeout> | undefined;
  let readyTimer: ReturnType<typeof setInterval> | undefined;

  function set(patch: Partial<CallUiState>) {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  }

  // The customer called (inbound) and makes the offer; called back (outbound), they answer it.
  const isCaller = () => state.call?.direction !== 'outbound';
  const callId = () => state.call?.id ?? null;
  const signal = (s: CallSignal) => {
    const id = callId();
    if (id) deps.send({ type: 'call.signal', callId: id, signal: s, idempotencyKey: id });
  };
  const join = () => {
    const id = callId();
    if (id) deps.send({ type: 'call.join', callId: id, idempotencyKey: id });
  };

  async function checkAvailability() {
    try {
      const { available } = await deps.api.availability();
      if (available !== state.available) set({ available });
    } catch {
      if (state.available) set({ available: false });
    }
  }

  function openSession(local: LocalMedia) {
    const mine = attempt;
    session = deps.createPeerSession({
      iceServers,
      localStream: local.stream,
      sendSignal: signal,
      onRemoteStream: (remoteStream) => mine === attempt && set({ remoteStream }),
      onState: (s) => {
        if (mine !== attempt) return;
        if (s === 'connected' && state.phase !== 'active') {
          clearTimeout(connectTimer);
          clearInterval(readyTimer);
          set({ phase: 'active', connectedAt: now() });
        } else if (s === 'failed') {
          void fail('the peer connection failed (ICE)');
        }
      },
    });
    set({ localStream: local.stream, media: local.media, cameraOn: true, muted: false, ...(local.fellBack ? { notice: 'cameraFallback' as const } : {}) });
  }

  function connecting() {
    set({ phase: 'connecting' });
    clearTimeout(connectTimer);
    connectTimer = setTimeout(() => void fail(`no connection within ${CONNECT_TIMEOUT_MS / 1000} s`), CONNECT_TIMEOUT_MS);
  }

  // Measured before the connection closes; a call that never connected has no figures worth keeping.
  async function measure(): Promise<CallQuality | undefined> {
    if (!session || state.connectedAt === null) return undefined;
    try {
      return await session.quality();
    } catch {
      return undefined;
    }
  }

  function release() {
    attempt++;
    clearTimeout(connectTimer);
    clearInterval(readyTimer);
    session?.close();
    session = null;
    deps.stopMedia(state.localStream);
    offered = heardOffer = ending = false;
  }

  function finish(phase: 'ended' | 'failed', notice: CallNotice | null, view: CallView | null = state.call) {
    const durationSeconds = view?.durationSeconds ?? (state.connectedAt !== null ? Math.round((now() - state.connectedAt) / 1000) : null);
    release();
    set({ phase, notice, busy: false, call: view, durationSeconds, localStream: null, remoteStream: null });
  }

  async function fail(detail: string) {
    const id = callId();
    if (!id || !isLive(state.phase) || ending) return;
    ending = true;
    const quality = await measure();
    finish('failed', 'connectionFailed');
    try {
      await deps.api.hangUp(id, { reason: 'failed', detail, ...(quality ? { quality } : {}) });
    } catch {
      // The server ends a call nobody is in on its own; the message is already shown.
    }
  }

  // A call.updated for the call on screen, or an employee calling back.
  async function onCall(view: CallView) {
    const current = state.call;
    if (!current || current.id !== view.id) {
      if (view.direction === 'outbound' && view.status === 'ringing' && (canStart(state.phase) || state.phase === 'explain')) {
        attempt++;
        set({ ...idleCall(state.available), phase: 'incoming', call: view, media: view.media });
        deps.openPanel();
      }
      return;
    }
    if ((!isLive(state.phase) && state.phase !== 'incoming') || ending) return;
    // Answered in another tab of the same visitor: this one stops ringing.
    if (state.phase === 'incoming' && view.status === 'active' && !state.busy) return set(idleCall(state.available));
    if (isFinished(view)) {
      ending = true;
      const { phase, notice } = outcomeOf(view, isCaller());
      const quality = await measure();
      finish(phase, notice, view);
      if (quality) await deps.api.quality(view.id, quality).catch(() => undefined);
      return;
    }
    set({ call: view });
    if (view.status === 'active' && state.phase === 'ringing') connecting();
  }

  async function onSignal(data: Record<string, unknown>) {
    if (data.callId !== callId() || data.from !== 'employee' || !session) return;
    const s = data.signal as CallSignal;
    if (s.kind === 'ready') {
      // The employee listens now: the customer who called makes the offer, once.
      if (!isCaller() || offered) return;
      offered = true;
      if (state.phase === 'ringing') connecting();
      await session.start().catch(() => fail('the offer could not be made'));
      return;
    }
    if (s.kind === 'offer') {
      heardOffer = true;
      clearInterval(readyTimer);
    }
    await session.receive(s).catch(() => fail(`the ${s.kind} could not be applied`));
  }

  function onJoined(id: string) {
    if (id !== callId() || isCaller() || heardOffer) return;
    // Called back: tell the employee we listen, again until their offer arrives (a relay is not stored).
    signal({ kind: 'ready' });
    clearInterval(readyTimer);
    readyTimer = setInterval(() => (heardOffer ? clearInterval(readyTimer) : signal({ kind: 'ready' })), READY_EVERY_MS);
  }

  async function discover(conversationId: string) {
    try {
      const { call } = await deps.api.live(conversationId);
      if (call) await onCall(call);
    } catch {
      // The live events still bring the next call.
    }
  }

  async function resync() {
    const id = callId();
    if (!id) return;
    try {
      await onCall((await deps.api.get(id)).call);
    } catch {
      // Nothing better to show than what is on screen.
    }
  }

  return {
    getState: () => state,
    subscribe(fn: () => void) {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },

    // While the panel is open, whether someone can answer is checked now and every minute.
    setPanelOpen(open: boolean) {
      clearInterval(pollTimer);
      if (!open) return;
      void checkAvailability();
      pollTimer = setInterval(() => void checkAvailability(), AVAILABILITY_EVERY_MS);
    },

    request(media: CallMedia) {
      if (!canStart(state.phase)) return;
      attempt++;
      if (!deps.canCall()) return set({ ...idleCall(state.available), phase: 'failed', media, notice: 'unsupported' });
      set({ ...idleCall(state.available), phase: 'explain', media });
    },

    // "Continue" after the explanation: the browser asks now, then the call rings.
    async proceed() {
      if (state.phase !== 'explain' || state.busy) return;
      const mine = ++attempt;
      set({ busy: true });
      let local: LocalMedia;
      try {
        local = await deps.acquireMedia(state.media);
      } catch (err) {
        if (mine === attempt) set({ phase: 'failed', busy: false, notice: noticeForMedia(problemOf(err)) });
        return;
      }
      if (mine !== attempt) return deps.stopMedia(local.stream);
      let started: Awaited<ReturnType<CallApi['start']>>;
      try {
        started = await deps.api.start(await deps.conversationFor(local.media), local.media);
      } catch (err) {
        deps.stopMedia(local.stream);
        if (mine !== attempt) return;
        const notice = err instanceof ApiError ? noticeForStart(err.status, err.details.reason) : 'startFailed';
        set({ phase: 'failed', busy: false, media: local.media, notice, ...(notice === 'unavailable' || notice === 'callsOff' || notice === 'outsideHours' ? { available: false } : {}) });
        return;
      }
      if (mine !== attempt) {
        deps.stopMedia(local.stream);
        await deps.api.hangUp(started.call.id, { reason: 'hangup' }).catch(() => undefined);
        return;
      }
      iceServers = started.iceServers;
      set({ phase: 'ringing', busy: false, call: started.call });
      openSession(local);
      join();
    },

    // An employee calling back: the browser asks for the microphone (and camera) on accepting.
    async accept() {
      const view = state.call;
      if (state.phase !== 'incoming' || !view || state.busy) return;
      const mine = ++attempt;
      set({ busy: true });
      if (!deps.canCall()) {
        await deps.api.decline(view.id).catch(() => undefined);
        return set({ phase: 'failed', busy: false, notice: 'unsupported' });
      }
      let local: LocalMedia;
      try {
        local = await deps.acquireMedia(view.media);
      } catch (err) {
        await deps.api.decline(view.id).catch(() => undefined);
        if (mine === attempt) set({ phase: 'failed', busy: false, notice: noticeForMedia(problemOf(err)) });
        return;
      }
      if (mine !== attempt) return deps.stopMedia(local.stream);
      try {
        iceServers = (await deps.api.get(view.id)).iceServers;
        const accepted = await deps.api.accept(view.id);
        if (mine !== attempt) return deps.stopMedia(local.stream);
        set({ busy: false, call: accepted.call });
      } catch {
        deps.stopMedia(local.stream);
        if (mine === attempt) set({ phase: 'ended', busy: false, notice: 'missedIncoming' });
        return;
      }
      openSession(local);
      connecting();
      join();
    },

    async decline() {
      const view = state.call;
      if (state.phase !== 'incoming' || !view) return;
      attempt++;
      set(idleCall(state.available));
      await deps.api.decline(view.id).catch(() => undefined);
    },

    // Hang up a call, cancel it while it rings, or leave the explanation.
    async hangUp() {
      if (state.phase === 'explain') {
        attempt++;
        return set(idleCall(state.available));
      }
      const id = callId();
      if (!id || !isLive(state.phase) || ending) return;
      ending = true;
      const quality = await measure();
      finish('ended', state.phase === 'ringing' ? 'cancelled' : 'ended');
      try {
        const { call } = await deps.api.hangUp(id, { reason: 'hangup', ...(quality ? { quality } : {}) });
        if (state.call?.id === call.id) set({ call, durationSeconds: call.durationSeconds ?? state.durationSeconds });
      } catch {
        // Already ended on the server (the employee hung up at the same moment).
      }
    },

    toggleMute() {
      if (!session) return;
      session.setMuted(!state.muted);
      set({ muted: !state.muted });
    },
    toggleCamera() {
      if (!session || state.media !== 'video') return;
      session.setCameraOn(!state.cameraOn);
      set({ cameraOn: !state.cameraOn });
    },

    // Close the outcome (or the message) and go back to the buttons.
    dismiss() {
      if (canStart(state.phase)) set(idleCall(state.available));
    },

    // Frames from the widget socket; true when the frame was about a call (its error is handled here).
    onFrame(frame: ServerFrame): boolean {
      switch (frame.type) {
        case 'ready':
          // A new connection has joined nothing yet: join the call's signalling again. Without a call on
          // screen, ask for one: an employee may have called back before this page could hear it.
          if (isLive(state.phase)) join();
          else if (frame.stream?.startsWith(CONVERSATION_STREAM)) void discover(frame.stream.slice(CONVERSATION_STREAM.length));
          return false;
        case 'call.joined':
          onJoined(frame.callId);
          return true;
        case 'ephemeral':
          if (frame.data.kind !== 'call.signal') return false;
          void onSignal(frame.data);
          return true;
        case 'event':
          if (frame.event.type !== 'call.updated') return false;
          void onCall(frame.event.data.call as CallView);
          return true;
        case 'error':
          if (!frame.ref || frame.ref !== callId()) return false;
          void resync();
          return true;
        default:
          return false;
      }
    },

    // The page is going away (tab closed, reload, navigation): the call ends rather than hanging on.
    leave() {
      const id = callId();
      if (!id || !isLive(state.phase)) return;
      release();
      void deps.api.hangUp(id, { reason: 'hangup' }, true).catch(() => undefined);
    },

    dispose() {
      clearInterval(pollTimer);
      release();
    },
  };
}
