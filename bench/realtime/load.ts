import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket, { type RawData } from 'ws';
import { Samples, type Summary } from './samples.ts';
import { mapLimit, type BenchTarget } from './setup.ts';

export type LoadOptions = {
  wsBase: string;
  target: BenchTarget;
  employees: number;
  rate: number;
  warmupS: number;
  durationS: number;
  /** Longest wait for outstanding acks and deliveries after the last send. */
  drainS: number;
  connectConcurrency: number;
  runTag: string;
  progress: (label: string, done: number, total: number) => void;
  /** Called when the measured window opens and closes (after warm-up, before drain). */
  onWindow: (phase: 'start' | 'end') => void;
};

export type LoadResult = {
  visitorsConnected: number;
  employeesConnected: number;
  connectS: number;
  sent: number;
  sentInWindow: number;
  acked: number;
  duplicateAcks: number;
  sendErrors: Record<string, number>;
  errorSamples: string[];
  expectedDeliveries: number;
  delivered: number;
  lost: number;
  /** Deliveries missing for messages the server acknowledged: loss of committed messages. */
  lostAfterAck: number;
  /** Sends neither acked nor refused when the drain ended: a backlog, not necessarily loss. */
  unackedAtEnd: number;
  duplicates: number;
  seqGaps: number;
  seqBackwards: number;
  disconnects: string[];
  latency: Summary;
  ack: Summary;
  acksPerS: number;
  deliveriesPerS: number;
  drainS: number;
  /** How far the send schedule fell behind its clock at worst (0 when the generator keeps up). */
  schedulerMaxLagMs: number;
  generatorCpuPct: number;
  generatorLoopDelayP99Ms: number;
};

const now = () => performance.now();
const CONNECT_TIMEOUT_MS = 20_000;
const DRAIN_STALL_MS = 5_000;
const EVENT_PREFIX = Buffer.from('{"type":"event"');
const SEQ_KEY = Buffer.from('"seq":');
const TEXT_KEY = Buffer.from('"text":"rt-');

function toBuffer(raw: RawData): Buffer {
  if (Buffer.isBuffer(raw)) return raw;
  if (Array.isArray(raw)) return Buffer.concat(raw);
  return Buffer.from(raw);
}

/** The decimal number right after `key`, or -1; reads bytes in place, no string is made. */
function numberAfter(buf: Buffer, key: Buffer): number {
  const at = buf.indexOf(key);
  if (at < 0) return -1;
  let i = at + key.length;
  let n = 0;
  let digits = 0;
  for (; i < buf.length; i++, digits++) {
    const c = buf[i] ?? 0;
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
  }
  return digits ? n : -1;
}

const startsWith = (buf: Buffer, prefix: Buffer) => buf.length >= prefix.length && buf.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;

function parseObject(buf: Buffer): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(buf.toString('utf8'));
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

// The handler is attached before the socket opens: frames that share a TCP read with the
// 'ready' frame are emitted synchronously, before any promise continuation could attach one.
function connect(url: string, onFrame: (buf: Buffer) => void): Promise<{ socket: WebSocket; seq: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: CONNECT_TIMEOUT_MS });
    let ready = false;
    const fail = (why: string) => {
      if (ready) return;
      ready = true;
      clearTimeout(timer);
      socket.terminate();
      reject(new Error(why));
    };
    const timer = setTimeout(() => fail(`no ready frame within ${CONNECT_TIMEOUT_MS} ms from ${url.replace(/token=[^&]+/, 'token=…')}`), CONNECT_TIMEOUT_MS);
    socket.on('message', (raw) => {
      const buf = toBuffer(raw);
      if (ready) return onFrame(buf);
      const frame = parseObject(buf);
      if (frame?.type !== 'ready') return fail(`expected a ready frame, got ${buf.toString('utf8').slice(0, 200)}`);
      ready = true;
      clearTimeout(timer);
      resolve({ socket, seq: typeof frame.seq === 'number' ? frame.seq : 0 });
    });
    socket.on('error', (err) => fail(`socket error: ${err.message}`));
    socket.once('close', (code, reason) => fail(`closed before ready: ${code} ${reason.toString()}`));
  });
}

