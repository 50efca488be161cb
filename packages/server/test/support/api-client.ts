import type { InjectOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import { tenantScope } from '../../src/platform/db/tenant-scope.ts';
import { createEmployee } from '../../src/modules/employees/employee.service.ts';
import { createWorkspace } from '../../src/modules/workspaces/workspace.service.ts';
import type { App } from '../../src/app.ts';
import type { Role } from '../../src/platform/db/database.types.ts';

export type Session = { cookie: string; csrf: string; employeeId: string; workspaceId: string; email: string };
export type Reply = { status: number; body: any; headers: Record<string, unknown> };

export const PASSWORD = 'correct horse battery';

export async function call(app: App, method: InjectOptions['method'], url: string, opts: { session?: Session; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.session) {
    headers.cookie = opts.session.cookie;
    headers['x-csrf-token'] = opts.session.csrf;
  }
  const res = await app.server.inject({ method, url, headers, ...(opts.body === undefined ? {} : { payload: opts.body as object }) });
  const text = res.body;
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.statusCode, body, headers: res.headers };
}

export async function login(app: App, email: string, password = PASSWORD): Promise<Session> {
  const res = await app.server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'vinculo_session');
  const body = res.json() as { csrfToken: string; employee: { id: string } };
  const me = await app.server.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `vinculo_session=${cookie!.value}` } });
  return { cookie: `vinculo_session=${cookie!.value}`, csrf: body.csrfToken, employeeId: body.employee.id, workspaceId: (me.json() as { workspace: { id: string } }).workspace.id, email };
}

export type Tenant = { workspaceId: string; publicKey: string; identitySecret: string; admin: Session };

// A fresh workspace with a signed-in admin; emails are unique per call since they are global.
export async function createTenant(app: App, name = 'Acme'): Promise<Tenant> {
  const ws = await createWorkspace(app.ctx.db, { name });
  const email = `admin-${randomUUID().slice(0, 8)}@example.test`;
  await createEmployee(tenantScope(app.ctx.db, ws.id), { email, name: `${name} Admin`, role: 'admin', password: PASSWORD });
  return { workspaceId: ws.id, publicKey: ws.public_key, identitySecret: ws.identity_secret, admin: await login(app, email) };
}

export async function addEmployee(app: App, tenant: Tenant, role: Role): Promise<Session> {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const res = await call(app, 'POST', '/api/employees', { session: tenant.admin, body: { email, name: `A ${role}`, role, password: PASSWORD } });
  if (res.status !== 201) throw new Error(`add employee failed: ${res.status} ${JSON.stringify(res.body)}`);
  return login(app, email);
}

export type Visitor = { token: string; customerId: string };

export async function visitor(app: App, publicKey: string, extra: Record<string, unknown> = {}): Promise<Visitor> {
  const res = await call(app, 'POST', '/api/widget/session', { body: { workspace: publicKey, ...extra } });
  if (res.status !== 200) throw new Error(`visitor session failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.visitorToken, customerId: res.body.customerId };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function startConversation(app: App, v: Visitor, text = 'Hola, necesito ayuda') {
  const res = await call(app, 'POST', '/api/widget/conversations', { headers: bearer(v.token), body: { text, idempotencyKey: randomUUID() } });
  if (res.status !== 201) throw new Error(`start conversation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { conversation: { id: string }; message: { id: string } };
}
