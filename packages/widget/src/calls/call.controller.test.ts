import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { MediaError, type CallMedia, type CallSignal, type LocalMedia, type PeerSessionOptions } from '@vinculo/call-peer';
import { ApiError } from '../api/widget-api.client.ts';
import type { ServerFrame } from '../realtime/widget-socket.ts';
import type { CallApi, CallView, HangUpBody } from './call-api.ts';
import { AVAILABILITY_EVERY_MS, CONNECT_TIMEOUT_MS, READY_EVERY_MS, createCallController, type CallClientFrame } from './call.controller.ts';

const CALL = '7c0e1a52-2222-4c1e-9a7e-000000000001';
const CONV = '0b6f7f5e-1111-4c1e-9a7e-000000000001';
const QUALITY = { rttMs: 12, packetLossPct: 0, width: 640, height: 480, framesDecoded: 300, audioPacketsReceived: 500 };

const view = (patch: Partial<CallView> = {}): CallView => ({
  id: CALL,
  conversationId: CONV,
  media: 'video',
  direction: 'inbound',
  status: 'ringing',
  answeredAt: null,
  endedAt: null,
  durationSeconds: null,
  endReason: null,
  employeeName: null,
  ...patch,
});

const fakeStream = (label: string) => ({ id: label }) as unknown as MediaStream;
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
};

function setup(
  t: TestContext,
  opts: { media?: (m: CallMedia) => Promise<LocalMedia>; canCall?: boolean; available?: boolean; start?: () => Promise<{ call: CallView; iceServers: RTCIceServer[] }>; live?: CallView | null } = {},
) {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'] });
  const log: string[] = [];
  const hangUps: Array<HangUpBody & { keepalive?: boolean }> = [];
  const qualities: unknown[] = [];
  const frames: CallClientFrame[] = [];
  const stopped: Array<MediaStream | null> = [];
  const sessions: Array<{ opts: PeerSessionOptions; received: CallSignal[]; started: number; closed: boolean; muted: boolean[]; camera: boolean[] }> = [];
  let available = opts.available ?? true;
  const api: CallApi = {
    availability: async () => {
      log.push('availability');
      return { available, reason: available ? null : 'no_one_available' };
    },
    start: opts.start ?? (async () => ({ call: view(), iceServers: [{ urls: 'stun:stun.test' }] })),
    live: async (conversationId) => {
      log.push(`live:${conversationId}`);
      return { call: opts.live ?? null };
    },
    get: async (id) => ({ call: view({ id }), iceServers: [{ urls: 'turn:turn.test' }] }),
    accept: async (id) => {
      log.push('accept');
      return { call: view({ id, direction: 'outbound', status: 'active', answeredAt: new Date().toISOString() }) };
    },
    decline: async (id) => {
      log.push('decline');
      return { call: view({ id, direction: 'outbound', status: 'declined' }) };
    },
    hangUp: async (id, body, keepalive) => {
      hangUps.push(keepalive ? { ...body, keepalive } : body);
      return { call: view({ id, status: body.reason === 'failed' ? 'failed' : 'ended', durationSeconds: 42 }) };
    },
    quality: async (id, quality) => {
      qualities.push(quality);
      return { call: view({ id }) };
    },
  };
  const opened: string[] = [];
  const calls = createCallController({
    api,
    send: (frame) => {
      frames.push(frame);
      return true;
    },
    conversationFor: async (media) => {
      log.push(`conversation:${media}`);
      return CONV;
    },
    openPanel: () => opened.push('open'),
    canCall: () => opts.canCall ?? true,
    acquireMedia: opts.media ?? (async (media) => ({ stream: fakeStream(`local-${media}`), media, fellBack: false })),
    stopMedia: (s) => void stopped.push(s),
    createPeerSession: (o) => {
      const s = { opts: o, received: [] as CallSignal[], started: 0, closed: false, muted: [] as boolean[], camera: [] as boolean[] };
      sessions.push(s);
      return {
        start: async () => {
          s.started++;
          o.sendSignal({ kind: 'offer', sdp: 'v=0 offer' });
        },
        receive: async (signal) => void s.received.push(signal),
        setMuted: (m) => void s.muted.push(m),
        setCameraOn: (on) => void s.camera.push(on),
        quality: async () => QUALITY,
        close: () => void (s.closed = true),
      };
    },
  });
  const push = (frame: ServerFrame) => calls.onFrame(frame);
  const updated = (call: CallView) => push({ type: 'event', stream: `conversation:${CONV}`, seq: 1, event: { type: 'call.updated', data: { call } } });
  const fromEmployee = (signal: CallSignal, callId = CALL) =>
    push({ type: 'ephemeral', stream: `call:${callId}`, data: { kind: 'call.signal', callId, from: 'employee', signal } });
  return { calls, log, hangUps, qualities, frames, stopped, sessions, opened, push, updated, fromEmployee, setAvailable: (v: boolean) => void (available = v) };
}

