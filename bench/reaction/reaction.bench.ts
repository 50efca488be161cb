// Reaction benchmark: a workspace with 50 playbooks; visitors post unhappy messages over HTTP at a
// fixed rate; an employee WebSocket waits for the suggestion each message causes. Measures message
// POST → `suggestion.created|updated` frame latency (p50/p99), on PGlite and on PostgreSQL.
// Usage: scripts/with-postgres.sh npm run bench:reaction -- [--rate 500 --duration 20 --playbooks 50 ...]
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { createScratchDatabase, type ScratchDatabase } from '../../packages/server/test/support/scratch-database.ts';
import { Samples, type Summary } from '../realtime/samples.ts';
import { cpuSeconds, freePort, machineCpu, postgresCpuSeconds, rssSampler, startVinculo, BENCH_ADMIN, type ServerProcess } from '../realtime/server-process.ts';
import { mapLimit, progressPrinter } from '../realtime/setup.ts';

const GOAL_P99_MS = 100;

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '500' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    visitors: { type: 'string', default: '500' },
    playbooks: { type: 'string', default: '50' },
    drain: { type: 'string', default: '30' },
    backends: { type: 'string', default: 'pglite,postgres' },
    json: { type: 'string' },
    trace: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(`npm run bench:reaction -- [--rate 500 msgs/s] [--duration 20 s] [--warmup 3 s] [--visitors 500] [--playbooks 50] [--drain 30 s] [--backends pglite,postgres] [--json out.json] [--trace per-message.csv]
PostgreSQL needs TEST_DATABASE_URL: run under scripts/with-postgres.sh.
--trace writes one line per message (sent, acked, suggestion frame) to per-message.<backend>.csv.
BENCH_NODE_ARGS passes flags to the server's node, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".`);
  process.exit(0);
}
const num = (name: string, v: string | undefined) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} must be a number > 0 (got ${v})`);
    process.exit(2);
  }
  return n;
};
const opts = {
  rate: num('rate', args.rate),
  durationS: num('duration', args.duration),
  warmupS: Number(args.warmup ?? 0),
  visitors: Math.round(num('visitors', args.visitors)),
  playbooks: Math.round(num('playbooks', args.playbooks)),
  drainS: num('drain', args.drain),
};
const backends = (args.backends ?? '').split(',').filter(Boolean) as Array<'pglite' | 'postgres'>;

// Unhappy messages in both languages: every one matches at least one playbook below.
const UNHAPPY = new Set(['anger', 'disgust', 'fear', 'sadness']);
const TEXTS = [
  'Me decepcionó mucho el servicio, esperaba más de vosotros',
  'Estoy harto, es la tercera vez que os escribo y nadie me contesta',
  'Me preocupa que me hayáis cobrado dos veces, ¿qué pasa con mi dinero?',
  'I am really disappointed, the order arrived broken',
  'I am worried about my data, was my account hacked?',
  'This is the third time I write, I am furious',
  'Estoy muy decepcionada, el pedido llegó roto y era un regalo',
  'Quiero darme de baja, me voy a la competencia',
];

// 45 playbooks beside the 5 defaults: each passes the message-level check for an unhappy message,
// so the customer's state is loaded and every condition evaluated (the expensive path).
function extraPlaybook(i: number) {
  const negative = { field: 'emotion', op: 'in', value: ['sadness', 'anger', 'fear', 'disgust'] };
  const state = [
    { field: 'moodScore', op: 'lte', value: -0.1 - (i % 5) * 0.1 },
    { field: 'contactsInDays', days: 1 + (i % 14), op: 'gte', value: 1 + (i % 4) },
    { field: 'waitingMinutes', op: 'gte', value: i % 30 },
    { field: 'openConversations', op: 'gte', value: 1 },
    { field: 'moodTrend', op: 'in', value: ['worsening', 'stable'] },
  ][i % 5];
  return {
    name: { es: `Variante ${i}`, en: `Variant ${i}` },
    priority: 10 + (i % 40),
    condition: { all: [negative, { field: 'intensity', op: 'gte', value: 0.3 + (i % 5) * 0.05 }, state] },
    actions: [{ type: 'personal_call', by: i % 2 ? 'trusted' : 'assignee' }, { type: 'follow_up', hours: 1 + (i % 48) }],
  };
}

type Http = { request: (method: string, p: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any; headers: http.IncomingHttpHeaders }> };

function httpClient(port: number): Http {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  return {
    request: (method, p, body, headers = {}) =>
      new Promise((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const req = http.request(
          { host: '127.0.0.1', port, path: p, method, agent, headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...headers } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, headers: res.headers });
            });
          },
        );
        req.setTimeout(60_000, () => req.destroy(new Error('request timed out')));
        req.on('error', reject);
        req.end(payload);
      }),
  };
}

type Result = {
  backend: string;
  status: 'ok' | 'failed' | 'skipped';
  reason?: string;
  sent?: number;
  sentInWindow?: number;
  acked?: number;
  errors?: Record<string, number>;
  withSuggestion?: number;
  // Acked without a frame although the engine read the message as unhappy: a real loss.
  missing?: number;
  // Acked without a frame because the engine read it as not unhappy (no playbook applies to it).
  notUnhappy?: number;
  created?: number;
  updated?: number;
  latency?: Summary;
  ack?: Summary;
  acksPerS?: number;
  serverCpuPct?: number;
  databaseCpuPct?: number | null;
  machineCpuPct?: number;
  rssPeakMb?: number;
  setupS?: number;
  serverProblems?: number;
};

async function runBackend(backend: 'pglite' | 'postgres'): Promise<Result> {
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (backend === 'postgres' && !postgresUrl) return { backend, status: 'skipped', reason: 'TEST_DATABASE_URL is not set; run under scripts/with-postgres.sh' };
  const runTag = randomBytes(4).toString('hex');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `vinculo-reaction-bench-${backend}-`));
  const logPath = path.join(os.tmpdir(), `vinculo-reaction-bench-${runTag}-${backend}.log`);
  const port = await freePort();
  let database: ScratchDatabase | undefined;
  let server: ServerProcess | undefined;
  let socket: WebSocket | undefined;
  const progress = progressPrinter();
  try {
    if (backend === 'postgres') database = await createScratchDatabase(postgresUrl!, 'vinculo_bench');
    server = await startVinculo({
      backend,
      port,
      dataDir: path.join(work, 'data'),
      logPath,
      databaseUrl: database?.url,
      // DATABASE_POOL_SIZE in the environment still reaches the server (docs/benchmarks.md measures 20).
      poolSize: process.env.DATABASE_POOL_SIZE ? Number(process.env.DATABASE_POOL_SIZE) : undefined,
      nodeArgs: process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean),
    });
    const pid = server.pid;
    const rss = rssSampler(pid);
    const api = httpClient(port);
    const setupStart = performance.now();

    const login = await api.request('POST', '/api/auth/login', { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
    if (login.status !== 200) throw new Error(`login: ${login.status}`);
    const cookie = (login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    const session = { cookie, 'x-csrf-token': login.body.csrfToken as string };
    const token = (await api.request('POST', '/api/api-tokens', { name: `bench ${runTag}`, role: 'agent' }, session)).body.token as string;
    const publicKey = (await api.request('GET', '/api/workspace', undefined, session)).body.publicKey as string;
    const existing = (await api.request('GET', '/api/playbooks', undefined, session)).body.items.length as number;
    await mapLimit(
      Array.from({ length: Math.max(0, opts.playbooks - existing) }, (_, i) => i),
      4,
      async (i) => {
        const r = await api.request('POST', '/api/playbooks', extraPlaybook(i), session);
        if (r.status !== 201) throw new Error(`playbook ${i}: ${r.status} ${JSON.stringify(r.body)}`);
      },
    );
    const playbooks = (await api.request('GET', '/api/playbooks', undefined, session)).body.items.length as number;
    const visitors = await mapLimit(
      Array.from({ length: opts.visitors }, (_, i) => i),
      8,
      async (i) => {
        const s = await api.request('POST', '/api/widget/session', { workspace: publicKey });
        const c = await api.request('POST', '/api/widget/conversations', { text: `bench visitor ${i}`, idempotencyKey: `setup-${runTag}-${i}` }, { authorization: `Bearer ${s.body.visitorToken}` });
        if (c.status !== 201) throw new Error(`conversation ${i}: ${c.status}`);
        return { auth: `Bearer ${s.body.visitorToken as string}`, conversationId: c.body.conversation.id as string };
      },
      (done) => progress('visitors + conversations', done, opts.visitors),
    );
    const setupS = (performance.now() - setupStart) / 1000;

    // The employee socket: first suggestion frame per message id, with its arrival time.
    const firstFrame = new Map<string, number>();
    let created = 0;
    let updated = 0;
    socket = await new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/realtime?token=${encodeURIComponent(token)}`);
      ws.on('message', (raw) => {
        const t = performance.now();
        const text = raw.toString();
        if (text.includes('"type":"ready"')) resolve(ws);
        if (!text.includes('"suggestion.')) return;
        const frame = JSON.parse(text) as { event?: { type: string; data: { suggestion: { triggerMessageId: string; lastMessageId: string } } } };
        const e = frame.event;
        if (e?.type === 'suggestion.created') created++;
        else if (e?.type === 'suggestion.updated') updated++;
        else return;
        const id = e.type === 'suggestion.created' ? e.data.suggestion.triggerMessageId : e.data.suggestion.lastMessageId;
        if (!firstFrame.has(id)) firstFrame.set(id, t);
      });
      ws.once('error', reject);
    });

    const total = Math.ceil(opts.rate * (opts.warmupS + opts.durationS));
    const sendTimes = new Float64Array(total);
    const messageIds: Array<string | undefined> = new Array(total);
    const ackLatency = new Samples(total);
    const ackTimes: number[] = [];
    const errors: Record<string, number> = {};
    let acked = 0;
    let inFlight = 0;
    const start = performance.now();
    const windowStart = start + opts.warmupS * 1000;
    const windowEnd = windowStart + opts.durationS * 1000;
    const inWindow = (t: number) => t >= windowStart && t < windowEnd;
    let cpuStart = { server: 0, db: 0, machine: machineCpu() };
    let cpu = { server: 0, db: null as number | null, machine: 0 };
    let windowOpen = false;
    let sent = 0;

    const send = (id: number) => {
      const v = visitors[id % visitors.length]!;
      const text = `${TEXTS[id % TEXTS.length]} (#${id})`;
      sendTimes[id] = performance.now();
      inFlight++;
      api
        .request('POST', `/api/widget/conversations/${v.conversationId}/messages`, { text, idempotencyKey: `rx-${runTag}-${id}` }, { authorization: v.auth })
        .then((r) => {
          if (r.status !== 201) {
            errors[String(r.status)] = (errors[String(r.status)] ?? 0) + 1;
            return;
          }
          acked++;
          messageIds[id] = r.body.message.id as string;
          ackTimes[id] = performance.now();
          if (inWindow(sendTimes[id]!)) ackLatency.add(ackTimes[id]! - sendTimes[id]!);
        })
        .catch((err: unknown) => {
          const key = err instanceof Error ? err.message.slice(0, 60) : 'error';
          errors[key] = (errors[key] ?? 0) + 1;
        })
        .finally(() => inFlight--);
    };

    process.stderr.write(`  ${playbooks} playbooks; sending ${opts.rate} msgs/s for ${opts.warmupS} s warm-up + ${opts.durationS} s…\n`);
    await new Promise<void>((resolve) => {
      const tick = () => {
        const t = performance.now();
        if (!windowOpen && t >= windowStart) {
          windowOpen = true;
          rss.mark('measured');
          cpuStart = { server: cpuSeconds(pid), db: database ? postgresCpuSeconds(database.name) : 0, machine: machineCpu() };
        }
        const due = Math.min(total, Math.floor(((t - start) / 1000) * opts.rate));
        while (sent < due) send(sent++);
        if (sent >= total && t >= windowEnd) {
          const seconds = (t - windowStart) / 1000;
          const m = machineCpu();
          cpu = {
            server: ((cpuSeconds(pid) - cpuStart.server) / seconds) * 100,
            db: database ? ((postgresCpuSeconds(database.name) - cpuStart.db) / seconds) * 100 : null,
            machine: ((m.busy - cpuStart.machine.busy) / (m.total - cpuStart.machine.total)) * 100,
          };
          resolve();
        } else setTimeout(tick, 1);
      };
      tick();
    });
    // Drain: until every POST has answered and every answered message has its suggestion (or a stall).
    const drainStart = performance.now();
    let lastProgress = -1;
    let progressAt = performance.now();
    while (performance.now() - drainStart < opts.drainS * 1000 && performance.now() - progressAt < 5000) {
      const have = messageIds.filter((id) => id && firstFrame.has(id)).length;
      if (inFlight === 0 && have === acked) break;
      if (have + acked !== lastProgress) {
        lastProgress = have + acked;
        progressAt = performance.now();
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    rss.stop();
    const latency = new Samples(total);
    let withSuggestion = 0;
    const unanswered: Array<{ id: number; messageId: string }> = [];
    let sentInWindow = 0;
    for (let id = 0; id < sent; id++) {
      const t0 = sendTimes[id]!;
      if (inWindow(t0)) sentInWindow++;
      const mid = messageIds[id];
      const t1 = mid ? firstFrame.get(mid) : undefined;
      if (t1 === undefined) {
        if (mid) unanswered.push({ id, messageId: mid });
        continue;
      }
      withSuggestion++;
      if (inWindow(t0)) latency.add(t1 - t0);
    }
    // A message without a frame is a loss only if a playbook applied to it: the variants of a text
    // differ by their "(#id)", and the engine reads a few of them as neutral.
    let notUnhappy = 0;
    for (const u of unanswered) {
      const conversationId = visitors[u.id % visitors.length]!.conversationId;
      const list = await api.request('GET', `/api/conversations/${conversationId}/messages?limit=500`, undefined, session);
      const message = (list.body.items as Array<{ id: string; emotion?: { emotion: string } | null }>).find((m) => m.id === u.messageId);
      const emotion = message?.emotion?.emotion;
      if (emotion && !UNHAPPY.has(emotion)) {
        notUnhappy++;
        console.error(`  #${u.id} got no suggestion: the engine read it as ${emotion}`);
      }
    }
    const ackedInWindow = ackLatency.count;
    // One line per message, to see when the slow ones happened (ms from the start of sending).
    if (args.trace) {
      const lines = [`# sending started at ${new Date(Date.now() - (performance.now() - start)).toISOString()}`, 'id,sent_ms,ack_ms,suggestion_ms'];
      for (let id = 0; id < sent; id++) {
        const t0 = sendTimes[id]!;
        const t1 = messageIds[id] ? firstFrame.get(messageIds[id]!) : undefined;
        const ack = ackTimes[id];
        lines.push(`${id},${(t0 - start).toFixed(1)},${ack === undefined ? '' : (ack - t0).toFixed(1)},${t1 === undefined ? '' : (t1 - t0).toFixed(1)}`);
      }
      fs.writeFileSync(`${args.trace.replace(/\.csv$/, '')}.${backend}.csv`, `${lines.join('\n')}\n`);
    }
    return {
      backend,
      status: 'ok',
      sent,
      sentInWindow,
      acked,
      errors,
      withSuggestion,
      missing: acked - withSuggestion - notUnhappy,
      notUnhappy,
      created,
      updated,
      latency: latency.summary(),
      ack: ackLatency.summary(),
      acksPerS: ackedInWindow / opts.durationS,
      serverCpuPct: cpu.server,
      databaseCpuPct: cpu.db,
      machineCpuPct: cpu.machine,
      rssPeakMb: rss.peak('measured'),
      setupS,
      serverProblems: server.problems().length,
    };
  } catch (err) {
    return { backend, status: 'failed', reason: err instanceof Error ? err.message : String(err) };
  } finally {
    socket?.terminate();
    await server?.stop();
    await database?.drop().catch(() => undefined);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`);
const pct = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(0)} %`);

function table(results: Result[]): string {
  const rows: Array<[string, (r: Result) => string]> = [
    ['messages sent (in measured window)', (r) => `${r.sent} (${r.sentInWindow})`],
    ['acked (201) / errors', (r) => `${r.acked} / ${Object.values(r.errors ?? {}).reduce((a, b) => a + b, 0)}`],
    ['throughput (acked msgs/s in window)', (r) => (r.acksPerS ?? 0).toFixed(1)],
    ['messages with a suggestion frame / read as not unhappy / missing', (r) => `${r.withSuggestion} / ${r.notUnhappy} / ${r.missing}`],
    ['suggestion.created / .updated frames', (r) => `${r.created} / ${r.updated}`],
    ['suggestion latency p50', (r) => ms(r.latency?.p50)],
    ['suggestion latency p90', (r) => ms(r.latency?.p90)],
    ['suggestion latency p99', (r) => ms(r.latency?.p99)],
    ['suggestion latency max', (r) => ms(r.latency?.max)],
    ['POST ack latency p50 / p99', (r) => `${ms(r.ack?.p50)} / ${ms(r.ack?.p99)}`],
    ['server CPU (of one core)', (r) => pct(r.serverCpuPct)],
    ['PostgreSQL CPU (of one core)', (r) => pct(r.databaseCpuPct)],
    ['machine CPU busy (all cores)', (r) => pct(r.machineCpuPct)],
    ['server RSS peak (measured window)', (r) => `${(r.rssPeakMb ?? 0).toFixed(0)} MB`],
    ['setup', (r) => `${(r.setupS ?? 0).toFixed(1)} s`],
    ['server warnings/errors logged', (r) => String(r.serverProblems ?? 0)],
  ];
  const header = ['', ...results.map((r) => r.backend)];
  const body = rows.map(([label, cell]) => [label, ...results.map((r) => (r.status === 'ok' ? cell(r) : r.status))]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((l) => (l[c] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

console.log(`bench/reaction — ${opts.playbooks} playbooks, ${opts.visitors} visitors, ${opts.rate} msgs/s over HTTP for ${opts.durationS} s after ${opts.warmupS} s warm-up`);
console.log(`machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}`);
const results: Result[] = [];
for (const b of backends) {
  console.error(`\n▶ ${b}`);
  const r = await runBackend(b);
  if (r.status !== 'ok') console.error(`  ${r.status}: ${r.reason}`);
  else console.error(`  done: p99 ${ms(r.latency?.p99)}, ${r.acksPerS?.toFixed(0)} msgs/s, ${r.missing} without a suggestion`);
  results.push(r);
}
console.log(`\n${table(results)}\n`);
for (const r of results) {
  if (r.status !== 'ok') continue;
  const ok = (r.latency?.p99 ?? Infinity) < GOAL_P99_MS && (r.acksPerS ?? 0) >= opts.rate * 0.99 && r.missing === 0;
  console.log(`${r.backend}: goal p99 < ${GOAL_P99_MS} ms at ${opts.rate} msgs/s with every message answered by a suggestion — ${ok ? 'MET' : 'NOT MET'}`);
  if (Object.keys(r.errors ?? {}).length) console.log(`  errors: ${JSON.stringify(r.errors)}`);
}
if (args.json) fs.writeFileSync(args.json, `${JSON.stringify({ options: opts, results }, null, 2)}\n`);
process.exitCode = results.some((r) => r.status === 'failed') ? 1 : 0;
