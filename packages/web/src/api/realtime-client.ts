import type { CallSignalFrame, WireSignal } from './call-types.ts';
import { moodEventOf, parseServerFrame, realtimeUrl, reconnectDelay, type ImportProgress, type RealtimeEvent, type TypingSignal } from './realtime-frames.ts';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting';

export type RealtimeListener = {
  event?: (event: RealtimeEvent) => void;
  typing?: (signal: TypingSignal) => void;
  importProgress?: (progress: ImportProgress) => void;
  callSignal?: (frame: CallSignalFrame) => void;
  // The hub let this socket into a call's signalling, or refused it (code: forbidden, not_found, conflict).
  callJoin?: (result: { callId: string; ok: true } | { callId: string; ok: false; code: string; message: string }) => void;
  // Something may have been missed (a reset, or a fresh subscription): reload over REST.
  resync?: () => void;
  state?: (state: ConnectionState) => void;
};

export type RealtimeClient = {
  subscribe(listener: RealtimeListener): () => void;
  sendTyping(conversationId: string, typing: boolean): void;
  // Joins a call's signalling now and again after every reconnect, until leaveCall.
  joinCall(callId: string): void;
  leaveCall(callId: string): void;
  sendCallSignal(callId: string, signal: WireSignal): boolean;
  state(): ConnectionState;
  close(): void;
};

const PING_MS = 25_000;

// One socket per tab. It remembers the last sequence number of the workspace stream and
// resumes with ?since= after a drop, so the server replays exactly what was missed.
export function createRealtimeClient(): RealtimeClient {
  const listeners = new Set<RealtimeListener>();
  let socket: WebSocket | null = null;
  let lastSeq: number | null = null;
  let attempt = 0;
  let current: ConnectionState = 'connecting';
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  const calls = new Set<string>();
  // Joins sent and not yet answered. The hub names the call in a refusal's ref; an error naming nothing
  // (an older server) goes to the oldest join waiting.
  const joining: string[] = [];

  const send = (frame: unknown): boolean => {
    if (socket?.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  };
  const join = (callId: string) => {
    if (send({ type: 'call.join', callId })) joining.push(callId);
  };

  const setState = (next: ConnectionState) => {
    if (next === current) return;
    current = next;
    for (const l of listeners) l.state?.(next);
  };

  function connect() {
    if (closed) return;
    const resumed = lastSeq !== null;
    const ws = new WebSocket(realtimeUrl(window.location, lastSeq));
    socket = ws;
    ws.onmessage = (msg) => {
      if (typeof msg.data !== 'string') return;
      const frame = parseServerFrame(msg.data);
      if (!frame) return;
      switch (frame.type) {
        case 'ready':
          attempt = 0;
          if (frame.seq !== null && lastSeq === null) lastSeq = frame.seq;
          setState('online');
          joining.length = 0;
          for (const callId of calls) join(callId);
          // A fresh subscription starts at the head: anything between the REST load and now is reloaded.
          if (!resumed) for (const l of listeners) l.resync?.();
          break;
        case 'event':
          if (lastSeq !== null && frame.seq <= lastSeq) return;
          lastSeq = frame.seq;
          for (const l of listeners) l.event?.(frame.event);
          {
            const mood = moodEventOf(frame.event);
            if (mood) for (const l of listeners) l.event?.(mood);
          }
          break;
        case 'reset':
          lastSeq = frame.resumesAt - 1;
          for (const l of listeners) l.resync?.();
          break;
        case 'ephemeral': {
          const data = frame.data;
          if (data.kind === 'typing') for (const l of listeners) l.typing?.(data);
          else if (data.kind === 'call.signal') for (const l of listeners) l.callSignal?.(data);
          else for (const l of listeners) l.importProgress?.(data);
          break;
        }
        case 'call.joined': {
          const at = joining.indexOf(frame.callId);
          if (at !== -1) joining.splice(at, 1);
          for (const l of listeners) l.callJoin?.({ callId: frame.callId, ok: true });
          break;
        }
        case 'error': {
          const at = frame.ref === undefined ? (joining.length ? 0 : -1) : joining.indexOf(frame.ref);
          const callId = at === -1 ? undefined : joining.splice(at, 1)[0];
          if (callId) for (const l of listeners) l.callJoin?.({ callId, ok: false, code: frame.error.code, message: frame.error.message });
          break;
        }
        default:
          break;
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (closed) return;
      setState('reconnecting');
      retryTimer = setTimeout(connect, reconnectDelay(attempt++));
    };
    ws.onerror = () => ws.close();
  }

  connect();
  pingTimer = setInterval(() => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'ping' }));
  }, PING_MS);

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sendTyping(conversationId, typing) {
      send({ type: 'typing', conversationId, typing });
    },
    joinCall(callId) {
      calls.add(callId);
      join(callId);
    },
    leaveCall(callId) {
      calls.delete(callId);
    },
    sendCallSignal(callId, signal) {
      return send({ type: 'call.signal', callId, signal });
    },
    state: () => current,
    close() {
      closed = true;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      socket?.close();
      socket = null;
    },
  };
}
