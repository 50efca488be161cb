import type { AppContext } from '../../platform/context.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { AuditActor } from '../audit/audit.service.ts';
import { addIdentity, getCustomer, toIdentityView, type IdentityView } from './customer.service.ts';
import { identityConflictPair, proposeDuplicates } from './duplicate.service.ts';
import { mergeInTransaction, publishMerge, type MergeOutcome } from './merge.service.ts';

export type IdentityInput = { channel: string; externalId: string; verified?: boolean };

export type LinkOutcome = {
  identity: IdentityView;
  // The customer that holds the identity now: after an automatic merge, the older of the two.
  customerId: string;
  merge?: MergeOutcome;
};

export async function findIdentity(scope: TenantScope, channel: string, externalId: string) {
  return scope.selectFrom('customer_identities').selectAll().where('channel', '=', channel).where('external_id', '=', externalId).executeTakeFirst();
}

export class IdentityTaken extends AppError {
  constructor(
    readonly identity: IdentityInput,
    readonly ownerId: string,
  ) {
    super('conflict', `The ${identity.channel} identity ${identity.externalId} already belongs to another customer`, { customerId: ownerId });
  }
}

// Links an identity to a customer, inside the caller's transaction. When another customer already
// has it, a verified identity proves they are one person: they are merged at once (the older
// record survives; each field keeps the survivor's value, gaps filled from the other). An unverified
// one proves nothing: IdentityTaken, and the caller proposes the pair as a duplicate.
export async function linkIdentityInTransaction(trx: TenantScope, actor: AuditActor, customerId: string, input: IdentityInput): Promise<LinkOutcome> {
  const customer = await getCustomer(trx, customerId);
  const existing = await findIdentity(trx, input.channel, input.externalId);
  if (!existing) return { identity: await addIdentity(trx, customerId, input), customerId };
  const verify = async () =>
    input.verified && !existing.verified
      ? toIdentityView(await trx.updateTable('customer_identities').set({ verified: true }).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow())
      : toIdentityView(existing);
  if (existing.customer_id === customerId) return { identity: await verify(), customerId };
  if (!input.verified) throw new IdentityTaken(input, existing.customer_id);
  const owner = await getCustomer(trx, existing.customer_id);
  const [survivor, absorbed] = owner.created_at <= customer.created_at ? [owner, customer] : [customer, owner];
  const merge = await mergeInTransaction(trx, actor, { survivorId: survivor.id, absorbedId: absorbed.id, kind: 'verified_identity' });
  return { identity: await verify(), customerId: survivor.id, merge };
}

export async function linkIdentity(ctx: AppContext, scope: TenantScope, actor: AuditActor, customerId: string, input: IdentityInput, audit: (trx: TenantScope, link: LinkOutcome) => Promise<void>): Promise<LinkOutcome> {
  try {
    const outcome = await scope.transaction(async (trx) => {
      const link = await linkIdentityInTransaction(trx, actor, customerId, input);
      await audit(trx, link);
      return link;
    });
    if (outcome.merge) publishMerge(ctx, scope.workspaceId, 'customer.merged', outcome.merge, actor.id);
    return outcome;
  } catch (err) {
    if (!(err instanceof IdentityTaken)) throw err;
    const [proposalId] = await proposeDuplicates(scope, [identityConflictPair(customerId, err.ownerId, input.channel, input.externalId)]);
    throw new AppError('conflict', `${err.message}: proposed as a possible duplicate for an employee to review (send "verified": true to merge them now)`, {
      customerId: err.ownerId,
      proposalId: proposalId ?? null,
    });
  }
}
