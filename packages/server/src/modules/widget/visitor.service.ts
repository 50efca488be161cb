import type { Db } from '../../platform/db/database.ts';
import { executeNamed } from '../../platform/db/prepared-statements.ts';
import { tenantScope, type TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { VisitorPrincipal } from '../../platform/http/principal.ts';
import { hmacHex, randomToken, safeEqual, signToken, verifyToken } from '../../platform/security/tokens.ts';
import { resolveCustomerByIdentity, touchCustomer, updateCustomer, type CustomerProfile } from '../customers/customer.service.ts';
import { identityConflictPair, proposeDuplicates } from '../customers/duplicate.service.ts';
import { findIdentity } from '../customers/identity.service.ts';
import { normaliseEmail } from '../customers/identity-value.ts';
import { findWorkspaceByPublicKey, toWorkspaceView } from '../workspaces/workspace.service.ts';

export type VisitorSessionInput = {
  workspace: string;
  visitorToken?: string;
  identity?: { userId: string; userHash: string };
  profile: CustomerProfile;
};

export function signVisitorToken(secret: string, p: Omit<VisitorPrincipal, 'kind'>): string {
  return signToken(secret, { w: p.workspaceId, c: p.customerId, v: p.visitorId, vf: p.verified ? 1 : 0, ...(p.identityId ? { i: p.identityId } : {}), iat: Math.floor(Date.now() / 1000) });
}

export function principalFromVisitorToken(secret: string, token: string): VisitorPrincipal | null {
  const p = verifyToken(secret, token);
  if (!p || typeof p.w !== 'string' || typeof p.c !== 'string' || typeof p.v !== 'string') return null;
  return { kind: 'visitor', workspaceId: p.w, customerId: p.c, visitorId: p.v, verified: p.vf === 1, ...(typeof p.i === 'string' ? { identityId: p.i } : {}) };
}

// The customer a token speaks for now: the owner of its identity (which a merge moves), or for older
// tokens without one, the customer at the end of its merges.
async function currentCustomerOf(scope: TenantScope, p: VisitorPrincipal): Promise<string> {
  if (p.identityId) {
    // On every request of a visitor: named, so it is planned once per connection, not each time.
    const [identity] = await executeNamed(scope.db, scope.selectFrom('customer_identities').select('customer_id').where('id', '=', p.identityId).compile());
    if (identity) return identity.customer_id;
  }
  let id = p.customerId;
  for (let hop = 0; hop < 10; hop++) {
    const c = await scope.selectFrom('customers').select('merged_into_id').where('id', '=', id).executeTakeFirst();
    if (!c?.merged_into_id) return id;
    id = c.merged_into_id;
  }
  return id;
}

export async function resolveVisitor(db: Db, secret: string, token: string): Promise<VisitorPrincipal | null> {
  const p = principalFromVisitorToken(secret, token);
  return p && { ...p, customerId: await currentCustomerOf(tenantScope(db, p.workspaceId), p) };
}

// The site signs its own user id with the workspace's identity secret; a claim without a valid
// signature is ignored and the visitor stays anonymous, so nobody can pose as another user.
export const identityHash = (identitySecret: string, userId: string) => hmacHex(identitySecret, userId);

export async function startVisitorSession(db: Db, secret: string, input: VisitorSessionInput) {
  const workspace = await findWorkspaceByPublicKey(db, input.workspace);
  if (!workspace) throw new AppError('not_found', 'No workspace has that widget key');
  const scope = tenantScope(db, workspace.id);
  const previous = input.visitorToken ? principalFromVisitorToken(secret, input.visitorToken) : null;
  const verifiedId =
    input.identity && safeEqual(identityHash(workspace.identity_secret, input.identity.userId), input.identity.userHash.toLowerCase())
      ? input.identity.userId
      : null;

  let customerId: string;
  let visitorId: string;
  let verified = false;
  let identityId: string | undefined;
  if (verifiedId) {
    const { customer } = await resolveCustomerByIdentity(scope, { channel: 'web', externalId: verifiedId, verified: true }, input.profile);
    customerId = customer.id;
    visitorId = previous?.workspaceId === workspace.id ? previous.visitorId : randomToken(12);
    verified = true;
    identityId = (await findIdentity(scope, 'web', verifiedId))?.id;
  } else if (previous && previous.workspaceId === workspace.id && !previous.verified) {
    customerId = await currentCustomerOf(scope, previous);
    visitorId = previous.visitorId;
    identityId = previous.identityId ?? (await findIdentity(scope, 'web-visitor', visitorId))?.id;
  } else {
    visitorId = randomToken(12);
    const { customer } = await resolveCustomerByIdentity(scope, { channel: 'web-visitor', externalId: visitorId }, input.profile);
    customerId = customer.id;
    identityId = (await findIdentity(scope, 'web-visitor', visitorId))?.id;
  }
  const hasProfile = Object.values(input.profile).some((v) => v !== undefined);
  if (hasProfile) {
    try {
      await updateCustomer(scope, customerId, input.profile);
    } catch (err) {
      // A token for a customer that no longer exists (merged or erased) starts afresh.
      if (err instanceof AppError && err.code === 'not_found') return startVisitorSession(db, secret, { ...input, visitorToken: undefined });
      throw err;
    }
  }
  if (input.profile.email) await claimEmail(scope, customerId, input.profile.email);
  await touchCustomer(scope, customerId);
  const principal = { workspaceId: workspace.id, customerId, visitorId, verified, ...(identityId ? { identityId } : {}) };
  return {
    visitorToken: signVisitorToken(secret, principal),
    customerId,
    visitorId,
    verified,
    workspace: { name: workspace.name, settings: toWorkspaceView(workspace).settings },
  };
}

// An email typed into the widget is a claim, not a proof: it becomes the visitor's unverified email
// identity, so the same person written to by email or created through the API is found. When someone
// else already has it, the two are proposed to an employee as a possible duplicate, never joined.
async function claimEmail(scope: TenantScope, customerId: string, raw: string): Promise<void> {
  const email = normaliseEmail(raw);
  if (!email) return;
  const inserted = await scope
    .insertInto('customer_identities', { customer_id: customerId, channel: 'email', external_id: email, verified: false })
    .onConflict((oc) => oc.columns(['workspace_id', 'channel', 'external_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return;
  const owner = await findIdentity(scope, 'email', email);
  if (owner && owner.customer_id !== customerId) await proposeDuplicates(scope, [identityConflictPair(customerId, owner.customer_id, 'email', email)]);
}
