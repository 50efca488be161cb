import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { ApiError, type WidgetApi } from '../api/widget-api.client.ts';
import type { MessageView, SendBody } from '../api/widget-api.types.ts';
import type { SocketLike } from '../realtime/widget-socket.ts';
import { buildThread } from './conversation.store.ts';
import type { StorageLike } from './outbox.store.ts';
import { createWidgetController } from './widget.controller.ts';

const CONV = '0b6f7f5e-1111-4c1e-9a7e-000000000001';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: ((ev: Event) => unknown) | null = null;
  onclose: ((ev: CloseEvent) => unknown) | null = null;
  onmessage: ((ev: MessageEvent) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  constructor(readonly url: string) {}
  send(text: string) {
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }
  close() {
    this.readyState = 3;
  }
  accept(seq: number) {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
    this.push({ type: 'ready', stream: `conversation:${CONV}`, seq });
  }
  push(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) } as MessageEvent);
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }
}

const message = (id: string, text: string, direction: MessageView['direction'] = 'inbound', at = '2026-01-01T10:00:00.000Z'): MessageView => ({
  id,
  conversationId: CONV,
  direction,
  authorType: direction === 'inbound' ? 'customer' : 'employee',
  authorId: null,
  authorName: direction === 'inbound' ? null : 'Lucía',
  text,
  attachments: [],
  createdAt: at,
});

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function fakeApi(history: MessageView[] = []) {
  const calls = { session: 0, starts: [] as SendBody[] };
  let offline = false;
  const unreachable = () => new ApiError(0, 'network', 'offline');
  const api = {
    origin: 'http://chat.test',
    config: async () => ({ name: 'Demo', settings: {} }),
    session: async () => {
      if (offline) throw unreachable();
      calls.session++;
      return { visitorToken: `tok${calls.session}`, customerId: 'c', visitorId: 'v', verified: false, workspace: { name: 'Demo', settings: {} } };
    },
    conversations: async () => ({ items: [] }),
    startConversation: async (body: SendBody) => {
      if (offline) throw unreachable();
      calls.starts.push(body);
      return { conversation: { id: CONV }, message: message('m1', body.text), duplicate: calls.starts.length > 1 };
    },
    messages: async () => ({ items: history, streamSeq: history.length }),
    send: async () => ({ message: message('x', 'x'), duplicate: false }),
    upload: async () => ({ id: 'a', fileName: 'a', contentType: 'image/png', sizeBytes: 1 }),
    attachmentUrl: async () => 'blob:x',
    rememberLocal: () => undefined,
    socketUrl: (token: string, id: string, since: number | null) => `ws://chat.test/api/widget/realtime?token=${token}&conversationId=${id}${since === null ? '' : `&since=${since}`}`,
  } satisfies WidgetApi;
  return { api, calls, setOffline: (v: boolean) => void (offline = v) };
}

function setup(t: TestContext, storage = memoryStorage(), history: MessageView[] = []) {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const { api, calls, setOffline } = fakeApi(history);
  const sockets: FakeSocket[] = [];
  const events = new EventTarget();
  let n = 0;
  const controller = createWidgetController({
    api,
    workspace: 'wk_test',
    browserLanguage: 'es-ES',
    storage,
    newKey: () => `key-${++n}-${Math.random().toString(36).slice(2)}`,
    isOnline: () => true,
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    events,
  });
  return { controller, calls, sockets, storage, events, setOffline };
}

const settle = () => new Promise<void>((r) => setImmediate(r));
const shown = (c: ReturnType<typeof setup>['controller']) => {
  const s = c.getState();
  return buildThread(s.messages, s.outbox, s.live).map((e) => (e.kind === 'message' ? e.message.text : `(pending) ${e.item.text}`));
};

test('a message survives a dropped connection and is stored exactly once', async (t) => {
  const { controller, calls, sockets, storage } = setup(t);
  controller.send('hola');
  await settle();
  assert.equal(calls.starts.length, 1, 'the first message starts the conversation over HTTP');
  assert.deepEqual(shown(controller), ['hola']);
  assert.equal(JSON.parse(storage.data.get('vinculo:wk_test:session')!).conversationId, CONV);

  const first = sockets[0]!;
  first.accept(1);
  await settle();
  controller.send('segundo');
  const frame = first.sent.find((f) => f.type === 'send')!;
  assert.equal(frame.text, 'segundo');
  assert.equal(typeof frame.idempotencyKey, 'string');
  assert.deepEqual(shown(controller), ['hola', '(pending) segundo']);
  assert.ok(storage.data.get('vinculo:wk_test:outbox')?.includes('segundo'), 'the unacknowledged message is persisted');

  // The server stored it and announced it, but the link died before the ack arrived.
  first.push({ type: 'event', stream: `conversation:${CONV}`, seq: 2, event: { type: 'message.created', data: { message: message('m2', 'segundo') } } });
  assert.deepEqual(shown(controller), ['hola', 'segundo'], 'the echo does not show the message twice');
  first.drop();
  assert.equal(controller.getState().connection, 'reconnecting');
  assert.equal(controller.getState().outbox.length, 1, 'still pending: no ack yet');

  t.mock.timers.tick(3000);
  const second = sockets[1]!;
  assert.match(second.url, /since=2$/, 'resumes after the last event seen');
  second.accept(2);
  await settle();
  const resend = second.sent.find((f) => f.type === 'send')!;
  assert.equal(resend.idempotencyKey, frame.idempotencyKey, 'the retry reuses the key, so the server dedupes');
  second.push({ type: 'ack', ref: frame.idempotencyKey, duplicate: true, message: message('m2', 'segundo') });
  assert.deepEqual(shown(controller), ['hola', 'segundo']);
  assert.equal(controller.getState().outbox.length, 0);
  assert.equal(storage.data.has('vinculo:wk_test:outbox'), false);
  assert.equal(controller.getState().connection, 'online');
});

