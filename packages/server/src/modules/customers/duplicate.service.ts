import { sql, type Selectable } from 'kysely';
import type { CustomerDuplicatesTable, DuplicateStatus, LocalizedText } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import type { Cursor } from '../../platform/http/cursor.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { toCustomerView, type CustomerView } from './customer.service.ts';
import { phoneChannels } from './identity-value.ts';

export type DuplicateReason =
  | { kind: 'same_email' | 'same_phone' | 'same_company_domain'; value: string }
  | { kind: 'same_identity'; channel: string; value: string }
  | { kind: 'similar_name'; similarity: number };

export type DuplicatePair = { customerIds: [string, string]; score: number; reasons: DuplicateReason[] };

export type DuplicateView = {
  id: string;
  status: DuplicateStatus;
  score: number;
  reasons: Array<DuplicateReason & { text: LocalizedText }>;
  customers: CustomerView[];
  mergeId: string | null;
  createdAt: string;
  updatedAt: string;
};

type DuplicateRow = Selectable<CustomerDuplicatesTable>;

// Name similarity alone proposes a pair from this score; with a shared company domain, from LOW.
export const DEFAULT_NAME_SIMILARITY = 0.65;
const LOW_NAME_SIMILARITY = 0.45;
const WEIGHT = { same_email: 0.9, same_phone: 0.9, same_identity: 0.9, same_company_domain: 0.3 } as const;
// Addresses at these providers say nothing about where someone works.
const FREE_MAIL = ['gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.es', 'outlook.com', 'outlook.es', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.es', 'icloud.com', 'me.com', 'aol.com', 'gmx.com', 'gmx.es', 'protonmail.com', 'proton.me', 'telefonica.net'];

const percent = (s: number) => Math.round(s * 100);

export function reasonText(r: DuplicateReason): LocalizedText {
  switch (r.kind) {
    case 'same_email':
      return { en: `same email ${r.value}`, es: `mismo email ${r.value}` };
    case 'same_phone':
      return { en: `same phone ${r.value}`, es: `mismo teléfono ${r.value}` };
    case 'same_company_domain':
      return { en: `same company domain ${r.value}`, es: `mismo dominio de empresa ${r.value}` };
    case 'same_identity':
      return { en: `same ${r.channel} identity ${r.value}`, es: `misma identidad ${r.channel} ${r.value}` };
    case 'similar_name':
      return { en: `names ${percent(r.similarity)} % alike`, es: `nombres parecidos al ${percent(r.similarity)} %` };
  }
}

// Independent pieces of evidence add up: 1 − Π(1 − weight).
const scoreOf = (reasons: DuplicateReason[]) =>
  1 - reasons.reduce((miss, r) => miss * (1 - (r.kind === 'similar_name' ? r.similarity : WEIGHT[r.kind])), 1);

export const pairOf = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

// Upserts proposals; an open one gains the new reasons, a dismissed or merged one is left alone.
export async function proposeDuplicates(scope: TenantScope, pairs: DuplicatePair[]): Promise<string[]> {
  if (!pairs.length) return [];
  const rows = await scope
    .insertInto(
      'customer_duplicates',
      pairs.map((p) => {
        const [a, b] = pairOf(...p.customerIds);
        return { customer_a_id: a, customer_b_id: b, score: p.score, reasons: JSON.stringify(p.reasons) };
      }),
    )
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'customer_a_id', 'customer_b_id']).doUpdateSet({
        reasons: sql`excluded.reasons || coalesce((
          select jsonb_agg(r) from jsonb_array_elements(customer_duplicates.reasons) r
          where not exists (select 1 from jsonb_array_elements(excluded.reasons) e where e->>'kind' = r->>'kind')), '[]'::jsonb)`,
        score: sql`greatest(excluded.score, customer_duplicates.score)`,
        updated_at: new Date(),
      }).where('customer_duplicates.status', '=', 'open'),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export const identityConflictPair = (x: string, y: string, channel: string, value: string): DuplicatePair => {
  const reasons: DuplicateReason[] = [{ kind: 'same_identity', channel, value }];
  return { customerIds: [x, y], score: scoreOf(reasons), reasons };
};

type Candidate = { a: string; b: string; kind: 'email' | 'phone' | 'name'; value: string | null; sim: number | null; domain: string | null };

// A blocking key shared by more customers than this ("jose maria") is too common to say anything.
const MAX_BLOCK = 100;

// The scan's working set, for its transaction only: each live customer's name key and blocking keys.
async function loadNameBlocks(trx: TenantScope): Promise<void> {
  await sql`create temp table scan_names on commit drop as
    select id, customer_name_key(name) as nk, unnest(customer_name_blocks(name)) as k
    from customers where workspace_id = ${trx.workspaceId} and merged_into_id is null and name is not null`.execute(trx.db);
  await sql`delete from scan_names where k in (select k from scan_names group by k having count(*) > ${MAX_BLOCK})`.execute(trx.db);
  await sql`create index on scan_names (k)`.execute(trx.db);
  await sql`analyze scan_names`.execute(trx.db);
}

