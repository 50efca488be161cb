import type { Principal } from '../../platform/http/principal.ts';
import type { MessageAuthor } from './message.service.ts';

// Who wrote a message, from whoever is authenticated: a visitor, an employee, or an integration's token.
export const authorOf = (p: Principal): MessageAuthor =>
  p.kind === 'visitor'
    ? { type: 'customer', customerId: p.customerId }
    : p.employeeId
      ? { type: 'employee', employeeId: p.employeeId }
      : { type: 'integration', tokenId: p.apiTokenId ?? null };
