import { randomInt, randomUUID } from 'node:crypto';
import { base, en, es, Faker } from '@faker-js/faker';
import type { AppContext } from '../../platform/context.ts';
import type { ConversationStatus, Locale, MessageDirection, MessageEmotion } from '../../platform/db/database.types.ts';
import type { EmotionSensor } from '../../platform/emotion/emotion-sensor.ts';
import { tenantScope, type TenantInsert, type TenantScope, type TenantTable } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { randomToken } from '../../platform/security/tokens.ts';
import { createEmployee } from '../employees/employee.service.ts';
import { createTeam, listTeams } from '../employees/team.service.ts';
import { effectiveEmotion, replayMood } from '../emotion/mood.model.ts';
import { getWorkspace } from '../workspaces/workspace.service.ts';
import { scripts, topicWeights, type DemoTeam, type Script, type Thread, type Topic } from './demo-scripts.data.ts';

export type DemoDataOptions = {
  customers: number;
  seed?: number;
  // rows: every row inserted so far, across tables, for a throughput figure.
  onProgress?: (done: number, total: number, rows: number) => void;
  // Checked between batches, so an interrupted run leaves only whole customers behind.
  signal?: AbortSignal;
};

export type DemoDataResult = { customers: number; conversations: number; messages: number; employees: number };

// ~250 customers make ~2,500 rows: one short transaction, with statements of at most 1,000 rows
// (well under PostgreSQL's 65,535 bind parameters).
const CUSTOMERS_PER_BATCH = 250;
const ROWS_PER_STATEMENT = 1000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const HISTORY_DAYS = 90;

type Agent = { id: string; firstName: string; locale: Locale; team: DemoTeam | null };

type DemoCustomer = { id: string; locale: Locale; sex: 'female' | 'male'; firstName: string; plan: string; identityChannel: string };

type Batch = {
  customers: TenantInsert<'customers'>[];
  identities: TenantInsert<'customer_identities'>[];
  conversations: TenantInsert<'conversations'>[];
  messages: TenantInsert<'messages'>[];
  moods: TenantInsert<'customer_moods'>[];
  moodPoints: TenantInsert<'customer_mood_points'>[];
};

// A customer message with the emotion read from it, kept as an object for the mood replay.
type Sensed = { id: string; at: Date; emotion: MessageEmotion };

type Generator = {
  rng: Faker;
  people: Record<Locale, Faker>;
  now: number;
  agents: Agent[];
  teamIds: Record<DemoTeam, string>;
  emotion?: EmotionSensor;
};

const newFaker = (locale: Locale | 'none', seed: number): Faker => {
  const faker = new Faker({ locale: locale === 'es' ? [es, en, base] : locale === 'en' ? [en, base] : [base] });
  faker.seed(seed);
  return faker;
};

// Three agents support, two sell; Spanish and English speakers in both teams.
const agentPlan: readonly { locale: Locale; team: DemoTeam }[] = [
  { locale: 'es', team: 'Soporte' },
  { locale: 'es', team: 'Soporte' },
  { locale: 'en', team: 'Soporte' },
  { locale: 'es', team: 'Ventas' },
  { locale: 'en', team: 'Ventas' },
];

const emailProviders: Record<Locale, readonly string[]> = {
  es: ['gmail.com', 'hotmail.com', 'yahoo.es', 'outlook.es', 'telefonica.net', 'icloud.com'],
  en: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'hotmail.co.uk', 'aol.com'],
};

