import { ApiError, isRetryable, type WidgetApi } from '../api/widget-api.client.ts';
import type { Identity, Locale, MessageView, SessionRequest, WidgetConfig } from '../api/widget-api.types.ts';
import { pickLocale } from '../i18n/messages.ts';
import { backoffDelay } from '../realtime/backoff.ts';
import { createTypingThrottle } from '../realtime/typing-throttle.ts';
import { createWidgetSocket, type ClientFrame, type ServerFrame, type SocketLike, type SocketState } from '../realtime/widget-socket.ts';
import { classifySeq, mergeMessages } from './conversation.store.ts';
import { acknowledge, clearFailure, enqueue, loadOutbox, markFailed, newOutboxItem, saveOutbox, sendable, type OutboxItem, type StorageLike } from './outbox.store.ts';
import { loadSession, parseSession, saveSession, storageKeys, type Contact, type StoredSession } from './session.store.ts';

export type ConnectionState = 'online' | 'connecting' | 'reconnecting' | 'offline';
export type Notice = 'uploadFailed' | 'micDenied' | null;

export type WidgetState = {
  open: boolean;
  locale: Locale;
  config: WidgetConfig | null;
  connection: ConnectionState;
  messages: MessageView[];
  outbox: OutboxItem[];
  live: ReadonlySet<string>;
  employeeTyping: boolean;
  contact: Contact | null;
  uploading: boolean;
  notice: Notice;
  unread: number;
};

export type IdentifyInput = Identity & { name?: string; email?: string };

export type ControllerDeps = {
  api: WidgetApi;
  workspace: string;
  browserLanguage: string | undefined;
  storage: StorageLike | null;
  newKey: () => string;
  isOnline: () => boolean;
  createSocket?: (url: string) => SocketLike;
  // Where online/offline/storage events come from (window in the browser).
  events: Pick<EventTarget, 'addEventListener'>;
};

// Errors the server will repeat however often the message is retried.
const PERMANENT = new Set(['validation_failed', 'not_found', 'forbidden', 'payload_too_large', 'bad_request']);

export type WidgetController = ReturnType<typeof createWidgetController>;

// Sees the socket's frames before the chat does (events only once, in order); true means "mine".
export type FrameTap = (frame: ServerFrame) => boolean;

