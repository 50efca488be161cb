import type { Role } from '../db/database.types.ts';

export type EmployeePrincipal = {
  kind: 'employee';
  workspaceId: string;
  employeeId: string | null;
  role: Role;
  via: 'session' | 'api_token';
  sessionId?: string;
  csrfToken?: string;
  apiTokenId?: string;
};

export type VisitorPrincipal = {
  kind: 'visitor';
  workspaceId: string;
  customerId: string;
  visitorId: string;
  verified: boolean;
  // The customer identity the visitor speaks through; its current owner is the customer, so a
  // merge or unmerge takes the visitor along.
  identityId?: string;
};

export type Principal = EmployeePrincipal | VisitorPrincipal;

export type AuthRequirement = 'public' | 'employee' | 'visitor';

export type PrincipalResolver = {
  fromSession(sessionToken: string): Promise<EmployeePrincipal | null>;
  fromApiToken(token: string): Promise<EmployeePrincipal | null>;
  fromVisitorToken(token: string): Promise<VisitorPrincipal | null>;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthRequirement;
    roles?: Role[];
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}
