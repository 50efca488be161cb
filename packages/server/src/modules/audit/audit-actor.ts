import type { Principal } from '../../platform/http/principal.ts';
import type { AuditActor } from './audit.service.ts';

export function actorOf(principal: Principal): AuditActor {
  if (principal.kind === 'visitor') return { type: 'visitor', id: principal.customerId };
  if (principal.via === 'api_token') return { type: 'api_token', id: principal.apiTokenId ?? null };
  return { type: 'employee', id: principal.employeeId };
}