type Employee = { lastSeq: number; received: Uint8Array };

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const totalSends = Math.floor(o.rate * (o.warmupS + o.durationS));
  const sendTimes = new Float64Array(totalSends).fill(NaN);
  const acked = new Uint8Array(totalSends);
  const receivedBy = new Uint32Array(totalSends);
  const ackPrefix = `rt-${o.runTag}-`;
  let windowStart = Infinity;
  let windowEnd = Infinity;
  const inWindow = (t: number) => t >= windowStart && t < windowEnd;
  let running = true;

  const latency = new Samples(Math.min(totalSends * o.employees, 4_000_000));
  const ackLatency = new Samples(totalSends);
  let delivered = 0;
  let deliveredInWindow = 0;
  let duplicates = 0;
  let seqGaps = 0;
  let seqBackwards = 0;
  let ackCount = 0;
  let ackedInWindow = 0;
  let duplicateAcks = 0;
  let errorCount = 0;
  const sendErrors: Record<string, number> = {};
  const errorSamples: string[] = [];
  const disconnects: string[] = [];

  const onEmployeeFrame = (e: Employee) => (buf: Buffer) => {
    const t = now();
    // Fast path for the 100× fan-out: read seq and the send id in place instead of parsing
    // the whole event, so the load generator stays cheaper than the server it measures.
    if (!startsWith(buf, EVENT_PREFIX)) {
      const frame = parseObject(buf);
      if (frame?.type === 'error' && errorSamples.length < 10) errorSamples.push(`employee: ${buf.toString('utf8').slice(0, 300)}`);
      return;
    }
    const seq = numberAfter(buf, SEQ_KEY);
    if (seq !== e.lastSeq + 1) {
      if (seq > e.lastSeq + 1) seqGaps++;
      else seqBackwards++;
    }
    if (seq > e.lastSeq) e.lastSeq = seq;
    const id = numberAfter(buf, TEXT_KEY);
    if (id < 0 || id >= totalSends) return;
    if (e.received[id]) {
      duplicates++;
      return;
    }
    e.received[id] = 1;
    receivedBy[id] = (receivedBy[id] ?? 0) + 1;
    delivered++;
    const t0 = sendTimes[id] ?? NaN;
    if (inWindow(t0)) latency.add(t - t0);
    if (inWindow(t)) deliveredInWindow++;
  };

  const onVisitorFrame = (buf: Buffer) => {
    const t = now();
    // The visitor's own conversation stream echoes each message back; only acks matter here.
    if (startsWith(buf, EVENT_PREFIX)) return;
    const frame = parseObject(buf);
    const ref = typeof frame?.ref === 'string' && frame.ref.startsWith(ackPrefix) ? Number(frame.ref.slice(ackPrefix.length)) : -1;
    if (frame?.type === 'ack' && ref >= 0 && ref < totalSends) {
      if (acked[ref]) {
        duplicateAcks++;
        return;
      }
      acked[ref] = 1;
      ackCount++;
      if (frame.duplicate === true) duplicateAcks++;
      const t0 = sendTimes[ref] ?? NaN;
      if (inWindow(t0)) ackLatency.add(t - t0);
      if (inWindow(t)) ackedInWindow++;
    } else if (frame?.type === 'error') {
      errorCount++;
      const error = frame.error as { code?: unknown } | undefined;
      const code = typeof error?.code === 'string' ? error.code : 'unknown';
      sendErrors[code] = (sendErrors[code] ?? 0) + 1;
      if (errorSamples.length < 10) errorSamples.push(`visitor: ${buf.toString('utf8').slice(0, 300)}`);
    }
  };

  const watchClose = (kind: string, socket: WebSocket) => {
    socket.on('close', (code, reason) => {
      if (running) disconnects.push(`${kind} closed ${code} ${reason.toString()}`.trim());
    });
  };

  // Employees first, so they are subscribed before the first visitor message exists.
  const connectStart = now();
  const token = encodeURIComponent(o.target.employeeToken);
  const employeeSockets = await mapLimit(
    Array.from({ length: o.employees }, (_, i) => i),
    o.connectConcurrency,
    async () => {
      const state: Employee = { lastSeq: 0, received: new Uint8Array(totalSends) };
      const { socket, seq } = await connect(`${o.wsBase}/api/realtime?token=${token}`, onEmployeeFrame(state));
      state.lastSeq = seq;
      watchClose('employee', socket);
      return socket;
    },
    (done) => o.progress('employee sockets', done, o.employees),
  );
  const visitorSockets = await mapLimit(
    o.target.visitors,
    o.connectConcurrency,
    async (v) => {
      const url = `${o.wsBase}/api/widget/realtime?token=${encodeURIComponent(v.token)}&conversationId=${v.conversationId}`;
      const { socket } = await connect(url, onVisitorFrame);
      watchClose('visitor', socket);
      return socket;
    },
    (done) => o.progress('visitor sockets', done, o.target.visitors.length),
  );
  const connectS = (now() - connectStart) / 1000;

  // Send frames are built before the clock starts, so the schedule only pays for socket.send.
  const frames = Array.from({ length: totalSends }, (_, id) => {
    const v = o.target.visitors[id % o.target.visitors.length]!;
    return JSON.stringify({ type: 'send', conversationId: v.conversationId, text: `rt-${id}`, idempotencyKey: `${ackPrefix}${id}` });
  });

  const loopDelayResolutionMs = 10;
  const loopDelay = monitorEventLoopDelay({ resolution: loopDelayResolutionMs });
  let cpuAtStart = process.cpuUsage();
  let generatorCpuPct = 0;
  let sent = 0;
  let sendFailures = 0;
  let maxLagMs = 0;
  const start = now();
  windowStart = start + o.warmupS * 1000;
  windowEnd = windowStart + o.durationS * 1000;
  let windowOpen = false;

  // Due sends come from elapsed time, not from counting ticks, so timer jitter never drifts the
  // rate: a late tick sends everything that has fallen due.
  await new Promise<void>((resolve) => {
    const tick = () => {
      const t = now();
      if (!windowOpen && t >= windowStart) {
        windowOpen = true;
        cpuAtStart = process.cpuUsage();
        loopDelay.enable();
        o.onWindow('start');
      }
      const due = Math.min(totalSends, Math.floor(((t - start) / 1000) * o.rate));
      maxLagMs = Math.max(maxLagMs, ((due - sent - 1) / o.rate) * 1000);
      while (sent < due) {
        const id = sent++;
        const socket = visitorSockets[id % visitorSockets.length]!;
        sendTimes[id] = now();
        if (socket.readyState === WebSocket.OPEN) socket.send(frames[id]!);
        else sendFailures++;
      }
      if (sent >= totalSends && t >= windowEnd) {
        loopDelay.disable();
        const cpu = process.cpuUsage(cpuAtStart);
        generatorCpuPct = ((cpu.user + cpu.system) / 1000 / (t - windowStart)) * 100;
        o.onWindow('end');
        resolve();
      } else {
        setTimeout(tick, 1);
      }
    };
    tick();
  });

  // Drain: wait for every ack and every delivery that can still come. A server with a backlog
  // keeps making progress and is given time; one that stalls for DRAIN_STALL_MS is done.
  const drainStart = now();
  const expectedDeliveries = sent * o.employees;
  let progressAt = now();
  let lastProgress = -1;
  while (now() - drainStart < o.drainS * 1000 && now() - progressAt < DRAIN_STALL_MS) {
    if (ackCount + errorCount + sendFailures >= sent && delivered >= expectedDeliveries) break;
    if (ackCount + errorCount + delivered !== lastProgress) {
      lastProgress = ackCount + errorCount + delivered;
      progressAt = now();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const drainS = (now() - drainStart) / 1000;
  running = false;
  for (const s of [...employeeSockets, ...visitorSockets]) s.terminate();
  if (sendFailures) sendErrors['socket not open'] = sendFailures;

  const sentInWindow = Array.from(sendTimes).filter(inWindow).length;
  let lostAfterAck = 0;
  for (let id = 0; id < sent; id++) if (acked[id]) lostAfterAck += o.employees - (receivedBy[id] ?? 0);
  return {
    visitorsConnected: visitorSockets.length,
    employeesConnected: employeeSockets.length,
    connectS,
    sent,
    sentInWindow,
    acked: ackCount,
    duplicateAcks,
    sendErrors,
    errorSamples,
    expectedDeliveries,
    delivered,
    lost: expectedDeliveries - delivered,
    lostAfterAck,
    unackedAtEnd: sent - ackCount - errorCount - sendFailures,
    duplicates,
    seqGaps,
    seqBackwards,
    disconnects,
    latency: latency.summary(),
    ack: ackLatency.summary(),
    acksPerS: ackedInWindow / o.durationS,
    deliveriesPerS: deliveredInWindow / o.durationS,
    drainS,
    schedulerMaxLagMs: maxLagMs,
    generatorCpuPct,
    // The histogram records whole timer periods, so an idle loop reads as the resolution itself.
    generatorLoopDelayP99Ms: loopDelay.count ? Math.max(0, loopDelay.percentile(99) / 1e6 - loopDelayResolutionMs) : NaN,
  };
}
