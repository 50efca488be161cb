import { sql, type Selectable } from 'kysely';
import type { CustomerOrdersTable, OrderKind } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { AuditActor } from '../audit/audit.service.ts';
import { findCustomerByIdentity, getCustomer } from './customer.service.ts';

export type OrderInput = { externalId: string; amount: number; currency: string; at: string; kind: OrderKind; description?: string };

export type OrderView = {
  id: string;
  customerId: string;
  externalId: string;
  kind: OrderKind;
  amount: number;
  currency: string;
  description: string | null;
  at: string;
  createdAt: string;
};

export type CurrencyValue = { currency: string; lifetime: number; orders: number; lastPurchaseAt: string | null };
export type CustomerValue = CurrencyValue & { byCurrency: CurrencyValue[] };

const toOrderView = (r: Selectable<CustomerOrdersTable>): OrderView => ({
  id: r.id,
  customerId: r.customer_id,
  externalId: r.external_id,
  kind: r.kind,
  amount: Number(r.amount),
  currency: r.currency,
  description: r.description,
  at: r.at.toISOString(),
  createdAt: r.created_at.toISOString(),
});

// Signed contribution to the lifetime value: events are recorded but carry no value.
const deltaOf = (kind: OrderKind, amount: number) => (kind === 'purchase' ? amount : kind === 'refund' ? -amount : 0);

// Idempotent on (workspace, externalId): a repeat answers with the order first stored, unchanged,
// unless it names another customer (409). The value rows change in the same transaction.
export async function recordOrder(scope: TenantScope, actor: AuditActor, customerId: string, input: OrderInput): Promise<{ order: OrderView; created: boolean }> {
  return scope.transaction(async (trx) => {
    await getCustomer(trx, customerId);
    const row = await trx
      .insertInto('customer_orders', {
        customer_id: customerId,
        external_id: input.externalId,
        kind: input.kind,
        amount: input.amount,
        currency: input.currency,
        description: input.description ?? null,
        at: input.at,
        actor_type: actor.type,
        actor_id: actor.id,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'external_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const first = await trx.selectFrom('customer_orders').selectAll().where('external_id', '=', input.externalId).executeTakeFirstOrThrow();
      if (first.customer_id !== customerId) {
        throw new AppError('conflict', `The order ${input.externalId} was already posted for another customer`, { customerId: first.customer_id, orderId: first.id });
      }
      return { order: toOrderView(first), created: false };
    }
    if (input.kind !== 'event') await addToValue(trx, row);
    return { order: toOrderView(row), created: true };
  });
}

async function addToValue(trx: TenantScope, order: Selectable<CustomerOrdersTable>): Promise<void> {
  const purchase = order.kind === 'purchase';
  await trx
    .insertInto('customer_values', {
      customer_id: order.customer_id,
      currency: order.currency,
      lifetime: deltaOf(order.kind, Number(order.amount)),
      purchases: purchase ? 1 : 0,
      last_purchase_at: purchase ? order.at : null,
    })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'customer_id', 'currency']).doUpdateSet({
        lifetime: sql`customer_values.lifetime + excluded.lifetime`,
        purchases: sql`customer_values.purchases + excluded.purchases`,
        last_purchase_at: sql`greatest(customer_values.last_purchase_at, excluded.last_purchase_at)`,
      }),
    )
    .execute();
  await trx
    .insertInto('workspace_currencies', { currency: order.currency, orders: 1 })
    .onConflict((oc) => oc.columns(['workspace_id', 'currency']).doUpdateSet({ orders: sql`workspace_currencies.orders + 1` }))
    .execute();
}

// The customer an order names by identity ({channel, externalId}); following a merge to the survivor.
export async function customerIdByIdentity(scope: TenantScope, channel: string, externalId: string): Promise<string> {
  const customer = await findCustomerByIdentity(scope, channel, externalId);
  if (!customer) throw new AppError('not_found', `No customer has the ${channel} identity ${externalId}`);
  return customer.merged_into_id ?? customer.id;
}

const mainCurrency = (workspaceRef: ReturnType<typeof sql.ref> | string) =>
  sql<string>`(select w.currency from workspace_currencies w where w.workspace_id = ${workspaceRef} order by w.orders desc, w.currency limit 1)`;

// The customer's lifetime value in the workspace's main currency (the one with most orders), or null
// when they have none in it; for other modules' queries (reaction, bonds).
export const lifetimeValueSql = (workspaceRef: string, customerRef: string) =>
  sql<number | null>`(select v.lifetime::float8 from customer_values v where v.workspace_id = ${sql.ref(workspaceRef)} and v.customer_id = ${sql.ref(customerRef)} and v.currency = ${mainCurrency(sql.ref(workspaceRef))})`;

// Shown in the workspace's main currency; `byCurrency` lists every currency the customer has bought in.
// Null when the company's systems have posted no purchase or refund for the customer.
export async function customerValue(scope: TenantScope, customerId: string): Promise<CustomerValue | null> {
  const rows = await scope
    .selectFrom('customer_values')
    .select(['currency', 'lifetime', 'purchases', 'last_purchase_at'])
    .select(mainCurrency(scope.workspaceId).as('main'))
    .where('customer_id', '=', customerId)
    .orderBy('currency')
    .execute();
  if (!rows.length) return null;
  const byCurrency = rows.map((r) => ({ currency: r.currency, lifetime: Number(r.lifetime), orders: r.purchases, lastPurchaseAt: r.last_purchase_at?.toISOString() ?? null }));
  const main = rows[0]!.main;
  const inMain = byCurrency.find((v) => v.currency === main) ?? { currency: main, lifetime: 0, orders: 0, lastPurchaseAt: null };
  return { ...inMain, byCurrency };
}

export async function listOrders(scope: TenantScope, customerId: string, limit: number): Promise<OrderView[]> {
  await getCustomer(scope, customerId);
  const rows = await scope.selectFrom('customer_orders').selectAll().where('customer_id', '=', customerId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toOrderView);
}

// Merge and unmerge: orders follow the customer (all of them, or the ids a merge moved) and both
// customers' values are recomputed from their orders. Returns the ids moved.
export async function moveOrders(trx: TenantScope, from: string, to: string, only?: string[]): Promise<string[]> {
  const moved = await trx
    .updateTable('customer_orders')
    .set({ customer_id: to })
    .where('customer_id', '=', from)
    .$if(only !== undefined, (q) => q.where(sql<boolean>`id = any(${only ?? []}::uuid[])`))
    .returning('id')
    .execute();
  if (moved.length) await recomputeValues(trx, [from, to]);
  return moved.map((r) => r.id);
}

async function recomputeValues(trx: TenantScope, customerIds: string[]): Promise<void> {
  await trx.deleteFrom('customer_values').where('customer_id', 'in', customerIds).execute();
  await sql`
    insert into customer_values (workspace_id, customer_id, currency, lifetime, purchases, last_purchase_at)
    select workspace_id, customer_id, currency,
      sum(case kind when 'purchase' then amount else -amount end),
      count(*) filter (where kind = 'purchase'),
      max(at) filter (where kind = 'purchase')
    from customer_orders
    where workspace_id = ${trx.workspaceId} and customer_id = any(${customerIds}::uuid[]) and kind <> 'event'
    group by workspace_id, customer_id, currency
  `.execute(trx.db);
}
