import type { CallClientFrame } from '../calls/call.controller.ts';
import { backoffDelay } from './backoff.ts';

export type SocketState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export type ServerFrame =
  | { type: 'ready'; stream: string | null; seq: number | null }
  | { type: 'event'; stream: string; seq: number; event: { type: string; data: Record<string, unknown> } }
  | { type: 'ephemeral'; stream: string; data: Record<string, unknown> }
  | { type: 'reset'; stream: string; missedAfter: number; resumesAt: number }
  | { type: 'ack'; ref: string; duplicate: boolean; message: unknown }
  | { type: 'call.joined'; callId: string }
  | { type: 'error'; ref?: string; error: { code: string; message: string } }
  | { type: 'pong' };

export type ClientFrame =
  | { type: 'send'; conversationId: string; text: string; attachmentIds?: string[]; idempotencyKey: string }
  | { type: 'typing'; conversationId: string; typing: boolean }
  | { type: 'ping' }
  | CallClientFrame;

export type SocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: Event) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
};

export type WidgetSocketOptions = {
  url: () => string;
  onFrame: (frame: ServerFrame) => void;
  onState: (state: SocketState) => void;
  create?: (url: string) => SocketLike;
  pingEveryMs?: number;
};

// A socket that reconnects by itself (backoff capped at ~3 s) and detects a dead link with
// pings: a connection that stays silent after a ping is dropped and reopened.
export function createWidgetSocket(opts: WidgetSocketOptions) {
  const create = opts.create ?? ((url: string) => new WebSocket(url));
  const pingEvery = opts.pingEveryMs ?? 20_000;
  let socket: SocketLike | null = null;
  let attempt = 0;
  let stopped = false;
  let ready = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let heardSincePing = true;

  function clearTimers() {
    clearTimeout(retryTimer);
    clearInterval(pingTimer);
  }

  function open() {
    clearTimers();
    if (stopped) return;
    opts.onState(attempt === 0 ? 'connecting' : 'reconnecting');
    const s = create(opts.url());
    socket = s;
    ready = false;
    s.onmessage = (ev) => {
      if (socket !== s) return;
      heardSincePing = true;
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(ev.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'ready') {
        attempt = 0;
        ready = true;
        opts.onState('open');
      }
      opts.onFrame(frame);
    };
    s.onopen = () => {
      heardSincePing = true;
      pingTimer = setInterval(() => {
        if (!heardSincePing) return drop();
        heardSincePing = false;
        send({ type: 'ping' });
      }, pingEvery);
    };
    s.onclose = () => {
      if (socket === s) drop();
    };
    s.onerror = () => undefined;
  }

  function drop() {
    const s = socket;
    socket = null;
    ready = false;
    clearTimers();
    if (s) {
      s.onclose = s.onmessage = s.onopen = s.onerror = null;
      try {
        s.close();
      } catch {
        // already closed
      }
    }
    if (stopped) return;
    opts.onState('reconnecting');
    retryTimer = setTimeout(open, backoffDelay(attempt++));
  }

  function send(frame: ClientFrame): boolean {
    if (!socket || socket.readyState !== 1) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  open();

  return {
    send,
    isReady: () => ready,
    // After the browser says it is online again: try now instead of waiting out the backoff.
    reconnectNow() {
      if (stopped || ready) return;
      attempt = 0;
      if (socket) drop();
      clearTimeout(retryTimer);
      open();
    },
    close() {
      stopped = true;
      const s = socket;
      socket = null;
      clearTimers();
      if (s) {
        s.onclose = s.onmessage = s.onopen = s.onerror = null;
        s.close();
      }
      opts.onState('closed');
    },
  };
}
