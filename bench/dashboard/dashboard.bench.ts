// KPI dashboard at scale, on PostgreSQL: a workspace with --customers customers, about --messages
// messages (4 per conversation, with emotions and mood points), --answers survey answers, exits,
// suggestions and bonds, generated set-based with generate_series. Then every chart's request
// (GET /api/kpis/:kpi through the real HTTP stack, fastify inject) is timed --runs times with varied
// periods, granularities and filters, and the click-through list behind a point too.
//
//   scripts/with-postgres.sh npm run -s bench:dashboard -- [--customers 100000] [--messages 1000000] [--answers 50000] [--runs 40]
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql, type RawBuilder } from 'kysely';
import { buildApp } from '../../packages/server/src/app.ts';
import { KPIS, type KpiName } from '../../packages/server/src/modules/kpis/kpi.schema.ts';
import { loadConfig } from '../../packages/server/src/platform/config/config.ts';
import { createTenant } from '../../packages/server/test/support/api-client.ts';
import { createScratchDatabase } from '../../packages/server/test/support/scratch-database.ts';
import { tempDir } from '../../packages/server/test/support/test-app.ts';
import { Samples, type Summary } from '../realtime/samples.ts';

const { values: args } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    messages: { type: 'string', default: '1000000' },
    answers: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '40' },
    explain: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(`scripts/with-postgres.sh npm run -s bench:dashboard -- [--customers 100000] [--messages 1000000] [--answers 50000] [--runs 40] [--explain ms]
--keep: leave the generated database for a look with psql (its name is printed).
--explain ms: print PostgreSQL's plans (auto_explain, with timings) of statements slower than that, to see where the time goes.`);
  process.exit(0);
}
const CUSTOMERS = Number(args.customers);
const CONVERSATIONS = Math.round(Number(args.messages) / 4);

const ANSWERS = Number(args.answers);
const RUNS = Number(args.runs);
const EMPLOYEES = 40;
const TEAMS = 5;
const GOAL_P95_MS = 200;
const CHANNELS = ['web', 'email', 'whatsapp', 'telegram', 'sms'];
const DAY = 86_400_000;

const admin = process.env.TEST_DATABASE_URL;
if (!admin) {
  console.error('PostgreSQL needed: run under scripts/with-postgres.sh (or set TEST_DATABASE_URL)');
  process.exit(2);
}

const scratch = await createScratchDatabase(admin, 'vinculo_bench_dashboard');
if (args.explain) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  for (const setting of [`session_preload_libraries = 'auto_explain'`, `auto_explain.log_min_duration = ${Number(args.explain)}`, 'auto_explain.log_analyze = on', 'auto_explain.log_buffers = on'])
    await client.query(`alter database ${scratch.name} set ${setting}`);
  await client.end();
}
const app = await buildApp(
  loadConfig({ LOG_LEVEL: 'silent', VINCULO_DEMO: 'false', VINCULO_SMTP_PORT: 'off', DATABASE_URL: scratch.url, VINCULO_DATA_DIR: tempDir('vinculo-bench-dashboard-'), VINCULO_LOGIN_ATTEMPTS_PER_MINUTE: '1000' }),
  { logger: false },
);
const db = app.ctx.db;
const started = performance.now();
const step = async (label: string, statement: RawBuilder<unknown>) => {
  const t = performance.now();
  const r = await statement.execute(db);
  process.stderr.write(`  ${label}: ${Number(r.numAffectedRows ?? 0).toLocaleString('en')} rows in ${((performance.now() - t) / 1000).toFixed(1)} s (${((performance.now() - started) / 1000).toFixed(0)} s so far)\n`);
};

