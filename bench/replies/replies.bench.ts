// Canned-reply guard: precision / recall of the fingerprinting on the labelled Spanish and English
// pairs (and of the alternatives it was chosen against), then the latency of POST /api/replies/check
// over a workspace with --replies stored employee replies, on PGlite and (with TEST_DATABASE_URL,
// e.g. under scripts/with-postgres.sh) PostgreSQL.
//
//   scripts/with-postgres.sh node --import tsx bench/replies/replies.bench.ts [--replies 20000] [--queries 1000]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { buildApp, type App } from '../../packages/server/src/app.ts';
import { loadConfig } from '../../packages/server/src/platform/config/config.ts';
import { tenantScope } from '../../packages/server/src/platform/db/tenant-scope.ts';
import { createEmployee } from '../../packages/server/src/modules/employees/employee.service.ts';
import { createWorkspace } from '../../packages/server/src/modules/workspaces/workspace.service.ts';
import {
  CANNED_THRESHOLD,
  FINGERPRINT,
  estimateJaccard,
  fingerprintReply,
  jaccard,
  normaliseReply,
  shingles,
  type FingerprintOptions,
} from '../../packages/server/src/modules/replies/reply-fingerprint.ts';
import { indexReplies, type SentReply } from '../../packages/server/src/modules/replies/reply-similarity.service.ts';
import { labelledPairs, type LabelledPair } from '../../packages/server/test/replies-pairs.data.ts';
import { createScratchDatabase } from '../../packages/server/test/support/scratch-database.ts';
import { cannedReply, customerName, mulberry32, personalReply, type Customer } from './corpus.ts';

const { values: args } = parseArgs({
  options: {
    replies: { type: 'string', default: '20000' },
    customers: { type: 'string', default: '2000' },
    queries: { type: 'string', default: '1000' },
    backends: { type: 'string', default: 'pglite,postgres' },
  },
});
const REPLIES = Number(args.replies);
const CUSTOMERS = Number(args.customers);
const QUERIES = Number(args.queries);
const PASSWORD = 'bench password 123';

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
const ms = (x: number) => `${x.toFixed(2)} ms`;

// ---------- quality on the labelled pairs ----------

type Score = { precision: number; recall: number; tp: number; fp: number; fn: number };
const score = (found: boolean[], pairs: LabelledPair[]): Score => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  pairs.forEach((p, i) => {
    if (found[i] && p.nearDuplicate) tp++;
    else if (found[i]) fp++;
    else if (p.nearDuplicate) fn++;
  });
  return { precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), tp, fp, fn };
};
const fmt = (s: Score) => `P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)}`;