test('the buttons follow whether someone can answer: asked when the panel opens and every minute while it stays open', async (t) => {
  const { calls, log, setAvailable } = setup(t, { available: false });
  assert.equal(calls.getState().available, false, 'hidden until asked');
  calls.setPanelOpen(true);
  await settle();
  assert.deepEqual(log, ['availability']);
  assert.equal(calls.getState().available, false);
  setAvailable(true);
  t.mock.timers.tick(AVAILABILITY_EVERY_MS);
  await settle();
  assert.equal(calls.getState().available, true);
  calls.setPanelOpen(false);
  t.mock.timers.tick(AVAILABILITY_EVERY_MS * 3);
  await settle();
  assert.equal(log.length, 2, 'a closed panel asks nothing');
});

test("a video call: explanation first, then permission, ringing, the employee's ready, offer, connected, hang up with the quality", async (t) => {
  const { calls, log, frames, sessions, hangUps, stopped, updated, fromEmployee } = setup(t);
  calls.request('video');
  assert.equal(calls.getState().phase, 'explain', 'nothing is asked of the browser before Continue');
  assert.equal(sessions.length, 0);
  await calls.proceed();
  const s = calls.getState();
  assert.equal(s.phase, 'ringing');
  assert.equal(s.media, 'video');
  assert.deepEqual(log, ['conversation:video']);
  assert.deepEqual(frames, [{ type: 'call.join', callId: CALL, idempotencyKey: CALL }]);
  assert.deepEqual(sessions[0]!.opts.iceServers, [{ urls: 'stun:stun.test' }]);

  updated(view({ status: 'active', answeredAt: new Date().toISOString(), employeeName: 'Lucía' }));
  await settle();
  assert.equal(calls.getState().phase, 'connecting');
  assert.equal(sessions[0]!.started, 0, 'no offer before the employee listens');
  fromEmployee({ kind: 'ready' });
  fromEmployee({ kind: 'ready' });
  await settle();
  assert.equal(sessions[0]!.started, 1, 'one offer, however often ready comes');
  assert.deepEqual(frames.at(-1), { type: 'call.signal', callId: CALL, signal: { kind: 'offer', sdp: 'v=0 offer' }, idempotencyKey: CALL });
  fromEmployee({ kind: 'answer', sdp: 'v=0 answer' });
  fromEmployee({ kind: 'ice', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMid: '0' } });
  fromEmployee({ kind: 'answer', sdp: 'someone else' }, '7c0e1a52-2222-4c1e-9a7e-00000000ffff');
  await settle();
  assert.deepEqual(sessions[0]!.received.map((x) => x.kind), ['answer', 'ice'], "another call's signals are ignored");

  sessions[0]!.opts.onState('connected');
  assert.equal(calls.getState().phase, 'active');
  assert.equal(calls.getState().connectedAt, Date.now());
  calls.toggleMute();
  calls.toggleCamera();
  assert.deepEqual([sessions[0]!.muted, sessions[0]!.camera], [[true], [false]]);
  assert.equal(calls.getState().muted, true);
  assert.equal(calls.getState().cameraOn, false);
  t.mock.timers.tick(CONNECT_TIMEOUT_MS * 2);
  await settle();
  assert.equal(calls.getState().phase, 'active', 'a connected call does not time out');

  await calls.hangUp();
  assert.deepEqual(hangUps, [{ reason: 'hangup', quality: QUALITY }]);
  const end = calls.getState();
  assert.equal(end.phase, 'ended');
  assert.equal(end.notice, 'ended');
  assert.equal(end.durationSeconds, 42, "the server's duration");
  assert.equal(sessions[0]!.closed, true);
  assert.equal(stopped.at(-1)?.id, 'local-video', 'camera and microphone released');
  updated(view({ status: 'ended', answeredAt: new Date().toISOString(), durationSeconds: 42 }));
  await settle();
  assert.equal(calls.getState().phase, 'ended', 'the echo of our own hang-up changes nothing');
  calls.dismiss();
  assert.equal(calls.getState().phase, 'idle');
});