// The widget's state and its conversation with the server: session, history, socket, outbox.
export function createWidgetController(deps: ControllerDeps) {
  const { api, workspace, storage } = deps;
  const keys = storageKeys(workspace);
  let session: StoredSession | null = loadSession(storage, keys.session);
  let state: WidgetState = {
    open: false,
    locale: pickLocale(deps.browserLanguage),
    config: null,
    connection: deps.isOnline() ? 'online' : 'offline',
    messages: [],
    outbox: loadOutbox(storage, keys.outbox),
    live: new Set(),
    employeeTyping: false,
    contact: session?.contact ?? null,
    uploading: false,
    notice: null,
    unread: 0,
  };
  const listeners = new Set<() => void>();
  let identity: Identity | null = null;
  let resumed = false;
  let socket: ReturnType<typeof createWidgetSocket> | null = null;
  let lastSeq: number | null = null;
  let historyLoaded = false;
  const inFlight = new Set<string>();
  let flushing = false;
  let retryAttempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  const taps = new Set<FrameTap>();
  const tapped = (frame: ServerFrame) => [...taps].some((tap) => tap(frame));
  // Session changes (start, resume, identify, contact) run one at a time, in order.
  let exclusive: Promise<unknown> = Promise.resolve();
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = exclusive.then(fn, fn);
    exclusive = run.catch(() => undefined);
    return run;
  };

  function set(patch: Partial<WidgetState>) {
    state = { ...state, ...patch };
    if ('outbox' in patch) saveOutbox(storage, keys.outbox, state.outbox);
    for (const l of listeners) l();
  }

  function setSession(next: StoredSession | null) {
    session = next;
    saveSession(storage, keys.session, next);
  }

  const token = () => session?.visitorToken ?? null;
  const conversationId = () => session?.conversationId ?? null;

  const typing = createTypingThrottle({
    send: (on) => {
      const id = conversationId();
      if (id) socket?.send({ type: 'typing', conversationId: id, typing: on });
    },
  });

  function sessionRequest(extra: Partial<SessionRequest> = {}): SessionRequest {
    const t = token();
    return { workspace, locale: state.locale, ...(t ? { visitorToken: t } : {}), ...(identity ? { identity } : {}), ...extra };
  }

  async function openSession(extra: Partial<SessionRequest> = {}): Promise<void> {
    const res = await api.session(sessionRequest(extra));
    setSession({ visitorToken: res.visitorToken, conversationId: conversationId(), ...(session?.contact ? { contact: session.contact } : {}) });
    set({ config: state.config ?? res.workspace });
  }

  const ensureSession = () => serially(async () => (token() ? undefined : openSession()));

  // ---- history and socket ----

  async function loadHistory() {
    const id = conversationId();
    if (!id) return;
    try {
      const { items, streamSeq } = await api.messages(id);
      if (id !== conversationId()) return;
      historyLoaded = true;
      if (lastSeq === null) lastSeq = streamSeq;
      set({ messages: mergeMessages(state.messages, items) });
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 401)) forgetConversation(err.status === 401);
    }
  }

  function connect() {
    const t = token();
    const id = conversationId();
    if (socket || !t || !id) return;
    socket = createWidgetSocket({ url: () => api.socketUrl(t, id, lastSeq), onFrame, onState, create: deps.createSocket });
  }

  function disconnect() {
    socket?.close();
    socket = null;
    inFlight.clear();
    lastSeq = null;
    historyLoaded = false;
  }

  // The stored conversation (or the whole token) is no longer ours: start afresh, keep the outbox.
  function forgetConversation(tokenToo: boolean) {
    disconnect();
    setSession(tokenToo || !session ? null : { ...session, conversationId: null });
    set({ messages: [], live: new Set(), employeeTyping: false, connection: deps.isOnline() ? 'online' : 'offline' });
    scheduleFlush(0);
  }

  let failedAttempts = 0;
  function onState(s: SocketState) {
    if (s !== 'open') inFlight.clear();
    failedAttempts = s === 'open' ? 0 : failedAttempts + 1;
    // A socket refused over and over may mean a revoked token or a deleted conversation; HTTP tells which.
    if (s === 'reconnecting' && failedAttempts % 5 === 0 && deps.isOnline()) void loadHistory();
    if (s === 'closed') return;
    const connection: ConnectionState = s === 'open' ? 'online' : !deps.isOnline() ? 'offline' : s;
    if (connection !== state.connection) set({ connection });
  }

  function onFrame(frame: ServerFrame) {
    if (frame.type !== 'event' && tapped(frame)) return;
    switch (frame.type) {
      case 'ready':
        lastSeq = frame.seq;
        if (!historyLoaded) void loadHistory();
        void flush();
        return;
      case 'event': {
        const verdict = classifySeq(lastSeq, frame.seq);
        if (verdict === 'repeat') return;
        if (verdict === 'gap') void loadHistory();
        lastSeq = frame.seq;
        if (frame.event.type === 'message.created') receive(frame.event.data.message as MessageView);
        else tapped(frame);
        return;
      }
      case 'ephemeral': {
        const d = frame.data;
        if (d.kind !== 'typing' || d.by !== 'employee') return;
        clearTimeout(typingTimer);
        // A lost "stopped typing" must not leave the indicator on for ever.
        if (d.typing === true) typingTimer = setTimeout(() => set({ employeeTyping: false }), 8000);
        set({ employeeTyping: d.typing === true });
        return;
      }
      case 'reset':
        void loadHistory();
        return;
      case 'ack':
        settle(frame.ref, frame.message as MessageView);
        return;
      case 'error':
        if (frame.ref && state.outbox.some((i) => i.idempotencyKey === frame.ref)) {
          inFlight.delete(frame.ref);
          if (PERMANENT.has(frame.error.code)) set({ outbox: markFailed(state.outbox, frame.ref, frame.error.message) });
          else scheduleFlush();
        } else if (frame.error.code === 'not_found' || frame.error.code === 'forbidden') {
          forgetConversation(false);
        }
        return;
    }
  }

  function receive(message: MessageView) {
    if (!message || message.conversationId !== conversationId()) return;
    const isNew = !state.messages.some((m) => m.id === message.id);
    const patch: Partial<WidgetState> = { messages: mergeMessages(state.messages, [message]) };
    if (message.direction === 'inbound' && state.outbox.length) patch.live = new Set(state.live).add(message.id);
    if (message.direction === 'outbound') {
      patch.employeeTyping = false;
      if (isNew && !state.open) patch.unread = state.unread + 1;
    }
    set(patch);
  }

  // The server has the message durably: only now does it leave the outbox.
  function settle(key: string, message: MessageView | undefined) {
    inFlight.delete(key);
    const outbox = acknowledge(state.outbox, key);
    set({
      outbox,
      messages: message ? mergeMessages(state.messages, [message]) : state.messages,
      live: outbox.length ? state.live : new Set(),
    });
  }

  // ---- sending ----

  function scheduleFlush(delay = backoffDelay(retryAttempt++)) {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void flush(), delay);
  }

  async function flush(): Promise<void> {
    if (flushing) return;
    const items = sendable(state.outbox);
    if (!items.length) return;
    flushing = true;
    try {
      if (!conversationId()) {
        const first = items[0]!;
        await ensureSession();
        const res = await api.startConversation({ text: first.text, attachmentIds: first.attachments.map((a) => a.id), idempotencyKey: first.idempotencyKey });
        if (session) setSession({ ...session, conversationId: res.conversation.id });
        settle(first.idempotencyKey, res.message);
        retryAttempt = 0;
        connect();
        return;
      }
      if (!socket) return connect();
      if (!socket.isReady()) return;
      for (const item of items) {
        if (inFlight.has(item.idempotencyKey)) continue;
        const sent = socket.send({
          type: 'send',
          conversationId: conversationId()!,
          text: item.text,
          ...(item.attachments.length ? { attachmentIds: item.attachments.map((a) => a.id) } : {}),
          idempotencyKey: item.idempotencyKey,
        });
        if (sent) inFlight.add(item.idempotencyKey);
      }
      retryAttempt = 0;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) forgetConversation(true);
      else if (isRetryable(err)) scheduleFlush();
      else if (err instanceof ApiError && items[0]) set({ outbox: markFailed(state.outbox, items[0].idempotencyKey, err.message) });
    } finally {
      flushing = false;
    }
  }

  function queue(text: string, attachments: OutboxItem['attachments']) {
    typing.stop();
    set({ outbox: enqueue(state.outbox, newOutboxItem(text, attachments, deps.newKey())) });
    void flush();
  }

  // ---- browser signals ----

  function onOnline() {
    set({ connection: socket && !socket.isReady() ? 'reconnecting' : 'online' });
    socket?.reconnectNow();
    retryAttempt = 0;
    void flush();
  }

  function onStorage(ev: StorageEvent) {
    // Another tab started the conversation: join it instead of starting a second one.
    if (ev.key !== keys.session) return;
    const other = parseSession(ev.newValue);
    if (other?.conversationId && !conversationId()) {
      session = other;
      connect();
    }
  }

  return {
    getState: () => state,
    token,
    subscribe(fn: () => void) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },

    async start() {
      deps.events.addEventListener('online', onOnline);
      deps.events.addEventListener('offline', () => set({ connection: 'offline' }));
      deps.events.addEventListener('storage', (ev) => onStorage(ev as StorageEvent));
      connect();
      if (!conversationId()) void flush();
      try {
        const config = await api.config(workspace);
        set({ config, locale: pickLocale(deps.browserLanguage, config.settings.defaultLocale) });
      } catch {
        // The widget still works with its default look.
      }
    },

    open() {
      set({ open: true, unread: 0 });
      // A returning visitor refreshes their token (and locale); a new one gets no record until they write.
      if (token() && !resumed) {
        resumed = true;
        void serially(() => openSession()).catch(() => undefined);
      }
    },
    close: () => set({ open: false }),

    send(text: string) {
      if (text.trim()) queue(text.trim(), []);
    },

    async attach(file: Blob, fileName: string) {
      set({ uploading: true, notice: null });
      try {
        await ensureSession();
        const ref = await api.upload(file, fileName);
        api.rememberLocal(ref.id, file);
        queue('', [ref]);
      } catch {
        set({ notice: 'uploadFailed' });
      } finally {
        set({ uploading: false });
      }
    },

    keystroke() {
      if (conversationId() && socket?.isReady()) typing.keystroke();
    },

    retry(key: string) {
      set({ outbox: clearFailure(state.outbox, key) });
      void flush();
    },
    remove(key: string) {
      set({ outbox: acknowledge(state.outbox, key) });
    },

    saveContact(contact: Contact) {
      return serially(async () => {
        await openSession({ name: contact.name || undefined, email: contact.email || undefined });
        if (session) setSession({ ...session, contact });
        set({ contact });
      });
    },

    // A signed user id from the host site: the session becomes that user's, with their conversations.
    identify(input: IdentifyInput) {
      identity = { userId: input.userId, userHash: input.userHash };
      return serially(async () => {
        const before = conversationId();
        await openSession({ ...(input.name ? { name: input.name } : {}), ...(input.email ? { email: input.email } : {}) });
        const { items } = await api.conversations();
        const next = items.some((c) => c.id === before) ? before : (items.find((c) => c.status !== 'resolved') ?? items[0])?.id ?? null;
        if (next !== before || !socket) {
          disconnect();
          if (session) setSession({ ...session, conversationId: next });
          set({ messages: [], live: new Set(), employeeTyping: false });
          connect();
        }
        void flush();
      });
    },

    notice: (notice: Notice) => set({ notice }),

    // For calls (src/calls): their frames go over this socket.
    tap(fn: FrameTap) {
      taps.add(fn);
      return () => void taps.delete(fn);
    },
    sendFrame: (frame: ClientFrame) => socket?.send(frame) ?? false,

    // The conversation a call belongs to. Without one yet, `text` is sent as its first message (through
    // the outbox, so exactly once) and the conversation it starts is the answer.
    conversationFor(text: string, timeoutMs = 20_000): Promise<string> {
      const id = conversationId();
      if (id) return Promise.resolve(id);
      return new Promise((resolve, reject) => {
        const done = () => {
          const started = conversationId();
          if (!started) return;
          listeners.delete(done);
          clearTimeout(timer);
          resolve(started);
        };
        const timer = setTimeout(() => {
          listeners.delete(done);
          reject(new Error('The conversation could not be started'));
        }, timeoutMs);
        listeners.add(done);
        queue(text, []);
      });
    },
  };
}