const asciiWord = (text: string): string =>
  (text.split(' ')[0] ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

// Replies start in lower case to follow a greeting, and a line may open with a placeholder; both
// need a capital after a full stop. Opening ¿ and ¡ are skipped so Spanish gets it too.
const sentenceCase = (text: string): string =>
  text.replace(/(^|[.!?]\s+)([¿¡"]*)(\p{Ll})/gu, (_, stop: string, lead: string, ch: string) => stop + lead + ch.toUpperCase());

export async function generateDemoData(
  // With an emotion sensor, customer messages get labels and customers a mood, as live ones do.
  ctx: Pick<AppContext, 'db'> & { emotion?: EmotionSensor },
  workspaceId: string,
  opts: DemoDataOptions,
): Promise<DemoDataResult> {
  if (!Number.isInteger(opts.customers) || opts.customers < 0) {
    throw new AppError('validation_failed', `customers must be a whole number of at least 0, got ${opts.customers}`);
  }
  const workspace = await getWorkspace(ctx.db, workspaceId);
  const scope = tenantScope(ctx.db, workspaceId);
  const seed = opts.seed ?? randomInt(0, 2 ** 31);
  const teamIds = await ensureTeams(scope);
  const { agents, created } = await ensureAgents(scope, workspace.slug, teamIds, seed);
  const existing = await scope
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const g: Generator = {
    rng: newFaker('none', seed),
    people: { es: newFaker('es', seed + 1), en: newFaker('en', seed + 2) },
    now: Date.now(),
    agents,
    teamIds,
    emotion: ctx.emotion,
  };

  const result: DemoDataResult = { customers: 0, conversations: 0, messages: 0, employees: created };
  let rows = 0;
  let ordinal = Number(existing.n);
  while (result.customers < opts.customers && !opts.signal?.aborted) {
    const size = Math.min(CUSTOMERS_PER_BATCH, opts.customers - result.customers);
    const batch: Batch = { customers: [], identities: [], conversations: [], messages: [], moods: [], moodPoints: [] };
    for (let i = 0; i < size; i++) addCustomer(g, ++ordinal, batch);
    await scope.transaction(async (trx) => {
      await insertChunked(trx, 'customers', batch.customers);
      await insertChunked(trx, 'customer_identities', batch.identities);
      await insertChunked(trx, 'conversations', batch.conversations);
      await insertChunked(trx, 'messages', batch.messages);
      await insertChunked(trx, 'customer_moods', batch.moods);
      await insertChunked(trx, 'customer_mood_points', batch.moodPoints);
    });
    result.customers += batch.customers.length;
    result.conversations += batch.conversations.length;
    result.messages += batch.messages.length;
    rows += batch.customers.length + batch.identities.length + batch.conversations.length + batch.messages.length + batch.moods.length + batch.moodPoints.length;
    opts.onProgress?.(result.customers, opts.customers, rows);
    // PGlite answers through microtasks alone; without a turn of the event loop here, signal
    // handlers (Ctrl-C) and timers would not run until the whole run is over.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return result;
}

// The same replay live messages go through, so the demo's moods are what real ones would be.
function addMood(customerId: string, sensed: Sensed[], batch: Batch): void {
  if (sensed.length === 0) return;
  // Sorted once here: replayMood returns its steps in time order, so they line up with these points.
  const byTime = sensed.map((m) => ({ id: m.id, at: m.at, ...effectiveEmotion(m.emotion) })).sort((a, b) => a.at.getTime() - b.at.getTime());
  const steps = replayMood(byTime);
  byTime.forEach((p, i) => {
    batch.moodPoints.push({ customer_id: customerId, message_id: p.id, at: p.at, emotion: p.emotion, valence: p.valence, intensity: p.intensity, score: steps[i]!.score });
  });
  const last = steps[steps.length - 1]!;
  batch.moods.push({ customer_id: customerId, score: last.score, trend: last.trend, alert: last.alert, updated_at: last.at });
}

async function insertChunked<T extends TenantTable>(scope: TenantScope, table: T, rows: TenantInsert<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await scope.insertInto(table, rows.slice(i, i + ROWS_PER_STATEMENT)).execute();
  }
}

async function ensureTeams(scope: TenantScope): Promise<Record<DemoTeam, string>> {
  const existing = await listTeams(scope);
  const idOf = async (name: DemoTeam) => existing.find((t) => t.name === name)?.id ?? (await createTeam(scope, name)).id;
  return { Soporte: await idOf('Soporte'), Ventas: await idOf('Ventas') };
}

// A second run in the same workspace reuses the agents of the first instead of adding five more.
async function ensureAgents(
  scope: TenantScope,
  slug: string,
  teamIds: Record<DemoTeam, string>,
  seed: number,
): Promise<{ agents: Agent[]; created: number }> {
  const rows = await scope
    .selectFrom('employees')
    .select(['id', 'name', 'locale', 'team_id'])
    .where('role', '=', 'agent')
    .where('active', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const teamOf = (id: string | null): DemoTeam | null =>
    id === teamIds.Soporte ? 'Soporte' : id === teamIds.Ventas ? 'Ventas' : null;
  const agents: Agent[] = rows.map((r) => ({ id: r.id, firstName: r.name.split(' ')[0] ?? r.name, locale: r.locale, team: teamOf(r.team_id) }));
  const missing = agentPlan.slice(agents.length);
  // Own generators, so whether agents exist already does not shift the customers' names.
  const namers = { es: newFaker('es', seed + 3), en: newFaker('en', seed + 4) };
  for (const plan of missing) {
    const faker = namers[plan.locale];
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const row = await createDemoAgent(scope, {
      name: `${firstName} ${lastName}`,
      // Employee emails are unique across all workspaces; the workspace slug is unique too.
      localPart: `${asciiWord(firstName)}.${asciiWord(lastName)}`,
      domain: `${slug}.vinculo.local`,
      locale: plan.locale,
      teamId: teamIds[plan.team],
    });
    agents.push({ id: row.id, firstName, locale: plan.locale, team: plan.team });
  }
  return { agents, created: missing.length };
}

async function createDemoAgent(
  scope: TenantScope,
  a: { name: string; localPart: string; domain: string; locale: Locale; teamId: string },
): Promise<{ id: string }> {
  for (let attempt = 1; ; attempt++) {
    const email = `${a.localPart}${attempt > 1 ? attempt : ''}@${a.domain}`;
    try {
      return await createEmployee(scope, { email, name: a.name, role: 'agent', locale: a.locale, teamId: a.teamId });
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'conflict') || attempt >= 20) throw err;
    }
  }
}

const logUniform = (rng: Faker, min: number, max: number): number =>
  Math.exp(Math.log(min) + rng.number.float({ min: 0, max: 1 }) * (Math.log(max) - Math.log(min)));

// Draws from a list without repeating itself until the list runs out, so a long conversation
// does not say the same line twice.
function lineCycler(rng: Faker): (list: readonly string[], start?: number) => string {
  const next = new Map<readonly string[], number>();
  return (list, start) => {
    const i = next.get(list) ?? start ?? rng.number.int({ min: 0, max: list.length - 1 });
    next.set(list, i + 1);
    return list[i % list.length] ?? '';
  };
}

// Templates, one per message, alternating customer (even) and employee (odd).
function conversationLines(
  rng: Faker,
  script: Script,
  thread: Thread,
  status: ConversationStatus,
  count: number,
  worsens: boolean,
): string[] {
  const line = lineCycler(rng);
  const opening = rng.number.int({ min: 0, max: thread.openings.length - 1 });
  // In a resolved conversation the customer's last word is how they leave: thanks, or not.
  const farewellAt = status === 'resolved' && count > 2 ? (count % 2 === 1 ? count - 1 : count - 2) : -1;
  const signOff = () =>
    status === 'pending'
      ? line(script.agentPendingAsks)
      : worsens
        ? line(script.agentApologies)
        : (farewellAt > 0 ? line(script.thanksBack) : '') + line(script.agentClosings);
  let followUps = 0;
  let replies = 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const isLast = i === count - 1;
    if (i === 0) out.push(line(thread.openings, opening));
    else if (i === farewellAt) out.push(line(worsens ? script.coldClosings : script.thanks));
    else if (i % 2 === 0 && worsens) out.push(line(script.escalations));
    else if (i % 2 === 0) out.push(followUps++ < thread.followUps.length ? line(thread.followUps) : line(script.nudges));
    else if (i === 1) out.push(line(script.greetings) + line(thread.replies, opening) + (isLast ? ` ${signOff()}` : ''));
    else if (isLast) out.push(signOff());
    else if (worsens) out.push(line(script.agentApologies));
    else if (replies < thread.replies.length && rng.datatype.boolean({ probability: 0.4 })) {
      replies++;
      out.push(line(thread.replies));
    } else out.push(line(script.agentFollowUps));
  }
  return out;
}

function addCustomer(g: Generator, ordinal: number, batch: Batch): void {
  const { rng } = g;
  const locale: Locale = rng.datatype.boolean({ probability: 0.6 }) ? 'es' : 'en';
  const person = g.people[locale];
  const script = scripts[locale];
  const sex = rng.datatype.boolean() ? 'female' : 'male';
  const firstName = person.person.firstName(sex);
  const lastName = person.person.lastName();
  const identityChannel = rng.datatype.boolean({ probability: 0.35 }) ? 'email' : 'web-visitor';
  // The ordinal keeps addresses unique within the workspace, even across repeated runs.
  const email =
    identityChannel === 'email' || rng.datatype.boolean({ probability: 0.45 })
      ? `${rng.helpers.arrayElement([`${asciiWord(firstName)}.${asciiWord(lastName)}`, `${asciiWord(firstName)}${asciiWord(lastName)}`, `${asciiWord(firstName).slice(0, 1)}${asciiWord(lastName)}`])}${ordinal}@${rng.helpers.arrayElement(emailProviders[locale])}`
      : null;
  const phone = rng.datatype.boolean({ probability: locale === 'es' ? 0.7 : 0.5 }) ? person.phone.number({ style: 'international' }) : null;
  const customer: DemoCustomer = {
    id: randomUUID(),
    locale,
    sex,
    firstName: firstName.split(' ')[0] ?? firstName,
    plan: rng.helpers.arrayElement(script.plans),
    identityChannel,
  };

  const count = rng.helpers.weightedArrayElement([
    { value: 1, weight: 55 },
    { value: 2, weight: 30 },
    { value: 3, weight: 15 },
  ]);
  // Skewed towards recent weeks, like a growing business, so the inbox has fresh work in it.
  const starts = Array.from({ length: count }, () => g.now - 5 * MINUTE - HISTORY_DAYS * DAY * rng.number.float({ min: 0, max: 1 }) ** 1.6).sort((a, b) => a - b);
  let firstContact = Number.POSITIVE_INFINITY;
  let lastActivity = 0;
  let lastSeen = 0;
  const sensed: Sensed[] = [];
  starts.forEach((start, i) => {
    const c = addConversation(g, script, customer, start, i === starts.length - 1, batch);
    firstContact = Math.min(firstContact, c.firstMessage);
    lastActivity = Math.max(lastActivity, c.lastActivity);
    lastSeen = Math.max(lastSeen, c.lastInbound);
    sensed.push(...c.sensed);
  });
  addMood(customer.id, sensed, batch);
  const createdAt = new Date(firstContact - rng.number.int({ min: 1_000, max: 10 * MINUTE }));
  batch.customers.push({
    id: customer.id,
    name: `${firstName} ${lastName}`,
    email,
    phone,
    locale,
    attributes: JSON.stringify({ demo: true, city: person.location.city(), country: locale === 'es' ? 'ES' : 'US', plan: customer.plan }),
    created_at: createdAt,
    updated_at: new Date(lastActivity),
    last_seen_at: new Date(lastSeen),
  });
  batch.identities.push({
    customer_id: customer.id,
    channel: identityChannel,
    // Random, not seeded: a second run with the same seed must not collide with the first.
    external_id: identityChannel === 'email' && email ? email : randomToken(12),
    verified: false,
    created_at: createdAt,
  });
}

function pickStatus(g: Generator, start: number, isLatest: boolean): ConversationStatus {
  // Older conversations are settled; only a customer's latest one may still be waiting.
  if (!isLatest) return 'resolved';
  const ageDays = (g.now - start) / DAY;
  const [open, pending] = ageDays > 14 ? [4, 6] : ageDays > 2 ? [25, 25] : [55, 25];
  return g.rng.helpers.weightedArrayElement<ConversationStatus>([
    { value: 'open', weight: open },
    { value: 'pending', weight: pending },
    { value: 'resolved', weight: 100 - open - pending },
  ]);
}

function pickAgent(g: Generator, team: DemoTeam, locale: Locale): Agent | null {
  const inTeam = g.agents.filter((a) => a.team === team);
  const speakers = inTeam.filter((a) => a.locale === locale);
  const pool = speakers.length > 0 && g.rng.datatype.boolean({ probability: 0.8 }) ? speakers : inTeam.length > 0 ? inTeam : g.agents;
  return pool.length > 0 ? g.rng.helpers.arrayElement(pool) : null;
}

function addConversation(
  g: Generator,
  script: Script,
  customer: DemoCustomer,
  start: number,
  isLatest: boolean,
  batch: Batch,
): { firstMessage: number; lastActivity: number; lastInbound: number; sensed: Sensed[] } {
  const { rng } = g;
  const topicKey = rng.helpers.weightedArrayElement(topicWeights);
  const topic: Topic = script.topics[topicKey];
  const status = pickStatus(g, start, isLatest);
  // Open waits on us (ends with the customer), pending waits on the customer (ends with us).
  const count = rng.helpers.arrayElement(status === 'open' ? [3, 3, 5, 7] : status === 'pending' ? [2, 4, 4, 6, 8] : [2, 3, 4, 4, 5, 6, 7, 8]);
  const worsens = topic.tone === 'negative' && rng.datatype.boolean({ probability: 0.3 });
  const channel =
    customer.identityChannel === 'email'
      ? rng.helpers.weightedArrayElement([{ value: 'email', weight: 70 }, { value: 'whatsapp', weight: 15 }, { value: 'web', weight: 15 }])
      : rng.helpers.weightedArrayElement([{ value: 'web', weight: 55 }, { value: 'whatsapp', weight: 30 }, { value: 'telegram', weight: 15 }]);
  const agent = pickAgent(g, topic.team, customer.locale);
  const unassigned = status === 'open' && rng.datatype.boolean({ probability: 0.2 });

  const cents = rng.number.int({ min: 0, max: 99 }).toString().padStart(2, '0');
  const euros = rng.number.int({ min: 9, max: 249 });
  const vars: Record<string, string> = {
    name: customer.firstName,
    agent: agent?.firstName ?? (customer.locale === 'es' ? 'el equipo' : 'the team'),
    order: `#${rng.number.int({ min: 10_000, max: 99_999 })}`,
    amount: customer.locale === 'es' ? `${euros},${cents} €` : `$${euros}.${cents}`,
    days: String(rng.number.int({ min: 3, max: 15 })),
    product: rng.helpers.arrayElement(script.products),
    plan: customer.plan,
  };
  const fill = (template: string): string =>
    sentenceCase(template.replace(/\{(\w+)\}/g, (m, key: string) => vars[key] ?? m).replaceAll('[o/a]', customer.sex === 'female' ? 'a' : 'o'));
  const times: number[] = [start];
  for (let i = 1; i < count; i++) {
    const previous = times[i - 1] ?? start;
    // i odd: our reply (minutes to hours); i even: the customer answering us (minutes to days).
    times.push(previous + Math.round(i % 2 === 1 ? logUniform(rng, 2 * MINUTE, 8 * HOUR) : logUniform(rng, MINUTE, 2 * DAY)));
  }
  const lastMessage = times[times.length - 1] ?? start;
  let resolvedAt = status === 'resolved' ? lastMessage + Math.round(logUniform(rng, MINUTE, 2 * HOUR)) : null;
  // A conversation that started near "now" would end in the future: slide it back.
  const overshoot = (resolvedAt ?? lastMessage) - (g.now - MINUTE);
  if (overshoot > 0) {
    for (let i = 0; i < times.length; i++) times[i] = (times[i] ?? start) - overshoot;
    if (resolvedAt !== null) resolvedAt -= overshoot;
  }

  const conversationId = randomUUID();
  const thread = rng.helpers.arrayElement(topic.threads);
  const lines = conversationLines(rng, script, thread, status, count, worsens);
  let lastInbound = 0;
  const sensed: Sensed[] = [];
  times.forEach((at, i) => {
    const inbound = i % 2 === 0;
    if (inbound) lastInbound = at;
    const direction: MessageDirection = inbound ? 'inbound' : 'outbound';
    const text = fill(lines[i] ?? '');
    const id = randomUUID();
    const emotion = inbound && g.emotion ? g.emotion.sense(text) : null;
    if (emotion) sensed.push({ id, at: new Date(at), emotion });
    batch.messages.push({
      id,
      conversation_id: conversationId,
      direction,
      author_type: inbound ? 'customer' : 'employee',
      author_id: inbound ? customer.id : (agent?.id ?? null),
      text,
      emotion: emotion ? JSON.stringify(emotion) : null,
      created_at: new Date(at),
    });
  });

  const first = times[0] ?? start;
  const last = times[times.length - 1] ?? start;
  batch.conversations.push({
    id: conversationId,
    customer_id: customer.id,
    channel,
    status,
    assignee_id: unassigned ? null : (agent?.id ?? null),
    team_id: g.teamIds[topic.team],
    subject: channel === 'email' ? fill(thread.subject) : null,
    created_at: new Date(first),
    updated_at: new Date(resolvedAt ?? last),
    last_message_at: new Date(last),
    resolved_at: resolvedAt === null ? null : new Date(resolvedAt),
  });
  return { firstMessage: first, lastActivity: resolvedAt ?? last, lastInbound, sensed };
}
