import { z } from 'zod';

export type VisitorClient = { token: string; conversationId: string };
export type BenchTarget = { employeeToken: string; visitors: VisitorClient[] };

const REQUEST_TIMEOUT_MS = 30_000;

type Progress = (label: string, done: number, total: number) => void;

/** Runs fn over items with at most `limit` in flight; the first failure stops new work and rejects. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>, onDone?: (done: number) => void): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i] as T, i);
      } catch (err) {
        failed = true;
        throw err;
      }
      onDone?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function progressPrinter(): Progress {
  let lastStep = -1;
  return (label, done, total) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r  ${label}: ${done}/${total}${done === total ? '\n' : ''}`);
      return;
    }
    // Not a terminal (CI, a log file): a line per quarter is enough.
    const step = Math.floor((done / total) * 4);
    if (step !== lastStep) {
      lastStep = step;
      process.stderr.write(`  ${label}: ${done}/${total}\n`);
    }
  };
}

async function call<S extends z.ZodType>(base: string, path: string, schema: S, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ body: z.infer<S>; headers: Headers }> {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status}: ${text.slice(0, 300)}`);
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${path}: unexpected response ${text.slice(0, 300)}`);
  return { body: parsed.data, headers: res.headers };
}

export type SetupOptions = {
  baseUrl: string;
  adminEmail: string;
  adminPassword: string;
  visitors: number;
  concurrency: number;
  runTag: string;
  progress: Progress;
};

// Everything a real deployment would have before the load: an agent API token for the employee
// sockets, and for each visitor a widget session with an open conversation.
export async function setupVinculo(o: SetupOptions): Promise<BenchTarget> {
  const login = await call(o.baseUrl, '/api/auth/login', z.object({ csrfToken: z.string() }), {
    method: 'POST',
    body: { email: o.adminEmail, password: o.adminPassword },
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const session = { cookie, 'x-csrf-token': login.body.csrfToken };
  // One token serves all employee sockets: each socket is still its own hub subscriber.
  const token = await call(o.baseUrl, '/api/api-tokens', z.object({ token: z.string().startsWith('vk_') }), {
    method: 'POST',
    headers: session,
    body: { name: `bench ${o.runTag}`, role: 'agent' },
  });
  const workspace = await call(o.baseUrl, '/api/workspace', z.object({ publicKey: z.string() }), { headers: session });

  const indexes = Array.from({ length: o.visitors }, (_, i) => i);
  const visitors = await mapLimit(
    indexes,
    o.concurrency,
    async (i) => {
      const s = await call(o.baseUrl, '/api/widget/session', z.object({ visitorToken: z.string() }), {
        method: 'POST',
        body: { workspace: workspace.body.publicKey },
      });
      const c = await call(o.baseUrl, '/api/widget/conversations', z.object({ conversation: z.object({ id: z.string() }) }), {
        method: 'POST',
        headers: { authorization: `Bearer ${s.body.visitorToken}` },
        body: { text: `bench visitor ${i}`, idempotencyKey: `setup-${o.runTag}-${i}` },
      });
      return { token: s.body.visitorToken, conversationId: c.body.conversation.id };
    },
    (done) => o.progress('visitor sessions + conversations', done, o.visitors),
  );
  return { employeeToken: token.body.token, visitors };
}

/** The floor accepts anything; ids only have to look like Vínculo's. */
export function floorTarget(visitors: number): BenchTarget {
  return {
    employeeToken: 'vk_floor',
    visitors: Array.from({ length: visitors }, () => ({ token: 'floor', conversationId: crypto.randomUUID() })),
  };
}
