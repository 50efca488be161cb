import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';
import type { EmployeePrincipal, PrincipalResolver, VisitorPrincipal } from './principal.ts';
import { safeEqual } from '../security/tokens.ts';

export const SESSION_COOKIE = 'vinculo_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearer(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  // Browsers cannot set headers on a WebSocket upgrade, so only sockets may pass the token in the URL.
  if (req.headers.upgrade?.toLowerCase() !== 'websocket') return undefined;
  const query = req.query as Record<string, unknown> | undefined;
  return typeof query?.token === 'string' ? query.token : undefined;
}

async function resolveEmployee(req: FastifyRequest, resolver: PrincipalResolver): Promise<EmployeePrincipal> {
  const token = bearer(req);
  if (token?.startsWith('vk_')) {
    const principal = await resolver.fromApiToken(token);
    if (!principal) throw new AppError('unauthorized', 'The API token is invalid or revoked');
    return principal;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) throw new AppError('unauthorized', 'Sign in first, or send an API token as "Authorization: Bearer vk_…"');
  const principal = await resolver.fromSession(cookie);
  if (!principal) throw new AppError('unauthorized', 'Your session has expired; sign in again');
  if (UNSAFE.has(req.method)) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !principal.csrfToken || !safeEqual(sent, principal.csrfToken)) {
      throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header (GET /api/auth/me returns it)');
    }
  }
  return principal;
}

async function resolveVisitor(req: FastifyRequest, resolver: PrincipalResolver): Promise<VisitorPrincipal> {
  const token = bearer(req);
  if (!token) throw new AppError('unauthorized', 'Send the visitor token from POST /api/widget/session as a Bearer token');
  const principal = await resolver.fromVisitorToken(token);
  if (!principal) throw new AppError('unauthorized', 'The visitor token is invalid');
  return principal;
}

// Routes declare `config: { auth, roles }`; the principal is resolved before the body is read.
export function registerAuth(app: FastifyInstance, resolver: PrincipalResolver): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    const config = req.routeOptions.config;
    const auth = config?.auth ?? 'public';
    if (auth === 'public') return;
    if (auth === 'visitor') {
      req.principal = await resolveVisitor(req, resolver);
      return;
    }
    const principal = await resolveEmployee(req, resolver);
    if (config?.roles && !config.roles.includes(principal.role)) {
      throw new AppError('forbidden', `This needs one of the roles: ${config.roles.join(', ')}`);
    }
    req.principal = principal;
  });
}

export function employeeOf(req: FastifyRequest): EmployeePrincipal {
  if (req.principal?.kind !== 'employee') throw new AppError('unauthorized', 'Employee authentication required');
  return req.principal;
}

export function visitorOf(req: FastifyRequest): VisitorPrincipal {
  if (req.principal?.kind !== 'visitor') throw new AppError('unauthorized', 'Visitor authentication required');
  return req.principal;
}