test('a message written offline waits in storage and goes out after a reload with the same key', async (t) => {
  const storage = memoryStorage();
  const a = setup(t, storage);
  a.setOffline(true);
  a.controller.send('sin red');
  await settle();
  assert.deepEqual(shown(a.controller), ['(pending) sin red']);
  const key = a.controller.getState().outbox[0]!.idempotencyKey;
  t.mock.timers.reset();

  const b = setup(t, storage);
  assert.deepEqual(shown(b.controller), ['(pending) sin red'], 'the reloaded page shows it as pending');
  await b.controller.start();
  await settle();
  assert.deepEqual(b.calls.starts.map((s) => s.idempotencyKey), [key]);
  assert.deepEqual(shown(b.controller), ['sin red']);
});

test('coming back online retries at once instead of waiting for the backoff', async (t) => {
  const { controller, calls, setOffline, events } = setup(t);
  await controller.start();
  setOffline(true);
  controller.send('uno');
  await settle();
  setOffline(false);
  assert.equal(calls.starts.length, 0);
  events.dispatchEvent(new Event('online'));
  await settle();
  assert.equal(calls.starts.length, 1);
});

test('a rejected message stays visible as failed and is not resent until retried', async (t) => {
  const { controller, sockets } = setup(t);
  controller.send('hola');
  await settle();
  sockets[0]!.accept(1);
  await settle();
  controller.send('x'.repeat(10));
  const key = sockets[0]!.sent.find((f) => f.type === 'send')!.idempotencyKey;
  sockets[0]!.push({ type: 'error', ref: key, error: { code: 'validation_failed', message: 'too long' } });
  assert.equal(controller.getState().outbox[0]?.failed, 'too long');
  sockets[0]!.drop();
  t.mock.timers.tick(3000);
  sockets[1]!.accept(1);
  await settle();
  assert.equal(sockets[1]!.sent.filter((f) => f.type === 'send').length, 0);
  controller.retry(String(key));
  assert.equal(sockets[1]!.sent.filter((f) => f.type === 'send').length, 1);
});

test('history loads on reconnect, the employee typing indicator and unread count follow the stream', async (t) => {
  const storage = memoryStorage();
  storage.setItem('vinculo:wk_test:session', JSON.stringify({ visitorToken: 'tok', conversationId: CONV }));
  const { controller, sockets } = setup(t, storage, [message('m1', 'hola')]);
  await controller.start();
  const s = sockets[0]!;
  assert.doesNotMatch(s.url, /since=/);
  s.accept(1);
  await settle();
  assert.deepEqual(shown(controller), ['hola']);
  s.push({ type: 'ephemeral', stream: `conversation:${CONV}`, data: { kind: 'typing', conversationId: CONV, typing: true, by: 'employee' } });
  assert.equal(controller.getState().employeeTyping, true);
  s.push({ type: 'event', stream: `conversation:${CONV}`, seq: 2, event: { type: 'message.created', data: { message: message('r1', '¡Hola!', 'outbound', '2026-01-01T10:01:00.000Z') } } });
  s.push({ type: 'event', stream: `conversation:${CONV}`, seq: 2, event: { type: 'message.created', data: { message: message('r1', '¡Hola!', 'outbound', '2026-01-01T10:01:00.000Z') } } });
  assert.equal(controller.getState().employeeTyping, false);
  assert.deepEqual(shown(controller), ['hola', '¡Hola!']);
  assert.equal(controller.getState().unread, 1);
  controller.open();
  assert.equal(controller.getState().unread, 0);
});

test('a call without a conversation starts one with its first message; call frames reach the tap once, and their errors leave the chat alone', async (t) => {
  const { controller, calls, sockets } = setup(t);
  const id = await controller.conversationFor('📞 Quiero hablar por llamada de voz');
  assert.equal(id, CONV);
  assert.deepEqual(calls.starts.map((s) => s.text), ['📞 Quiero hablar por llamada de voz']);
  assert.equal(await controller.conversationFor('otra vez'), CONV, 'an existing conversation is reused');
  assert.equal(calls.starts.length, 1);

  const seen: string[] = [];
  controller.tap((f) => {
    seen.push(f.type === 'event' ? `event:${f.event.type}` : f.type);
    return f.type === 'error' && f.ref === 'call-1';
  });
  const s = sockets[0]!;
  s.accept(1);
  await settle();
  const updated = { type: 'event', stream: `conversation:${CONV}`, seq: 2, event: { type: 'call.updated', data: { call: { id: 'call-1' } } } };
  s.push(updated);
  s.push(updated);
  assert.equal(controller.sendFrame({ type: 'call.join', callId: 'call-1', idempotencyKey: 'call-1' }), true);
  assert.deepEqual(s.sent.at(-1), { type: 'call.join', callId: 'call-1', idempotencyKey: 'call-1' });
  s.push({ type: 'error', ref: 'call-1', error: { code: 'forbidden', message: 'Join the call before signalling on it' } });
  assert.deepEqual(seen, ['ready', 'event:call.updated', 'error'], 'a repeated event is not told twice');
  assert.equal(s.readyState, 1, "a call's error does not make the widget forget its conversation");
  assert.equal(controller.getState().messages.length, 1);
});
