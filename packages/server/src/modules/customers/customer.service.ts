import { sql, type Selectable } from 'kysely';
import type { CustomerIdentitiesTable, CustomersTable } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { applyAttributes, validateAttributes } from './attribute-definition.service.ts';

type CustomerRow = Selectable<CustomersTable>;

export type IdentityView = { id: string; channel: string; externalId: string; verified: boolean; createdAt: string };

export const toIdentityView = (r: Selectable<CustomerIdentitiesTable>): IdentityView => ({
  id: r.id,
  channel: r.channel,
  externalId: r.external_id,
  verified: r.verified,
  createdAt: r.created_at.toISOString(),
});

export type CustomerView = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  company: string | null;
  attributes: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  lastSeenAt: string | null;
  tags: string[];
  interests: string[];
  identities?: IdentityView[];
};

export const toCustomerView = (c: CustomerRow, identities?: IdentityView[]): CustomerView => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  locale: c.locale,
  company: c.company,
  attributes: c.attributes,
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
  lastSeenAt: c.last_seen_at?.toISOString() ?? null,
  tags: c.tags,
  interests: c.interests,
  ...(identities ? { identities } : {}),
});

export type CustomerProfile = {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  locale?: string | null;
  company?: string | null;
  attributes?: Record<string, unknown>;
};

const profileColumns = (p: CustomerProfile) => ({
  ...(p.name !== undefined ? { name: p.name } : {}),
  ...(p.email !== undefined ? { email: p.email?.toLowerCase() ?? null } : {}),
  ...(p.phone !== undefined ? { phone: p.phone } : {}),
  ...(p.locale !== undefined ? { locale: p.locale } : {}),
  ...(p.company !== undefined ? { company: p.company } : {}),
});

