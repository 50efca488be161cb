import { sql, type Kysely, type RawBuilder } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Database } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { getCustomer } from '../customers/customer.service.ts';
import { CORRECTED_VALENCE } from '../emotion/mood.model.ts';

// The bond score of a customer–employee pair, computed by one SQL statement from their messages:
//
//   w(t)     = 0.5 ^ (age of t / 30 days)                 recency: every interaction halves in 30 days
//   activity = Σ w(reply)                                 each reply by the employee in the customer's conversations
//            + 2 · Σ w(last reply in conversation)        each conversation the employee handled (replied in)
//            + 4 · Σ w(praise)                            each praise for that employee (below)
//   feeling  = Σ w·valence / Σ w over the customer's messages in those conversations, in [-1, 1] (0 if none;
//              an employee's correction of a message's polarity wins, as in the mood)
//   score    = activity · (1 + feeling / 2)              a happy customer's bond counts up to 1.5×, an unhappy one's 0.5×
//
// Praise: a customer message with positive valence (> 0.2) that comes right after that employee's
// reply in the conversation and has thanks words (es/en: gracias, agradezco, thanks, genial, great…)
// or the employee's first name (accents and case ignored).
//
// Every term decays at the same rate, so a stored score decays as a whole: readers multiply it by
// 0.5 ^ (time since updated_at / 30 days) (currentScore) and rows written at different times compare.
export const HALF_LIFE_DAYS = 30;
export const WEIGHTS = { reply: 1, conversation: 2, praise: 4, feeling: 0.5 } as const;
export const PRAISE_MIN_VALENCE = 0.2;
const HALF_LIFE_S = sql.lit(HALF_LIFE_DAYS * 86_400);
const THANKS = sql.lit(String.raw`\m(gracias|agradec|thank|thx|genial|excelente|estupend|maravill|fantastic|great|awesome|amazing|wonderful|perfect|amable|helpful|crack)`);

// The valence an employee's correction implies, as the mood reads it (emotion/mood.model.ts effectiveEmotion).
const valenceOf = (emotion: RawBuilder<unknown>) => sql<number>`case
    when ${emotion} -> 'corrected' is null or ${emotion} -> 'corrected' ->> 'polarity' = ${emotion} ->> 'polarity' then (${emotion} ->> 'valence')::float8
    when ${emotion} -> 'corrected' ->> 'polarity' = 'negative' then ${sql.lit(CORRECTED_VALENCE.negative)}::float8
    when ${emotion} -> 'corrected' ->> 'polarity' = 'positive' then ${sql.lit(CORRECTED_VALENCE.positive)}::float8
    else ${sql.lit(CORRECTED_VALENCE.neutral)}::float8 end`;

const decay = (at: RawBuilder<unknown>) => sql<number>`power(0.5, extract(epoch from (now() - ${at}))::float8 / ${HALF_LIFE_S})`;

// The bond's score decayed to now, for `bonds` (or an alias of it).
export const currentScore = (table = 'bonds') => sql<number>`(${sql.ref(`${table}.score`)} * ${decay(sql.ref(`${table}.updated_at`))})`;

export type RecomputeResult = { bonds: number; removed: number };