// One batch of customers (by id) against the whole workspace, set-based: names that share a
// blocking key are compared with pg_trgm's similarity; the email, phone and identity indexes find
// shared contact points. Each pair is found from its smaller id only, so scanning every batch once
// finds every pair once.
async function candidatesOf(trx: TenantScope, ids: string[], minName: number): Promise<Candidate[]> {
  const ws = trx.workspaceId;
  const result = await sql<Candidate>`
    with batch as (
      select id, email, phone from customers where workspace_id = ${ws} and id = any(${ids}::uuid[])
    ),
    compared as (
      select p.a, p.b, similarity(p.ak, p.bk) as sim from (
        select distinct x.id as a, y.id as b, x.nk as ak, y.nk as bk
        from scan_names x join scan_names y on y.k = x.k and y.id > x.id
        where x.id = any(${ids}::uuid[])
      ) p
    ),
    names as (
      select n.a, n.b, n.sim,
        case when ca.email is not null and cb.email is not null
          and split_part(lower(ca.email), '@', 2) = split_part(lower(cb.email), '@', 2)
          and split_part(lower(ca.email), '@', 2) <> all(${FREE_MAIL}::text[])
          then split_part(lower(ca.email), '@', 2) end as domain
      from compared n
      join customers ca on ca.id = n.a
      join customers cb on cb.id = n.b
      where n.sim >= ${LOW_NAME_SIMILARITY}
    ),
    points as (
      select id as cid, 'email' as kind, lower(email) as v from batch where email is not null
      union
      select id, 'phone', customer_phone_key(phone) from batch where phone is not null
      union
      select i.customer_id, case when i.channel = 'email' then 'email' else 'phone' end, i.external_id
      from customer_identities i
      where i.workspace_id = ${ws} and i.customer_id = any(${ids}::uuid[]) and i.channel = any(${['email', ...phoneChannels]}::text[])
    ),
    shared as (
      select p.cid as a, c.id as b, p.kind, p.v from points p
      join customers c on c.workspace_id = ${ws} and lower(c.email) = p.v and c.merged_into_id is null and c.id > p.cid
      where p.kind = 'email'
      union
      select p.cid, c.id, p.kind, p.v from points p
      join customers c on c.workspace_id = ${ws} and c.phone is not null and customer_phone_key(c.phone) = p.v
        and c.merged_into_id is null and c.id > p.cid
      where p.kind = 'phone'
      union
      select p.cid, i.customer_id, p.kind, p.v from points p
      join customer_identities i on i.workspace_id = ${ws} and i.external_id = p.v and i.customer_id > p.cid
        and i.channel = any(case when p.kind = 'email' then array['email'] else ${phoneChannels}::text[] end)
    )
    select a, b, 'name' as kind, null as value, sim, domain from names where sim >= ${minName} or domain is not null
    union all
    select a, b, kind, v, null, null from shared`.execute(trx.db);
  return result.rows;
}

function pairsOf(candidates: Candidate[]): DuplicatePair[] {
  const byPair = new Map<string, { ids: [string, string]; reasons: Map<string, DuplicateReason> }>();
  for (const c of candidates) {
    const key = `${c.a}|${c.b}`;
    let pair = byPair.get(key);
    if (!pair) byPair.set(key, (pair = { ids: [c.a, c.b], reasons: new Map() }));
    if (c.kind === 'name') {
      pair.reasons.set('similar_name', { kind: 'similar_name', similarity: Math.round(Number(c.sim) * 100) / 100 });
      if (c.domain) pair.reasons.set('same_company_domain', { kind: 'same_company_domain', value: c.domain });
    } else {
      const kind = c.kind === 'email' ? 'same_email' : 'same_phone';
      pair.reasons.set(`${kind}:${c.value}`, { kind, value: c.value ?? '' });
    }
  }
  return [...byPair.values()].map((p) => {
    const reasons = [...p.reasons.values()];
    return { customerIds: p.ids, reasons, score: Math.round(scoreOf(reasons) * 1000) / 1000 };
  });
}

export type ScanResult = { scanned: number; batches: number; pairs: number; ms: number };