test('a refused camera becomes a voice call and says so; a refused microphone stops with a clear message', async (t) => {
  const a = setup(t, { media: async () => ({ stream: fakeStream('mic'), media: 'audio', fellBack: true }) });
  let started: CallMedia | null = null;
  a.calls.request('video');
  await a.calls.proceed();
  assert.equal(a.calls.getState().media, 'audio');
  assert.equal(a.calls.getState().notice, 'cameraFallback');
  assert.equal(a.calls.getState().phase, 'ringing');
  assert.deepEqual(a.log, ['conversation:audio']);
  t.mock.timers.reset();

  const b = setup(t, {
    media: async () => {
      throw new MediaError('denied', 'NotAllowedError');
    },
    start: async () => {
      started = 'audio';
      throw new Error('must not start');
    },
  });
  b.calls.request('audio');
  await b.calls.proceed();
  assert.equal(b.calls.getState().phase, 'failed');
  assert.equal(b.calls.getState().notice, 'micDenied');
  assert.equal(started, null, 'no call without a microphone');
  b.calls.dismiss();
  assert.equal(b.calls.getState().phase, 'idle');
});

test('a browser without WebRTC says so at once; nobody free is a clear message that hides the buttons', async (t) => {
  const a = setup(t, { canCall: false });
  a.calls.request('video');
  assert.equal(a.calls.getState().phase, 'failed');
  assert.equal(a.calls.getState().notice, 'unsupported');
  t.mock.timers.reset();

  const b = setup(t, {
    start: async () => {
      throw new ApiError(409, 'conflict', 'Nobody can answer', { reason: 'no_one_available' });
    },
  });
  b.calls.setPanelOpen(true);
  await settle();
  assert.equal(b.calls.getState().available, true);
  b.calls.request('audio');
  await b.calls.proceed();
  assert.equal(b.calls.getState().phase, 'failed');
  assert.equal(b.calls.getState().notice, 'unavailable');
  assert.equal(b.calls.getState().available, false);
  assert.equal(b.stopped.at(-1)?.id, 'local-audio', 'the microphone is released');
});

test('nobody answered, or the employee declined: the call ends with that message', async (t) => {
  const { calls, updated, sessions } = setup(t);
  calls.request('audio');
  await calls.proceed();
  updated(view({ status: 'missed', endReason: 'no_answer' }));
  await settle();
  assert.equal(calls.getState().phase, 'ended');
  assert.equal(calls.getState().notice, 'noAnswer');
  assert.equal(sessions[0]!.closed, true);

  calls.request('audio');
  await calls.proceed();
  updated(view({ status: 'declined', endReason: 'everyone_declined' }));
  await settle();
  assert.equal(calls.getState().notice, 'declined');

  calls.request('audio');
  await calls.proceed();
  await calls.hangUp();
  assert.equal(calls.getState().phase, 'ended');
  assert.equal(calls.getState().notice, 'cancelled', 'hanging up while it rings cancels it');
});

test('the connection failing, or never coming, hangs up as failed with the reason', async (t) => {
  const { calls, updated, sessions, hangUps, fromEmployee } = setup(t);
  calls.request('video');
  await calls.proceed();
  updated(view({ status: 'active', answeredAt: new Date().toISOString() }));
  fromEmployee({ kind: 'ready' });
  await settle();
  sessions[0]!.opts.onState('failed');
  await settle();
  assert.equal(calls.getState().phase, 'failed');
  assert.equal(calls.getState().notice, 'connectionFailed');
  assert.equal(hangUps[0]?.reason, 'failed');
  assert.match(hangUps[0]?.detail ?? '', /ICE/);

  calls.request('video');
  await calls.proceed();
  updated(view({ status: 'active', answeredAt: new Date().toISOString() }));
  await settle();
  t.mock.timers.tick(CONNECT_TIMEOUT_MS);
  await settle();
  assert.equal(calls.getState().phase, 'failed');
  assert.match(hangUps[1]?.detail ?? '', /no connection within 30 s/);
  assert.equal(hangUps[1]?.quality, undefined, 'never connected: no quality figures');
});