try {
  const tenant = await createTenant(app, 'Bench');
  const w = tenant.workspaceId;
  const cookie = tenant.admin.cookie;

  // ---------- data ----------
  process.stderr.write('generating:\n');
  await step('teams', sql`insert into teams (workspace_id, name) select ${w}, 'Team ' || i from generate_series(1, ${TEAMS}) i`);
  await step(
    'employees',
    sql`insert into employees (workspace_id, email, name, role, team_id)
      select ${w}, 'agent' || i || '@bench.test', 'Agent ' || i, 'agent', (select t.id from teams t where t.workspace_id = ${w} order by t.name offset (i % ${TEAMS}) limit 1)
      from generate_series(1, ${EMPLOYEES}) i`,
  );
  for (let from = 1; from <= CUSTOMERS; from += 25_000) {
    const to = Math.min(CUSTOMERS, from + 24_999);
    await step(
      `customers ${from.toLocaleString('en')}–${to.toLocaleString('en')}`,
      sql`insert into customers (workspace_id, name, created_at, updated_at)
        select ${w}, 'Customer ' || i, now() - random() * interval '730 days', now() from generate_series(${from}::int, ${to}::int) i`,
    );
  }
  // Conversations over the last year, each for a random customer; 80 % resolved within 3 days.
  await step(
    'conversations',
    sql`insert into conversations (workspace_id, customer_id, channel, assignee_id, team_id, status, created_at, updated_at, resolved_at)
      select ${w}, c.ids[x.c], x.channel, e.ids[x.k], e.teams[x.k], case when x.resolved then 'resolved' else 'open' end, x.at, x.at,
        case when x.resolved then least(now(), x.at + x.hours * interval '1 hour') end
      from (
        select 1 + floor(random() * ${CUSTOMERS})::int as c, (${sql.val(CHANNELS)}::text[])[1 + floor(random() * ${CHANNELS.length})::int] as channel,
          1 + floor(random() * ${EMPLOYEES})::int as k, now() - random() * interval '365 days' as at, random() < 0.8 as resolved, random() * 72 as hours
        from generate_series(1, ${CONVERSATIONS}) i
      ) x
      cross join (select array_agg(id) as ids from customers where workspace_id = ${w}) c
      cross join (select array_agg(id order by id) as ids, array_agg(team_id order by id) as teams from employees where workspace_id = ${w}) e`,
  );
  // Four messages per conversation: customer, reply, customer, reply. 8 % of the customer's carry an alert.
  for (let month = 0; month < 12; month++) {
    await step(
      `messages, month ${month + 1} of 12`,
      sql`insert into messages (workspace_id, conversation_id, direction, author_type, author_id, text, created_at, emotion)
        select ${w}, x.id, case when x.j % 2 = 1 then 'inbound' else 'outbound' end, case when x.j % 2 = 1 then 'customer' else 'employee' end,
          case when x.j % 2 = 0 then x.assignee_id end, 'bench message ' || x.j,
          x.created_at + case x.j when 1 then interval '0' when 2 then x.r2 * interval '2 hours' when 3 then interval '3 hours' else interval '3 hours' + x.r2 * interval '1 hour' end,
          case when x.j % 2 = 1 then jsonb_build_object(
            'emotion', case when x.r < 0.08 then 'anger' when x.r < 0.3 then 'sadness' when x.r < 0.6 then 'neutral' else 'joy' end,
            'polarity', case when x.r < 0.3 then 'negative' when x.r < 0.6 then 'neutral' else 'positive' end,
            'valence', case when x.r < 0.3 then -0.7 when x.r < 0.6 then 0 else 0.6 end,
            'intensity', 0.5, 'alert', x.r < 0.08, 'language', 'es', 'supported', true, 'probabilities', '{}'::jsonb, 'cues', '[]'::jsonb, 'model', 'bench') end
        from (
          select c.id, c.assignee_id, c.created_at, j, random() as r, random() as r2
          from conversations c cross join generate_series(1, 4) j
          where c.workspace_id = ${w} and c.created_at >= now() - ${12 - month} * interval '1 month' - interval '10 days'
            and c.created_at < case when ${month} = 11 then now() + interval '1 day' else now() - ${11 - month} * interval '1 month' - interval '10 days' end
        ) x`,
    );
  }
  await step(
    'mood points (one per customer message)',
    sql`insert into customer_mood_points (workspace_id, customer_id, message_id, at, emotion, valence, intensity, score)
      select ${w}, c.customer_id, m.id, m.created_at, m.emotion ->> 'emotion', (m.emotion ->> 'valence')::real, 0.5,
        greatest(-1, least(1, (m.emotion ->> 'valence')::real * 0.7 + random() * 0.4 - 0.2))
      from messages m join conversations c on c.workspace_id = m.workspace_id and c.id = m.conversation_id
      where m.workspace_id = ${w} and m.author_type = 'customer'`,
  );
  await step(
    'suggestions (on alerting messages: half accepted, a third dismissed)',
    sql`insert into suggestions (workspace_id, playbook_name, customer_id, conversation_id, status, locale, actions, reason, trigger_message_id, triggered_at, last_message_id, last_triggered_at, decided_at, decided_by)
      select ${w}, '{"es":"P","en":"P"}', x.customer_id, x.conversation_id, x.status, 'es', '[]', '[]', x.id, x.created_at, x.id, x.created_at,
        case when x.status <> 'open' then x.created_at + x.r2 * interval '30 minutes' end, case when x.status <> 'open' then x.assignee_id end
      from (
        select m.id, m.created_at, c.customer_id, m.conversation_id, c.assignee_id, random() as r2,
          case when random() < 0.5 then 'accepted' when random() < 0.6 then 'dismissed' else 'open' end as status
        from messages m join conversations c on c.workspace_id = m.workspace_id and c.id = m.conversation_id
        where m.workspace_id = ${w} and m.author_type = 'customer' and (m.emotion ->> 'alert')::boolean and random() < 0.5
      ) x`,
  );
  await step(
    'surveys (resolved conversations)',
    sql`insert into surveys (workspace_id, kind, customer_id, conversation_id, employee_ids, status, locale, questions, due_at, expires_at)
      select ${w}, 'conversation', c.customer_id, c.id, case when c.assignee_id is null then '{}' else array[c.assignee_id] end, 'answered', 'es', '[]', c.resolved_at, c.resolved_at + interval '14 days'
      from conversations c where c.workspace_id = ${w} and c.resolved_at is not null order by random() limit ${ANSWERS}`,
  );
  await step(
    'survey answers (CSAT always, NPS 70 %, CES 50 %)',
    sql`insert into survey_responses (workspace_id, survey_id, kind, customer_id, conversation_id, employee_ids, csat, nps, ces, low, answered_at)
      select ${w}, s.id, 'conversation', s.customer_id, s.conversation_id, s.employee_ids, x.csat, case when random() < 0.7 then floor(random() * 11)::int end,
        case when random() < 0.5 then 1 + floor(random() * 7)::int end, x.csat <= 2, least(now(), s.due_at + random() * interval '2 days')
      from surveys s cross join lateral (select 1 + floor(random() * 5 + 0 * length(s.id::text))::int as csat) x
      where s.workspace_id = ${w} and s.kind = 'conversation'`,
  );
  await step(
    'exits (3 % of customers, 60 % say why)',
    sql`with picked as (select id, now() - random() * interval '365 days' as at from customers where workspace_id = ${w} and random() < 0.03),
      s as (insert into surveys (workspace_id, kind, customer_id, status, locale, questions, due_at, expires_at)
            select ${w}, 'exit', id, 'answered', 'es', '[]', at, at + interval '14 days' from picked returning id, customer_id, due_at),
      x as (insert into customer_exits (workspace_id, customer_id, at, survey_id, actor_type) select ${w}, customer_id, due_at, id, 'integration' from s returning survey_id, customer_id, at)
      insert into survey_responses (workspace_id, survey_id, kind, customer_id, answers, answered_at)
      select ${w}, survey_id, 'exit', customer_id,
        jsonb_build_object('reason', (array['moved_away','price','product_or_service','staff_treatment','competitor','followed_employee','other'])[1 + floor(random() * 7)::int]),
        least(now(), at + interval '1 day')
      from x where random() < 0.6`,
  );
  await step(
    'bonds (customer × assignee)',
    sql`insert into bonds (workspace_id, customer_id, employee_id, score, components, updated_at)
      select ${w}, customer_id, assignee_id, random() * 10, '{}', now() - random() * interval '60 days'
      from (select distinct customer_id, assignee_id from conversations where workspace_id = ${w} and assignee_id is not null) p`,
  );
  // What autovacuum does soon after a bulk load: statistics, and the visibility map index-only scans need.
  await sql`vacuum analyze`.execute(db);
  const counts = (
    await sql<Record<string, number>>`select
      (select count(*) from customers where workspace_id = ${w})::int as customers, (select count(*) from conversations where workspace_id = ${w})::int as conversations,
      (select count(*) from messages where workspace_id = ${w})::int as messages, (select count(*) from survey_responses where workspace_id = ${w} and kind = 'conversation')::int as answers,
      (select count(*) from customer_exits where workspace_id = ${w})::int as exits, (select count(*) from suggestions where workspace_id = ${w})::int as suggestions,
      (select count(*) from customer_mood_points where workspace_id = ${w})::int as mood_points, (select count(*) from bonds where workspace_id = ${w})::int as bonds`.execute(db)
  ).rows[0]!;
  const generatedS = (performance.now() - started) / 1000;
  process.stderr.write(`generated in ${generatedS.toFixed(0)} s: ${JSON.stringify(counts)}\n`);

  // ---------- timings ----------
  const teams = (await sql<{ id: string }>`select id from teams where workspace_id = ${w}`.execute(db)).rows.map((r) => r.id);
  const employees = (await sql<{ id: string }>`select id from employees where workspace_id = ${w} and role = 'agent'`.execute(db)).rows.map((r) => r.id);
  const inject = async (url: string) => {
    const t = performance.now();
    const res = await app.server.inject({ method: 'GET', url, headers: { cookie } });
    const ms = performance.now() - t;
    if (res.statusCode !== 200) throw new Error(`GET ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
    return { ms, body: res.json() as { points: Array<{ key: string; counts: Record<string, number | null> }> } };
  };
  const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  // Run i: a period of 30 days by day, 90 by week or 365 by month, ending up to 60 days ago; no
  // filter, a team, a channel or an employee in turn (bonds: no channel).
  const queryOf = (kpi: KpiName, i: number) => {
    const [days, granularity] = ([[30, 'day'], [90, 'week'], [365, 'month']] as const)[i % 3]!;
    const end = Date.now() - Math.floor(Math.random() * 60) * DAY;
    const filter = i % 4 === 1 ? `&teamId=${teams[i % teams.length]}` : i % 4 === 2 && kpi !== 'bond_concentration' ? `&channel=${CHANNELS[i % CHANNELS.length]}` : i % 4 === 3 ? `&employeeId=${employees[i % employees.length]}` : '';
    return `from=${isoDay(end - (days - 1) * DAY)}&to=${isoDay(end)}&granularity=${granularity}${filter}`;
  };
  // Baseline: the cheapest authenticated request, through the same stack (shows how loaded the machine is).
  const baseline = new Samples();
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await app.server.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    baseline.add(performance.now() - t);
  }
  const charts = new Map<KpiName, Samples>();
  const items = new Samples();
  for (const kpi of KPIS) {
    await inject(`/api/kpis/${kpi}?${queryOf(kpi, 0)}`); // warm-up, not counted
    const samples = new Samples();
    for (let i = 0; i < RUNS; i++) {
      const q = queryOf(kpi, i);
      const r = await inject(`/api/kpis/${kpi}?${q}`);
      samples.add(r.ms);
      // Every fourth run, also the list behind the chart's fullest point (what a click asks).
      if (i % 4 === 0 && r.body.points.length) {
        const weight = (p: { counts: Record<string, number | null> }) => Object.values(p.counts).reduce<number>((a, b) => a + (typeof b === 'number' ? b : 0), 0);
        const point = r.body.points.reduce((a, b) => (weight(b) > weight(a) ? b : a));
        items.add((await inject(`/api/kpis/${kpi}/items?${q}&point=${point.key}&limit=50`)).ms);
      }
    }
    charts.set(kpi, samples);
    const s = samples.summary();
    process.stderr.write(`  ${kpi}: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms\n`);
  }

  const f = (s: Summary) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} ms`;
  const met = (s: Summary) => (s.p95 < GOAL_P95_MS ? `met (p95 < ${GOAL_P95_MS} ms)` : `**missed** (p95 < ${GOAL_P95_MS} ms)`);
  console.log(`\ndata: ${Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en')} ${k.replace('_', ' ')}`).join(', ')} (generated in ${generatedS.toFixed(0)} s)`);
  console.log(`\n| chart (${RUNS} requests each, varied period/granularity/filter) | p50 / p95 | goal |\n|---|---|---|`);
  console.log(`| baseline: GET /api/auth/me | ${f(baseline.summary())} | |`);
  for (const [kpi, s] of charts) console.log(`| ${kpi} | ${f(s.summary())} | ${met(s.summary())} |`);
  console.log(`| items behind a point (${items.count} requests, all charts) | ${f(items.summary())} | ${met(items.summary())} |`);
  if (args.explain) {
    // The server's log sits beside its data directory (scripts/with-postgres.sh); the plans of the timed requests only.
    const log = await sql<{ text: string }>`select pg_read_file(current_setting('data_directory') || '/../log') as text`.execute(db);
    const plans = log.rows[0]!.text.split(/\n(?=\S)/).filter((entry) => entry.includes('duration:') && entry.includes('Query Text'));
    console.log(`\n${plans.length} plans over ${args.explain} ms:\n`);
    for (const plan of plans.slice(-60)) console.log(plan, '\n');
  }
} finally {
  await app.close();
  if (args.keep) process.stderr.write(`kept: ${scratch.url}\n`);
  else await scratch.drop();
}