// Attributes with a workspace definition are checked against their type (a 400 naming each).
export async function createCustomer(scope: TenantScope, profile: CustomerProfile): Promise<CustomerRow> {
  const attributes = profile.attributes ? applyAttributes({}, await validateAttributes(scope, profile.attributes)) : {};
  return scope
    .insertInto('customers', { ...profileColumns(profile), attributes: JSON.stringify(attributes) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getCustomer(scope: TenantScope, id: string): Promise<CustomerRow> {
  const row = await scope.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Customer');
  // A merged-away customer is hidden; the error says where it went, so a client can follow.
  if (row.merged_into_id) throw new AppError('not_found', 'Customer was merged into another customer', { mergedInto: row.merged_into_id });
  return row;
}

export async function listIdentities(scope: TenantScope, customerId: string): Promise<IdentityView[]> {
  const rows = await scope.selectFrom('customer_identities').selectAll().where('customer_id', '=', customerId).orderBy('created_at').execute();
  return rows.map(toIdentityView);
}

export async function listCustomers(
  scope: TenantScope,
  opts: { q?: string; tag?: string; limit: number; before?: { createdAt: string; id: string } },
): Promise<CustomerRow[]> {
  if (opts.q) return searchCustomers(scope, opts.q, opts.limit, opts.tag);
  let q = scope.selectFrom('customers').selectAll().where('merged_into_id', 'is', null).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit);
  if (opts.tag) q = q.where(hasTag(opts.tag));
  if (opts.before) {
    const b = opts.before;
    q = q.where(sql<boolean>`(created_at, id) < (${b.createdAt}::timestamptz, ${b.id}::uuid)`);
  }
  return q.execute();
}

// Tags are stored normalised (customer-profile.service.ts), so the filter is an exact array match.
const hasTag = (tag: string) => sql<boolean>`customers.tags @> array[${tag}]::text[]`;

const NAME_WORDS = sql`to_tsvector('simple', customer_name_key(coalesce(name, '')))`;
const FUZZY_THRESHOLD = 0.45;

// Best matches first, through the indexes of migration 012: an email-like query searches emails, a
// number searches phones, anything else the words of names (each as a prefix, accents and case
// aside) and, when that finds too little, names spelt a little differently (trigram similarity ≥ 0.45).
// One page: relevance has no cursor.
async function searchCustomers(scope: TenantScope, text: string, limit: number, tag?: string): Promise<CustomerRow[]> {
  const base = () => scope.selectFrom('customers').selectAll().where('merged_into_id', 'is', null).$if(tag !== undefined, (q) => q.where(hasTag(tag ?? '')));
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`);
  if (text.includes('@')) return base().where('email', 'like', `%${escaped}%`).orderBy('created_at', 'desc').limit(limit).execute();
  const digits = text.replace(/[^0-9]/g, '');
  if (digits.length >= 4 && !/\p{L}/u.test(text)) {
    return base().where(sql<boolean>`customer_phone_key(phone) like ${`%${digits}%`}`).orderBy('created_at', 'desc').limit(limit).execute();
  }
  const key = sql<string>`customer_name_key(${text})`;
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9ñ]+/)
    .filter(Boolean)
    .slice(0, 8);
  const byWords = words.length
    ? await base()
        .where(sql<boolean>`${NAME_WORDS} @@ to_tsquery('simple', ${words.map((w) => `${w}:*`).join(' & ')})`)
        .orderBy(sql`similarity(customer_name_key(name), ${key})`, 'desc')
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute()
    : [];
  if (byWords.length >= limit || text.length < 4) return byWords;
  // Misspelt names: the similarity threshold is a setting of the session, so it is set for this
  // transaction only.
  const fuzzy = await scope.transaction(async (trx) => {
    await sql`select set_config('pg_trgm.similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`.execute(trx.db);
    return trx
      .selectFrom('customers')
      .selectAll()
      .where('merged_into_id', 'is', null)
      .where(sql<boolean>`customer_name_key(name) % ${key}`)
      .$if(tag !== undefined, (q) => q.where(hasTag(tag ?? '')))
      .$if(byWords.length > 0, (q) => q.where('id', 'not in', byWords.map((c) => c.id)))
      .orderBy(sql`similarity(customer_name_key(name), ${key})`, 'desc')
      .limit(limit - byWords.length)
      .execute();
  });
  return [...byWords, ...fuzzy];
}

export async function updateCustomer(scope: TenantScope, id: string, patch: CustomerProfile): Promise<CustomerRow> {
  const current = await getCustomer(scope, id);
  const attributes = patch.attributes ? applyAttributes(current.attributes, await validateAttributes(scope, patch.attributes)) : undefined;
  return scope
    .updateTable('customers')
    .set({
      ...profileColumns(patch),
      ...(attributes ? { attributes: JSON.stringify(attributes) } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function addIdentity(
  scope: TenantScope,
  customerId: string,
  identity: { channel: string; externalId: string; verified?: boolean },
): Promise<IdentityView> {
  await getCustomer(scope, customerId);
  const row = await scope
    .insertInto('customer_identities', {
      customer_id: customerId,
      channel: identity.channel,
      external_id: identity.externalId,
      verified: identity.verified ?? false,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'channel', 'external_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('conflict', `The ${identity.channel} identity ${identity.externalId} already belongs to a customer`);
  return toIdentityView(row);
}

export async function findCustomerByIdentity(
  scope: TenantScope,
  channel: string,
  externalId: string,
): Promise<CustomerRow | undefined> {
  const identity = await scope
    .selectFrom('customer_identities')
    .select('customer_id')
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  if (!identity) return undefined;
  return scope.selectFrom('customers').selectAll().where('id', '=', identity.customer_id).executeTakeFirst();
}

// Find-or-create by channel identity; concurrent first contacts of one person end in one customer.
export async function resolveCustomerByIdentity(
  scope: TenantScope,
  identity: { channel: string; externalId: string; verified?: boolean },
  profile: CustomerProfile = {},
): Promise<{ customer: CustomerRow; created: boolean }> {
  const existing = await findCustomerByIdentity(scope, identity.channel, identity.externalId);
  if (existing) return { customer: existing, created: false };
  const created = await scope.transaction(async (trx) => {
    const customer = await createCustomer(trx, profile);
    const linked = await trx
      .insertInto('customer_identities', {
        customer_id: customer.id,
        channel: identity.channel,
        external_id: identity.externalId,
        verified: identity.verified ?? false,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'channel', 'external_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!linked) {
      await trx.deleteFrom('customers').where('id', '=', customer.id).execute();
      return undefined;
    }
    return customer;
  });
  if (created) return { customer: created, created: true };
  const winner = await findCustomerByIdentity(scope, identity.channel, identity.externalId);
  if (!winner) throw new Error('identity vanished while resolving a customer');
  return { customer: winner, created: false };
}

export async function touchCustomer(scope: TenantScope, id: string): Promise<void> {
  await scope.updateTable('customers').set({ last_seen_at: new Date() }).where('id', '=', id).execute();
}