// Rewrites the bonds of the given customers (all the workspace's when omitted) in ONE set-based
// statement: scores every pair from messages, upserts them, deletes pairs that no longer exist. The
// listeners call it for the customers of a batch of messages, so incremental and full are the same code.
export async function recomputeBonds(scope: TenantScope, customerIds?: string[]): Promise<RecomputeResult> {
  if (customerIds && !customerIds.length) return { bonds: 0, removed: 0 };
  const ws = scope.workspaceId;
  const only = (column: string) => (customerIds ? sql`and ${sql.ref(column)} = any(${customerIds}::uuid[])` : sql``);
  const result = await sql<{ bonds: string; removed: string }>`
    with conv as (
      -- Every term needs an employee's message in the conversation (a reply, a turn before praise),
      -- so the others are left out before their messages are read.
      select c.id, c.customer_id from conversations c where c.workspace_id = ${ws} ${only('c.customer_id')}
        and exists (select 1 from messages e where e.conversation_id = c.id and e.author_type = 'employee' and e.author_id is not null)
    ),
    msg as (
      select m.conversation_id, conv.customer_id, m.author_type, m.author_id, m.created_at, m.text,
        ${valenceOf(sql.ref('m.emotion'))} as valence,
        ${decay(sql.ref('m.created_at'))} as w,
        lag(m.author_type) over turn as prev_type,
        lag(m.author_id) over turn as prev_author
      from messages m join conv on conv.id = m.conversation_id
      where m.workspace_id = ${ws} and m.author_type in ('customer', 'employee')
      window turn as (partition by m.conversation_id order by m.created_at, m.id)
    ),
    handled as (
      select customer_id, author_id as employee_id, conversation_id, count(*) as replies, sum(w) as replies_w, max(created_at) as last_at
      from msg where author_type = 'employee' and author_id is not null
      group by customer_id, author_id, conversation_id
    ),
    pairs as (
      select customer_id, employee_id, sum(replies)::int as replies, sum(replies_w) as replies_w, count(*)::int as conversations,
        sum(${decay(sql.ref('last_at'))}) as conversations_w, max(last_at) as last_at
      from handled group by customer_id, employee_id
    ),
    feeling as (
      select h.customer_id, h.employee_id, sum(m.w * m.valence) / nullif(sum(m.w), 0) as valence, count(*)::int as messages
      from handled h join msg m on m.conversation_id = h.conversation_id
      where m.author_type = 'customer' and m.valence is not null
      group by h.customer_id, h.employee_id
    ),
    praise as (
      select m.customer_id, m.prev_author as employee_id, count(*)::int as praise, sum(m.w) as praise_w
      from msg m join employees e on e.workspace_id = ${ws} and e.id = m.prev_author
      where m.author_type = 'customer' and m.prev_type = 'employee' and m.valence > ${sql.lit(PRAISE_MIN_VALENCE)}
        and (customer_name_key(m.text) ~ ${THANKS}
          or customer_name_key(split_part(btrim(e.name), ' ', 1)) = any(regexp_split_to_array(customer_name_key(m.text), '[^[:alnum:]]+')))
      group by m.customer_id, m.prev_author
    ),
    scored as (
      select p.customer_id, p.employee_id, p.replies, p.replies_w, p.conversations, p.conversations_w, p.last_at,
        coalesce(f.valence, 0) as valence, coalesce(f.messages, 0) as felt, coalesce(pr.praise, 0) as praise, coalesce(pr.praise_w, 0) as praise_w,
        (p.replies_w * ${sql.lit(WEIGHTS.reply)} + p.conversations_w * ${sql.lit(WEIGHTS.conversation)} + coalesce(pr.praise_w, 0) * ${sql.lit(WEIGHTS.praise)})
          * (1 + ${sql.lit(WEIGHTS.feeling)} * coalesce(f.valence, 0)) as score
      from pairs p
      join employees e on e.workspace_id = ${ws} and e.id = p.employee_id
      left join feeling f on f.customer_id = p.customer_id and f.employee_id = p.employee_id
      left join praise pr on pr.customer_id = p.customer_id and pr.employee_id = p.employee_id
    ),
    upserted as (
      insert into bonds (workspace_id, customer_id, employee_id, score, components, updated_at)
      select ${ws}, customer_id, employee_id, score, jsonb_build_object(
          'replies', replies, 'conversations', conversations, 'praise', praise,
          'lastInteractionAt', last_at, 'feeling', round(valence::numeric, 3), 'feltMessages', felt,
          'weighted', jsonb_build_object('replies', round(replies_w::numeric, 4), 'conversations', round(conversations_w::numeric, 4), 'praise', round(praise_w::numeric, 4))),
        now()
      from scored
      on conflict (workspace_id, customer_id, employee_id)
        do update set score = excluded.score, components = excluded.components, updated_at = excluded.updated_at
      returning customer_id, employee_id
    ),
    removed as (
      delete from bonds b where b.workspace_id = ${ws} ${only('b.customer_id')}
        and not exists (select 1 from upserted u where u.customer_id = b.customer_id and u.employee_id = b.employee_id)
      returning 1
    )
    select (select count(*) from upserted) as bonds, (select count(*) from removed) as removed
  `.execute(scope.db);
  const row = result.rows[0]!;
  return { bonds: Number(row.bonds), removed: Number(row.removed) };
}

export type BondComponents = {
  replies: number;
  conversations: number;
  praise: number;
  lastInteractionAt: string;
  feeling: number;
  feltMessages: number;
  weighted: { replies: number; conversations: number; praise: number };
};

export type BondView = {
  employeeId: string;
  employeeName: string;
  active: boolean;
  teamId: string | null;
  score: number;
  components: BondComponents;
  updatedAt: string;
};

const round = (n: number) => Math.round(n * 1000) / 1000;

// Every bond of a customer, strongest first (score decayed to now).
export async function listCustomerBonds(scope: TenantScope, customerId: string): Promise<BondView[]> {
  await getCustomer(scope, customerId);
  const rows = await scope
    .selectFrom('bonds')
    .innerJoin('employees', (j) => j.onRef('employees.id', '=', 'bonds.employee_id').onRef('employees.workspace_id', '=', 'bonds.workspace_id'))
    .select(['bonds.employee_id', 'employees.name', 'employees.active', 'employees.team_id', 'bonds.components', 'bonds.updated_at'])
    .select(currentScore().as('score'))
    .where('bonds.customer_id', '=', customerId)
    .orderBy(currentScore(), 'desc')
    .orderBy('bonds.employee_id')
    .execute();
  return rows.map((r) => ({
    employeeId: r.employee_id,
    employeeName: r.name,
    active: r.active,
    teamId: r.team_id,
    score: round(Number(r.score)),
    components: r.components as BondComponents,
    updatedAt: r.updated_at.toISOString(),
  }));
}

// The customer's trusted employee: the strongest bond with an active employee.
export const trustedOf = (bonds: BondView[]): BondView | null => bonds.find((b) => b.active) ?? null;

// For queries that read a customer's trusted employee inline (reaction's customer state): a
// subquery yielding { id, name } of the strongest active bond, or null when the customer has none.
export function trustedEmployeeSubquery(db: Kysely<Database>, workspaceIdRef: string, customerIdRef: string) {
  return jsonObjectFrom(
    db
      .selectFrom('bonds')
      .innerJoin('employees', (j) => j.onRef('employees.id', '=', 'bonds.employee_id').onRef('employees.workspace_id', '=', 'bonds.workspace_id'))
      .select(['employees.id', 'employees.name'])
      .where(sql<boolean>`bonds.workspace_id = ${sql.ref(workspaceIdRef)}`)
      .where(sql<boolean>`bonds.customer_id = ${sql.ref(customerIdRef)}`)
      .where('employees.active', '=', true)
      .orderBy(currentScore(), 'desc')
      .orderBy('employees.id')
      .limit(1),
  );
}