function quality(): void {
  const pairs = labelledPairs();
  const positives = pairs.filter((p) => p.nearDuplicate).length;
  console.log(`\nLabelled pairs: ${pairs.length} (${positives} near-duplicates; es ${pairs.filter((p) => p.language === 'es').length}, en ${pairs.filter((p) => p.language === 'en').length})`);

  console.log('\nShingling alternatives (true Jaccard; min over near-duplicates / max over the others; P/R per threshold):');
  const variants: Array<[string, FingerprintOptions]> = [
    ['word 3-grams', { mode: 'words', k: 3, minContentWords: 6 }],
    ['content-word 3-grams (stopwords out)', { mode: 'content-words', k: 3, minContentWords: 6 }],
    ['word 2-grams', { mode: 'words', k: 2, minContentWords: 6 }],
    ['content-word 2-grams', { mode: 'content-words', k: 2, minContentWords: 6 }],
    ['char 4-grams', { mode: 'chars', k: 4, minContentWords: 6 }],
    ['char 5-grams  (chosen)', { mode: 'chars', k: 5, minContentWords: 6 }],
    ['char 6-grams', { mode: 'chars', k: 6, minContentWords: 6 }],
    ['content char 5-grams', { mode: 'content-chars', k: 5, minContentWords: 6 }],
  ];
  for (const [label, options] of variants) {
    const sims = pairs.map((p) => {
      const a = normaliseReply(p.a, p.namesA);
      const b = normaliseReply(p.b, p.namesB);
      const judged = fingerprintReply(p.a, p.namesA, options).signature && fingerprintReply(p.b, p.namesB, options).signature;
      return judged ? jaccard(shingles(a, options), shingles(b, options)) : 0;
    });
    const minPos = Math.min(...sims.filter((_, i) => pairs[i]!.nearDuplicate));
    const maxNeg = Math.max(...sims.filter((_, i) => !pairs[i]!.nearDuplicate));
    const cols = [0.4, 0.5, 0.6, 0.7].map((t) => `${t}: ${fmt(score(sims.map((s) => s >= t), pairs))}`).join(' | ');
    console.log(`  ${label.padEnd(38)} min+ ${minPos.toFixed(2)}  max- ${maxNeg.toFixed(2)}  ${cols}`);
  }

  // What the server does: shared LSH band, then the MinHash estimate against the threshold.
  const found = pairs.map((p) => {
    const a = fingerprintReply(p.a, p.namesA);
    const b = fingerprintReply(p.b, p.namesB);
    return !!a.signature && !!b.signature && a.bands.some((k) => b.bands.includes(k)) && estimateJaccard(a.signature, b.signature) >= CANNED_THRESHOLD;
  });
  console.log(`\nServer pipeline (${FINGERPRINT.mode} ${FINGERPRINT.k}-grams, MinHash 128, LSH 32×4, threshold ${CANNED_THRESHOLD}):`);
  for (const [label, keep] of [
    ['all', () => true],
    ['es', (p: LabelledPair) => p.language === 'es'],
    ['en', (p: LabelledPair) => p.language === 'en'],
  ] as Array<[string, (p: LabelledPair) => boolean]>) {
    const idx = pairs.map((p, i) => (keep(p) ? i : -1)).filter((i) => i >= 0);
    const s = score(idx.map((i) => found[i]!), idx.map((i) => pairs[i]!));
    console.log(`  ${label.padEnd(4)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
  }
  for (const kind of ['name-and-number', 'light-edit', 'same-topic', 'other-template', 'short'] as const) {
    const idx = pairs.map((p, i) => (p.kind === kind ? i : -1)).filter((i) => i >= 0);
    console.log(`  ${kind.padEnd(16)} flagged ${idx.filter((i) => found[i]).length}/${idx.length}`);
  }
}

// ---------- latency over a stored workspace ----------

async function openApp(backend: 'pglite' | 'postgres'): Promise<{ app: App; drop: () => Promise<void> }> {
  const base = { LOG_LEVEL: 'silent', VINCULO_DEMO: 'false', VINCULO_DATA_DIR: os.tmpdir() };
  if (backend === 'pglite') {
    const app = await buildApp(loadConfig(base), { pgliteDir: 'memory://', logger: false });
    return { app, drop: async () => undefined };
  }
  const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string, 'vinculo_bench');
  const app = await buildApp(loadConfig({ ...base, DATABASE_URL: scratch.url }), { logger: false });
  return { app, drop: scratch.drop };
}

async function latency(backend: 'pglite' | 'postgres'): Promise<void> {
  const { app, drop } = await openApp(backend);
  try {
    const rng = mulberry32(20_240_601);
    const db = app.ctx.db;
    const ws = await createWorkspace(db, { name: 'Replies bench' });
    const scope = tenantScope(db, ws.id);
    const email = `bench-${Date.now()}@example.test`;
    const agent = await createEmployee(scope, { email, name: 'Bench Agent', role: 'agent', password: PASSWORD });

    const t0 = performance.now();
    const customers: Array<Customer & { id: string; conversationId: string }> = [];
    for (let i = 0; i < CUSTOMERS; i += 500) {
      const batch = Array.from({ length: Math.min(500, CUSTOMERS - i) }, (_, j) => {
        const language = (i + j) % 2 === 0 ? ('es' as const) : ('en' as const);
        return { name: customerName(rng, language), language };
      });
      const rows = await scope.insertInto('customers', batch.map((c) => ({ name: c.name, locale: c.language }))).returning('id').execute();
      const convs = await scope
        .insertInto('conversations', rows.map((r) => ({ customer_id: r.id, channel: 'web', updated_at: new Date() })))
        .returning(['id', 'customer_id'])
        .execute();
      convs.forEach((c, j) => customers.push({ ...batch[j]!, id: c.customer_id, conversationId: c.id }));
    }
    // 40 % reused templates, 60 % personal replies, over the last 60 days.
    const now = Date.now();
    const planned = Array.from({ length: REPLIES }, (_, i) => {
      const c = customers[Math.floor(rng() * customers.length)]!;
      return { c, text: rng() < 0.4 ? cannedReply(rng, c) : personalReply(rng, c), sentAt: new Date(now - 60 * 86_400_000 + (i / REPLIES) * 60 * 86_400_000) };
    });
    let indexMs = 0;
    for (let i = 0; i < planned.length; i += 500) {
      const chunk = planned.slice(i, i + 500);
      const ids = await scope
        .insertInto(
          'messages',
          chunk.map((p) => ({ conversation_id: p.c.conversationId, direction: 'outbound', author_type: 'employee', author_id: agent.id, text: p.text, created_at: p.sentAt })),
        )
        .returning('id')
        .execute();
      const replies: SentReply[] = chunk.map((p, j) => ({
        messageId: ids[j]!.id,
        employeeId: agent.id,
        customerId: p.c.id,
        customerName: p.c.name,
        conversationId: p.c.conversationId,
        text: p.text,
        sentAt: p.sentAt,
      }));
      const s = performance.now();
      await indexReplies(scope, replies);
      indexMs += performance.now() - s;
    }
    const stored = await scope.selectFrom('reply_fingerprints').select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.sum<string>(eb.cast<number>('canned', 'integer')).as('canned')]).executeTakeFirstOrThrow();
    const bands = await scope.selectFrom('reply_bands').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    console.log(
      `\n[${backend}] ${REPLIES} replies to ${CUSTOMERS} customers stored in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
        `indexing (fingerprint + judge + write, batches of 500): ${(REPLIES / (indexMs / 1000)).toFixed(0)} replies/s; ` +
        `${stored.n} fingerprints (${stored.canned} judged canned), ${bands.n} band rows`,
    );

    const login = await app.server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === 'vinculo_session')!;
    const headers = { cookie: `vinculo_session=${cookie.value}`, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };

    const queries = Array.from({ length: QUERIES }, (_, i) => {
      const c = customers[Math.floor(rng() * customers.length)]!;
      const canned = i % 2 === 0;
      return { canned, conversationId: c.conversationId, text: canned ? cannedReply(rng, c) : personalReply(rng, c) };
    });
    const run = async (q: (typeof queries)[number]) => {
      const s = performance.now();
      const res = await app.server.inject({ method: 'POST', url: '/api/replies/check', headers, payload: { conversationId: q.conversationId, text: q.text } });
      const took = performance.now() - s;
      if (res.statusCode !== 200) throw new Error(`check → ${res.statusCode} ${res.body}`);
      return { took, body: res.json() as { canned: boolean; sentToOthers: number } };
    };
    for (const q of queries.slice(0, 100)) await run(q);
    type Result = { q: (typeof queries)[number]; took: number; body: { canned: boolean; sentToOthers: number } };
    const results: Result[] = [];
    for (const q of queries) results.push({ q, ...(await run(q)) });
    for (const [label, keep] of [
      ['all checks', () => true],
      ['reused template', (r: Result) => r.q.canned],
      ['personal reply', (r: Result) => !r.q.canned],
    ] as Array<[string, (r: Result) => boolean]>) {
      const rs = results.filter(keep);
      const t = rs.map((r) => r.took).sort((a, b) => a - b);
      const flagged = rs.filter((r) => r.body.canned);
      const avgOthers = flagged.length ? flagged.reduce((n, r) => n + r.body.sentToOthers, 0) / flagged.length : 0;
      console.log(
        `  ${label.padEnd(16)} n=${rs.length}  p50 ${ms(pct(t, 50))}  p90 ${ms(pct(t, 90))}  p99 ${ms(pct(t, 99))}  max ${ms(t[t.length - 1]!)}  ` +
          `flagged ${flagged.length} (mean sentToOthers ${avgOthers.toFixed(0)})`,
      );
    }
  } finally {
    await app.close();
    await drop();
  }
}

quality();
const wanted = args.backends.split(',');
if (wanted.includes('pglite')) await latency('pglite');
if (wanted.includes('postgres')) {
  if (process.env.TEST_DATABASE_URL) await latency('postgres');
  else console.log('\n[postgres] skipped: run under scripts/with-postgres.sh (or set TEST_DATABASE_URL)');
}
console.log(`\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`);
