// Customer 360 at scale: a workspace with --customers customers and at least --messages messages
// (generated like the demo data, with emotions and moods), on PostgreSQL. Measures what an employee
// waits for — opening a customer (the requests the customer page makes), searching — and the
// whole-workspace jobs: the duplicate scan and the bond recomputation. Request timings go through
// the real HTTP stack (fastify inject) and are shown beside a health check measured the same way.
//
//   scripts/with-postgres.sh npm run -s bench:customers -- [--customers 100000] [--messages 1000000] [--samples 300]
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../../packages/server/src/app.ts';
import { generateDemoData } from '../../packages/server/src/modules/demo/demo-data.service.ts';
import { loadConfig } from '../../packages/server/src/platform/config/config.ts';
import { createTenant } from '../../packages/server/test/support/api-client.ts';
import { createScratchDatabase } from '../../packages/server/test/support/scratch-database.ts';
import { tempDir } from '../../packages/server/test/support/test-app.ts';
import { Samples, type Summary } from '../realtime/samples.ts';

const { values: args } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    messages: { type: 'string', default: '1000000' },
    samples: { type: 'string', default: '300' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log('scripts/with-postgres.sh npm run -s bench:customers -- [--customers 100000] [--messages 1000000] [--samples 300]');
  process.exit(0);
}
const CUSTOMERS = Number(args.customers);
const MESSAGES = Number(args.messages);
const SAMPLES = Number(args.samples);
const GOALS = { profileP95: 50, searchP95: 100, scanS: 60, bondsS: 60 };

const admin = process.env.TEST_DATABASE_URL;
if (!admin) {
  console.error('PostgreSQL needed: run under scripts/with-postgres.sh (or set TEST_DATABASE_URL)');
  process.exit(2);
}