// Scans every customer of the workspace: blocking keys once, then batches of customers compared
// against all others with set-based queries. One transaction, so the working set is built once
// (measured on PostgreSQL: 44 s for 100k generated customers).
export async function scanDuplicates(
  scope: TenantScope,
  opts: { batchSize?: number; minNameSimilarity?: number; before?: (trx: TenantScope) => Promise<void> } = {},
): Promise<ScanResult> {
  const started = Date.now();
  const batchSize = opts.batchSize ?? 1000;
  const minName = opts.minNameSimilarity ?? DEFAULT_NAME_SIMILARITY;
  return scope.transaction(async (trx) => {
    await opts.before?.(trx);
    await loadNameBlocks(trx);
    let after = '00000000-0000-0000-0000-000000000000';
    const totals = { scanned: 0, batches: 0, pairs: 0 };
    for (;;) {
      const ids = (
        await trx.selectFrom('customers').select('id').where('merged_into_id', 'is', null).where('id', '>', after).orderBy('id').limit(batchSize).execute()
      ).map((r) => r.id);
      if (!ids.length) break;
      const found = pairsOf(await candidatesOf(trx, ids, minName));
      await proposeDuplicates(trx, found);
      totals.scanned += ids.length;
      totals.batches += 1;
      totals.pairs += found.length;
      after = ids[ids.length - 1]!;
      if (ids.length < batchSize) break;
    }
    return { ...totals, ms: Date.now() - started };
  });
}

async function toDuplicateViews(scope: TenantScope, rows: DuplicateRow[]): Promise<DuplicateView[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.customer_a_id, r.customer_b_id]))];
  const customers = ids.length ? await scope.selectFrom('customers').selectAll().where('id', 'in', ids).execute() : [];
  const byId = new Map(customers.map((c) => [c.id, toCustomerView(c)]));
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    score: r.score,
    reasons: (r.reasons as DuplicateReason[]).map((reason) => ({ ...reason, text: reasonText(reason) })),
    customers: [byId.get(r.customer_a_id), byId.get(r.customer_b_id)].filter((c): c is CustomerView => c !== undefined),
    mergeId: r.merge_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }));
}

// The queue employees work through, newest first. Pairs with a merged-away customer are left out
// (they come back if that merge is undone).
export async function listDuplicates(
  scope: TenantScope,
  opts: { status: DuplicateStatus; customerId?: string; limit: number; cursor?: Cursor },
): Promise<DuplicateView[]> {
  const live = (column: 'customer_a_id' | 'customer_b_id') =>
    sql<boolean>`exists (select 1 from customers c where c.workspace_id = customer_duplicates.workspace_id and c.id = ${sql.ref(column)} and c.merged_into_id is null)`;
  let q = scope.selectFrom('customer_duplicates').selectAll().where('status', '=', opts.status).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit);
  if (opts.status !== 'merged') q = q.where(live('customer_a_id')).where(live('customer_b_id'));
  if (opts.customerId) {
    const id = opts.customerId;
    q = q.where((eb) => eb.or([eb('customer_a_id', '=', id), eb('customer_b_id', '=', id)]));
  }
  if (opts.cursor) q = q.where(sql<boolean>`(created_at, id) < (${opts.cursor.createdAt}::timestamptz, ${opts.cursor.id}::uuid)`);
  return toDuplicateViews(scope, await q.execute());
}

export async function getDuplicate(scope: TenantScope, id: string): Promise<DuplicateView> {
  const row = await scope.selectFrom('customer_duplicates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Duplicate proposal');
  return (await toDuplicateViews(scope, [row]))[0]!;
}

export async function dismissDuplicate(scope: TenantScope, actor: AuditActor, id: string): Promise<DuplicateView> {
  const row = await scope.transaction(async (trx) => {
    const current = await trx.selectFrom('customer_duplicates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('Duplicate proposal');
    if (current.status !== 'open') throw new AppError('conflict', `This proposal is already ${current.status}`);
    const updated = await trx
      .updateTable('customer_duplicates')
      .set({ status: 'dismissed', decided_at: new Date(), decided_by: actor.id, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'customer.duplicate_dismissed',
      targetType: 'customer_duplicate',
      targetId: id,
      details: { customerIds: [current.customer_a_id, current.customer_b_id] },
    });
    return updated;
  });
  return (await toDuplicateViews(scope, [row]))[0]!;
}

// Called by merge and unmerge, in their transaction: a merged pair is settled; an undone merge
// means the two are different people, so the pair is not proposed again.
export async function settleDuplicate(scope: TenantScope, actor: AuditActor, ids: [string, string], status: DuplicateStatus, mergeId: string): Promise<void> {
  const [a, b] = pairOf(...ids);
  await scope
    .insertInto('customer_duplicates', { customer_a_id: a, customer_b_id: b, score: 0, reasons: '[]', status, merge_id: mergeId, decided_at: new Date(), decided_by: actor.id })
    .onConflict((oc) => oc.columns(['workspace_id', 'customer_a_id', 'customer_b_id']).doUpdateSet({ status, merge_id: mergeId, decided_at: new Date(), decided_by: actor.id, updated_at: new Date() }))
    .execute();
}