test('the employee hanging up ends it here too, and our quality figures are still reported', async (t) => {
  const { calls, updated, sessions, qualities, fromEmployee } = setup(t);
  calls.request('audio');
  await calls.proceed();
  updated(view({ status: 'active', answeredAt: new Date().toISOString() }));
  fromEmployee({ kind: 'ready' });
  await settle();
  sessions[0]!.opts.onState('connected');
  t.mock.timers.tick(65_000);
  updated(view({ status: 'ended', endReason: 'employee_hung_up', answeredAt: new Date().toISOString(), durationSeconds: 65 }));
  await settle();
  assert.equal(calls.getState().phase, 'ended');
  assert.equal(calls.getState().durationSeconds, 65);
  assert.deepEqual(qualities, [QUALITY]);
});

test('an employee calling back rings here; answering asks for media, joins and says ready until the offer comes', async (t) => {
  const { calls, updated, opened, log, frames, sessions, push, fromEmployee } = setup(t);
  updated(view({ direction: 'outbound', media: 'audio', employeeName: 'Lucía' }));
  await settle();
  assert.equal(calls.getState().phase, 'incoming');
  assert.equal(calls.getState().call?.employeeName, 'Lucía');
  assert.deepEqual(opened, ['open'], 'the panel opens so the customer sees it');
  await calls.accept();
  assert.deepEqual(log, ['accept']);
  assert.equal(calls.getState().phase, 'connecting');
  assert.deepEqual(sessions[0]!.opts.iceServers, [{ urls: 'turn:turn.test' }]);
  assert.deepEqual(frames, [{ type: 'call.join', callId: CALL, idempotencyKey: CALL }]);
  assert.equal(push({ type: 'call.joined', callId: CALL }), true);
  assert.deepEqual(frames.at(-1), { type: 'call.signal', callId: CALL, signal: { kind: 'ready' }, idempotencyKey: CALL });
  t.mock.timers.tick(READY_EVERY_MS * 2);
  assert.equal(frames.filter((f) => f.type === 'call.signal').length, 3, 'ready again until the offer');
  fromEmployee({ kind: 'offer', sdp: 'v=0 offer' });
  await settle();
  assert.deepEqual(sessions[0]!.received.map((x) => x.kind), ['offer']);
  assert.equal(sessions[0]!.started, 0, 'the called side answers, it does not offer');
  t.mock.timers.tick(READY_EVERY_MS * 3);
  assert.equal(frames.filter((f) => f.type === 'call.signal').length, 3);
  sessions[0]!.opts.onState('connected');
  assert.equal(calls.getState().phase, 'active');
});

test('a call back that started before the page loaded (or while the socket was down) rings once the socket is ready', async (t) => {
  const { calls, push, log, opened } = setup(t, { live: view({ direction: 'outbound', media: 'audio', employeeName: 'Lucía' }) });
  push({ type: 'ready', stream: null, seq: null });
  await settle();
  assert.deepEqual(log, [], 'no conversation yet: no call can ring for it');
  push({ type: 'ready', stream: `conversation:${CONV}`, seq: 7 });
  await settle();
  assert.deepEqual(log, [`live:${CONV}`]);
  assert.equal(calls.getState().phase, 'incoming');
  assert.equal(calls.getState().call?.employeeName, 'Lucía');
  assert.deepEqual(opened, ['open']);
  await calls.accept();
  assert.equal(calls.getState().phase, 'connecting');
});

test("the customer's own call found live in another tab does not ring here", async (t) => {
  const { calls, push } = setup(t, { live: view({ direction: 'inbound', status: 'active' }) });
  push({ type: 'ready', stream: `conversation:${CONV}`, seq: 1 });
  await settle();
  assert.equal(calls.getState().phase, 'idle');
});