const scratch = await createScratchDatabase(admin, 'vinculo_bench_customers');
const app = await buildApp(
  loadConfig({ LOG_LEVEL: 'silent', VINCULO_DEMO: 'false', DATABASE_URL: scratch.url, VINCULO_DATA_DIR: tempDir('vinculo-bench-customers-'), VINCULO_LOGIN_ATTEMPTS_PER_MINUTE: '1000' }),
  { logger: false },
);
try {
  const tenant = await createTenant(app, 'Bench');
  const cookie = tenant.admin.cookie;
  const csrf = tenant.admin.csrf;

  // ---------- data ----------
  const started = performance.now();
  let customers = 0;
  let messages = 0;
  let rows = 0;
  while (customers < CUSTOMERS || messages < MESSAGES) {
    const chunk = customers < CUSTOMERS ? Math.min(10_000, CUSTOMERS - customers) : 10_000;
    const r = await generateDemoData(app.ctx, tenant.workspaceId, {
      customers: chunk,
      seed: 1000 + customers,
      onProgress: (done, total, n) => {
        // On a terminal a live line; in a log one line per chunk.
        if (!process.stderr.isTTY && done < total) return;
        const s = (performance.now() - started) / 1000;
        process.stderr.write(
          `${process.stderr.isTTY ? '\r' : ''}  generating: ${(customers + done).toLocaleString('en')} customers, ${messages.toLocaleString('en')}+ messages, ${Math.round((rows + n) / s).toLocaleString('en')} rows/s, ${s.toFixed(0)} s   ${process.stderr.isTTY ? '' : '\n'}`,
        );
      },
    });
    customers += r.customers;
    messages += r.messages;
    const counted = await sql<{ n: string }>`select count(*) as n from messages where workspace_id = ${tenant.workspaceId}`.execute(app.ctx.db);
    messages = Number(counted.rows[0]!.n);
    rows += r.customers + r.conversations + r.messages;
  }
  await sql`analyze`.execute(app.ctx.db);
  const generatedS = (performance.now() - started) / 1000;
  process.stderr.write(`\n  ${customers.toLocaleString('en')} customers and ${messages.toLocaleString('en')} messages in ${generatedS.toFixed(0)} s\n`);

  const inject = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    const t = performance.now();
    const res = await app.server.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(body === undefined ? {} : { payload: body as object }) });
    const ms = performance.now() - t;
    if (res.statusCode >= 400) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    return { ms, body: res.json() as Record<string, unknown> };
  };

  // Random customers, spread over the whole table (not the newest few).
  const picks = (
    await sql<{ id: string; name: string | null; email: string | null; phone: string | null }>`
      select id, name, email, phone from customers where workspace_id = ${tenant.workspaceId} order by md5(id::text) limit ${SAMPLES}`.execute(app.ctx.db)
  ).rows;

  // ---------- baseline: the cheapest authenticated request ----------
  const health = new Samples();
  for (let i = 0; i < SAMPLES; i++) health.add((await inject('GET', '/api/auth/me')).ms);

  // ---------- profile: what the customer page asks for ----------
  const hasBonds = (await app.server.inject({ method: 'GET', url: `/api/customers/${picks[0]!.id}/bonds`, headers: { cookie } })).statusCode !== 404;
  const profile = new Samples();
  for (const c of picks) {
    const t = performance.now();
    await Promise.all([
      inject('GET', `/api/customers/${c.id}`),
      inject('GET', `/api/customers/${c.id}/mood?limit=200`),
      inject('GET', `/api/conversations?customerId=${c.id}&status=open,pending,resolved&limit=50`),
      ...(hasBonds ? [inject('GET', `/api/customers/${c.id}/bonds`)] : []),
    ]);
    profile.add(performance.now() - t);
  }

  // ---------- search: surnames, first names, a misspelling, email starts, phone digits ----------
  const queries = picks.flatMap((c, i) => {
    const words = (c.name ?? '').split(' ').filter((w) => w.length > 2);
    const q = [
      words[words.length - 1],
      i % 3 === 0 && words[0] ? `${words[0]} ${words[1] ?? ''}`.trim() : undefined,
      i % 4 === 0 && words[0] && words[0].length > 4 ? words[0].slice(0, -1) + 'x' : undefined,
      i % 5 === 0 && c.email ? c.email.slice(0, 8) : undefined,
      i % 7 === 0 && c.phone ? c.phone.slice(-6) : undefined,
    ];
    return q.filter((x): x is string => !!x);
  });
  const search = new Samples();
  let found = 0;
  for (const q of queries) {
    const r = await inject('GET', `/api/customers?q=${encodeURIComponent(q)}&limit=20`);
    if ((r.body.items as unknown[]).length) found++;
    search.add(r.ms);
  }

  // ---------- whole-workspace jobs ----------
  const scan = await inject('POST', '/api/customers/duplicates/scan', {});
  const bonds = hasBonds ? await inject('POST', '/api/bonds/recompute', {}).catch((err: Error) => ({ ms: NaN, body: { error: err.message } })) : null;

  const f = (s: Summary) => `${s.p50.toFixed(1)} / ${pct95(s).toFixed(1)} ms`;
  const ratio = (s: Summary) => `×${(pct95(s) / pct95(health.summary())).toFixed(1)}`;
  const rowsOut: Array<[string, string, string]> = [
    ['data', `${customers.toLocaleString('en')} customers, ${messages.toLocaleString('en')} messages (generated in ${generatedS.toFixed(0)} s)`, ''],
    ['baseline: GET /api/auth/me p50 / p95', f(health.summary()), ''],
    [`customer page (${hasBonds ? '4' : '3'} requests in parallel) p50 / p95`, `${f(profile.summary())} (${ratio(profile.summary())})`, met(pct95(profile.summary()) < GOALS.profileP95, `p95 < ${GOALS.profileP95} ms`)],
    [`search (${queries.length} queries, ${found} with results) p50 / p95`, `${f(search.summary())} (${ratio(search.summary())})`, met(pct95(search.summary()) < GOALS.searchP95, `p95 < ${GOALS.searchP95} ms`)],
    ['duplicate scan, whole workspace', `${(scan.ms / 1000).toFixed(1)} s (${JSON.stringify(scan.body)})`, met(scan.ms / 1000 < GOALS.scanS, `< ${GOALS.scanS} s`)],
    ['bond recomputation, whole workspace', bonds ? `${(bonds.ms / 1000).toFixed(1)} s (${JSON.stringify(bonds.body).slice(0, 120)})` : 'no bonds module', bonds ? met(bonds.ms / 1000 < GOALS.bondsS, `< ${GOALS.bondsS} s`) : '—'],
  ];
  console.log('\n| measure | result | goal |\n|---|---|---|');
  for (const [a, b, c] of rowsOut) console.log(`| ${a} | ${b} | ${c} |`);
} finally {
  await app.close();
  await scratch.drop();
}

function pct95(s: Summary): number {
  return s.p95;
}

function met(ok: boolean, goal: string): string {
  return `${ok ? 'met' : '**missed**'} (${goal})`;
}