test('declining a call back tells the server; the employee giving up clears the ringing', async (t) => {
  const { calls, updated, log } = setup(t);
  updated(view({ direction: 'outbound' }));
  await settle();
  await calls.decline();
  assert.deepEqual(log, ['decline']);
  assert.equal(calls.getState().phase, 'idle');

  updated(view({ id: '7c0e1a52-2222-4c1e-9a7e-000000000002', direction: 'outbound' }));
  await settle();
  updated(view({ id: '7c0e1a52-2222-4c1e-9a7e-000000000002', direction: 'outbound', status: 'ended', endReason: 'caller_cancelled' }));
  await settle();
  assert.equal(calls.getState().phase, 'ended');
  assert.equal(calls.getState().notice, 'missedIncoming');
});

test('cancelling while the browser asks for permission starts nothing and releases the media it got', async (t) => {
  let grant: (m: LocalMedia) => void = () => undefined;
  const { calls, stopped, frames, log, hangUps } = setup(t, { media: () => new Promise<LocalMedia>((r) => (grant = r)) });
  calls.request('video');
  const pending = calls.proceed();
  assert.equal(calls.getState().busy, true);
  await calls.hangUp();
  assert.equal(calls.getState().phase, 'idle');
  grant({ stream: fakeStream('late'), media: 'video', fellBack: false });
  await pending;
  assert.equal(stopped.at(-1)?.id, 'late');
  assert.deepEqual([log, hangUps, frames], [[], [], []], 'no conversation, no call');
  assert.equal(calls.getState().phase, 'idle');
});

test("the socket's frames: a reconnect joins the live call again; only the call's own errors are taken", async (t) => {
  const { calls, frames, push, log } = setup(t);
  assert.equal(push({ type: 'ready', stream: `conversation:${CONV}`, seq: 3 }), false);
  await settle();
  assert.equal(frames.length, 0, 'no call, nothing to join');
  assert.deepEqual(log, [`live:${CONV}`], 'without a call on screen it asks for one');
  calls.request('audio');
  await calls.proceed();
  assert.equal(push({ type: 'ready', stream: `conversation:${CONV}`, seq: 4 }), false, 'the chat still sees its ready frame');
  assert.equal(frames.filter((f) => f.type === 'call.join').length, 2);
  assert.deepEqual(log.filter((l) => l.startsWith('live:')), [`live:${CONV}`], 'in a call it does not ask again');
  assert.equal(push({ type: 'error', ref: CALL, error: { code: 'forbidden', message: 'Join the call first' } }), true);
  assert.equal(push({ type: 'error', error: { code: 'not_found', message: 'Conversation not found' } }), false);
  assert.equal(push({ type: 'ephemeral', stream: `conversation:${CONV}`, data: { kind: 'typing', typing: true, by: 'employee' } }), false);
});

test('leaving the page during a call hangs it up with a request that outlives the page', async (t) => {
  const { calls, hangUps, sessions, stopped } = setup(t);
  calls.leave();
  assert.equal(hangUps.length, 0, 'no call, nothing to hang up');
  calls.request('audio');
  await calls.proceed();
  calls.leave();
  assert.deepEqual(hangUps, [{ reason: 'hangup', keepalive: true }]);
  assert.equal(sessions[0]!.closed, true);
  assert.equal(stopped.at(-1)?.id, 'local-audio');
});

test('an ending told twice at once (a hang-up racing the server) is handled once; a call back answered in another tab stops ringing here', async (t) => {
  const { calls, updated, fromEmployee, sessions, hangUps, qualities } = setup(t);
  calls.request('audio');
  await calls.proceed();
  updated(view({ status: 'active', answeredAt: new Date().toISOString() }));
  fromEmployee({ kind: 'ready' });
  await settle();
  sessions[0]!.opts.onState('connected');
  const mine = calls.hangUp();
  updated(view({ status: 'ended', endReason: 'employee_hung_up', answeredAt: new Date().toISOString(), durationSeconds: 3 }));
  await mine;
  await settle();
  assert.equal(hangUps.length + qualities.length, 1, 'one ending, one report of the quality');
  assert.equal(calls.getState().phase, 'ended');

  const other = '7c0e1a52-2222-4c1e-9a7e-000000000003';
  updated(view({ id: other, direction: 'outbound' }));
  await settle();
  assert.equal(calls.getState().phase, 'incoming');
  updated(view({ id: other, direction: 'outbound', status: 'active', answeredAt: new Date().toISOString() }));
  await settle();
  assert.equal(calls.getState().phase, 'idle');
});
