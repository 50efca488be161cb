import { sql, type Selectable } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { CustomerMergeKind, CustomerMergesTable, CustomersTable } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { appendStreamEvents, workspaceStream, type StreamEvent } from '../../platform/realtime/stream-log.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { recomputeMood } from '../emotion/mood.service.ts';
import { appendTimeline } from '../reaction/timeline.service.ts';
import { moveProfileRecords, type ProfileRecords } from './customer-profile.service.ts';
import { listIdentities, toCustomerView, type CustomerView } from './customer.service.ts';
import { settleDuplicate } from './duplicate.service.ts';

type CustomerRow = Selectable<CustomersTable>;
type MergeRow = Selectable<CustomerMergesTable>;

export const PROFILE_FIELDS = ['name', 'email', 'phone', 'locale', 'company'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type Side = 'survivor' | 'absorbed';
export type MergeChoices = { fields?: Partial<Record<ProfileField, Side>>; attributes?: Record<string, Side> };

// Tags, interests and company are absent from snapshots of merges made before they existed.
type Profile = {
  name: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  company?: string | null;
  attributes: Record<string, unknown>;
  tags?: string[];
  interests?: string[];
};

// Everything an unmerge needs, written once with the merge and never changed.
type MergeSnapshot = {
  survivor: Profile;
  absorbed: Profile;
  result: Profile;
  moved: { identities: string[]; conversations: string[]; timeline: string[]; reminders: string[]; suggestions: string[] };
  // Live suggestions of the absorbed customer that clashed with one of the survivor's (same playbook).
  dismissedSuggestions: string[];
  // The email or phone that lost, kept on the survivor as an identity; `from` says whose it was.
  addedIdentities: Array<{ id: string; from: Side }>;
  absorbedHadMood: boolean;
  // Orders and consent decisions moved (customer-profile.service.ts); absent in merges made before them.
  profileRecords?: ProfileRecords;
};

export type MergeView = {
  id: string;
  kind: CustomerMergeKind;
  survivorId: string;
  absorbedId: string;
  choices: MergeChoices;
  moved: Record<keyof MergeSnapshot['moved'], number>;
  proposalId: string | null;
  mergedAt: string;
  mergedBy: { type: string; id: string | null };
  unmergedAt: string | null;
  unmergedBy: { type: string; id: string | null } | null;
  unmerge: Record<string, unknown> | null;
};

export type MergeInput = { survivorId: string; absorbedId: string; kind: CustomerMergeKind; choices?: MergeChoices; proposalId?: string };

// The workspace is told so open web apps refresh the customer, the inbox rows and the duplicates queue.
export type MergeOutcome = { merge: MergeView; survivor: CustomerView; absorbedId: string; conversationIds: string[]; events: StreamEvent[] };
export type UnmergeOutcome = MergeOutcome & { restored: CustomerView };

const profileOf = (c: CustomerRow): Profile => ({
  name: c.name,
  email: c.email,
  phone: c.phone,
  locale: c.locale,
  company: c.company,
  attributes: c.attributes,
  tags: c.tags,
  interests: c.interests,
});
const LISTS = ['tags', 'interests'] as const;
const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
const ids = (rows: Array<{ id: string | number }>) => rows.map((r) => String(r.id));
const uuids = (list: string[]) => sql`${list}::uuid[]`;
// Through the messages' index: reply fingerprints are not indexed by conversation.
const messagesOf = (trx: TenantScope, conversations: string[]) =>
  trx.selectFrom('messages').select('id').where(sql<boolean>`conversation_id = any(${uuids(conversations)})`);

export function toMergeView(row: MergeRow): MergeView {
  const snapshot = row.snapshot as MergeSnapshot;
  return {
    id: row.id,
    kind: row.kind,
    survivorId: row.survivor_id,
    absorbedId: row.absorbed_id,
    choices: row.choices as MergeChoices,
    moved: {
      identities: snapshot.moved.identities.length,
      conversations: snapshot.moved.conversations.length,
      timeline: snapshot.moved.timeline.length,
      reminders: snapshot.moved.reminders.length,
      suggestions: snapshot.moved.suggestions.length,
    },
    proposalId: row.proposal_id,
    mergedAt: row.merged_at.toISOString(),
    mergedBy: { type: row.actor_type, id: row.actor_id },
    unmergedAt: row.unmerged_at?.toISOString() ?? null,
    unmergedBy: row.unmerged_at ? { type: row.unmerged_by_type ?? 'employee', id: row.unmerged_by } : null,
    unmerge: row.unmerge_summary,
  };
}

// Both rows locked in id order (two merges of the same pair cannot deadlock); another workspace's
// customer is simply not found.
async function lockCustomers(trx: TenantScope, a: string, b: string): Promise<Map<string, CustomerRow>> {
  const rows = await trx.selectFrom('customers').selectAll().where('id', 'in', [a, b]).orderBy('id').forUpdate().execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of [a, b]) if (!byId.has(id)) throw new AppError('not_found', `Customer ${id} not found`);
  return byId;
}

// Default: the survivor's value, or the absorbed one's where the survivor has none; attributes are
// the union, the survivor's value winning on a shared key unless the employee chose otherwise.
function resolveProfile(survivor: Profile, absorbed: Profile, choices: MergeChoices): { result: Profile; chosen: Required<MergeChoices> } {
  const fields = {} as Record<ProfileField, Side>;
  const result = { ...survivor, attributes: {} as Record<string, unknown> };
  for (const f of PROFILE_FIELDS) {
    fields[f] = choices.fields?.[f] ?? ((survivor[f] ?? null) === null && (absorbed[f] ?? null) !== null ? 'absorbed' : 'survivor');
    result[f] = (fields[f] === 'absorbed' ? absorbed[f] : survivor[f]) ?? null;
  }
  // Tags and interests are kept from both: neither customer's labels are lost by the merge.
  for (const list of LISTS) result[list] = [...new Set([...(survivor[list] ?? []), ...(absorbed[list] ?? [])])];
  const unknownKeys = Object.keys(choices.attributes ?? {}).filter((k) => !(k in survivor.attributes) && !(k in absorbed.attributes));
  if (unknownKeys.length) {
    throw new AppError('validation_failed', `Neither customer has the attribute ${unknownKeys.join(', ')}`, unknownKeys.map((k) => ({ path: `body.attributes.${k}`, message: 'is not an attribute of either customer' })));
  }
  const attributes: Record<string, Side> = {};
  for (const key of new Set([...Object.keys(survivor.attributes), ...Object.keys(absorbed.attributes)])) {
    attributes[key] = choices.attributes?.[key] ?? (key in survivor.attributes ? 'survivor' : 'absorbed');
    const from = attributes[key] === 'survivor' ? survivor.attributes : absorbed.attributes;
    if (key in from) result.attributes[key] = from[key];
  }
  return { result, chosen: { fields, attributes } };
}

// Inside the caller's transaction; the caller publishes the outcome once it commits.
export async function mergeInTransaction(trx: TenantScope, actor: AuditActor, input: MergeInput): Promise<MergeOutcome> {
  const { survivorId: S, absorbedId: A } = input;
  if (S === A) throw new AppError('bad_request', 'A customer cannot be merged with itself');
  const locked = await lockCustomers(trx, S, A);
  for (const c of locked.values()) {
    if (c.merged_into_id) throw new AppError('conflict', `Customer ${c.id} was already merged into ${c.merged_into_id}`, { customerId: c.id, mergedInto: c.merged_into_id });
  }
  const survivorBefore = profileOf(locked.get(S)!);
  const absorbedBefore = profileOf(locked.get(A)!);
  const { result, chosen } = resolveProfile(survivorBefore, absorbedBefore, input.choices ?? {});
  const now = new Date();
  const survivor = await trx
    .updateTable('customers')
    .set({
      name: result.name,
      email: result.email,
      phone: result.phone,
      locale: result.locale,
      company: result.company ?? null,
      attributes: JSON.stringify(result.attributes),
      tags: result.tags ?? [],
      interests: result.interests ?? [],
      updated_at: now,
    })
    .where('id', '=', S)
    .returningAll()
    .executeTakeFirstOrThrow();

  // Every table with a customer_id column (migrations 001–006), and customers' own messages.
  const conversations = ids(await trx.selectFrom('conversations').select('id').where('customer_id', '=', A).execute());
  if (conversations.length) {
    await trx.updateTable('messages').set({ author_id: S }).where(sql<boolean>`conversation_id = any(${uuids(conversations)})`).where('author_type', '=', 'customer').where('author_id', '=', A).execute();
    await trx.updateTable('reply_fingerprints').set({ customer_id: S }).where('message_id', 'in', messagesOf(trx, conversations)).execute();
    await trx.updateTable('conversations').set({ customer_id: S }).where('customer_id', '=', A).execute();
    // Calls belong to their conversation's customer.
    await trx.updateTable('calls').set({ customer_id: S }).where(sql<boolean>`conversation_id = any(${uuids(conversations)})`).execute();
  }
  const identities = ids(await trx.updateTable('customer_identities').set({ customer_id: S }).where('customer_id', '=', A).returning('id').execute());
  const dismissedSuggestions = ids(
    await trx
      .updateTable('suggestions')
      .set({ status: 'dismissed', decided_at: now, decision: JSON.stringify({ reason: 'merged' }), updated_at: now })
      .where('customer_id', '=', A)
      .where('status', 'in', ['open', 'snoozed'])
      .where(sql<boolean>`playbook_id in (select playbook_id from suggestions s where s.workspace_id = ${trx.workspaceId} and s.customer_id = ${S} and s.status in ('open', 'snoozed'))`)
      .returning('id')
      .execute(),
  );
  const suggestions = ids(await trx.updateTable('suggestions').set({ customer_id: S }).where('customer_id', '=', A).returning('id').execute());
  const reminders = ids(await trx.updateTable('reminders').set({ customer_id: S }).where('customer_id', '=', A).returning('id').execute());
  const timeline = ids(await trx.updateTable('customer_timeline').set({ customer_id: S }).where('customer_id', '=', A).returning('id').execute());
  const profileRecords = await moveProfileRecords(trx, A, S);
  // Mood is replayed from the messages the survivor now has, so it reads as one person's.
  await trx.deleteFrom('customer_mood_points').where('customer_id', '=', A).execute();
  const absorbedHadMood = (await trx.deleteFrom('customer_moods').where('customer_id', '=', A).returning('customer_id').execute()).length > 0;
  if (absorbedHadMood) {
    await trx.insertInto('customer_moods', { customer_id: S, score: 0, trend: 'stable', alert: false, updated_at: new Date(0) }).onConflict((oc) => oc.column('customer_id').doNothing()).execute();
  }
  const addedIdentities = await keepLosingContacts(trx, S, result, { survivor: survivorBefore, absorbed: absorbedBefore });

  await trx.updateTable('customers').set({ merged_into_id: S, merged_at: now, updated_at: now }).where('id', '=', A).execute();
  const snapshot: MergeSnapshot = {
    survivor: survivorBefore,
    absorbed: absorbedBefore,
    result,
    moved: { identities, conversations, timeline, reminders, suggestions },
    dismissedSuggestions,
    addedIdentities,
    absorbedHadMood,
    profileRecords,
  };
  const row = await trx
    .insertInto('customer_merges', {
      survivor_id: S,
      absorbed_id: A,
      kind: input.kind,
      choices: JSON.stringify(chosen),
      snapshot: JSON.stringify(snapshot),
      proposal_id: input.proposalId ?? null,
      actor_type: actor.type,
      actor_id: actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const merge = toMergeView(row);
  await settleDuplicate(trx, actor, [S, A], 'merged', row.id);
  const changedFields = PROFILE_FIELDS.filter((f) => !same(survivorBefore[f], result[f]));
  await recordAudit(trx, actor, {
    action: 'customer.merged',
    targetType: 'customer',
    targetId: S,
    details: { mergeId: row.id, absorbedId: A, kind: input.kind, choices: chosen, changedFields, moved: merge.moved },
  });
  await appendTimeline(trx, actor, [{ customerId: S, kind: 'customer.merged', data: { mergeId: row.id, absorbedId: A, absorbedName: absorbedBefore.name } }]);
  const mood = absorbedHadMood || conversations.length ? await recomputeMood(trx, S) : null;
  const view = toCustomerView(survivor, await listIdentities(trx, S));
  const events = await appendStreamEvents(trx.db, trx.workspaceId, [
    { stream: workspaceStream(trx.workspaceId), type: 'customer.merged', data: { merge, survivor: view, absorbedId: A, conversationIds: conversations } },
  ]);
  return { merge, survivor: view, absorbedId: A, conversationIds: conversations, events: [...(mood?.events ?? []), ...events] };
}

// An email or phone that did not survive stays reachable as an (unverified) identity of the survivor.
async function keepLosingContacts(trx: TenantScope, S: string, result: Profile, before: Record<Side, Profile>): Promise<MergeSnapshot['addedIdentities']> {
  const added: MergeSnapshot['addedIdentities'] = [];
  for (const from of ['survivor', 'absorbed'] as const) {
    for (const [field, channel] of [['email', 'email'], ['phone', 'phone']] as const) {
      const value = before[from][field];
      if (!value || value === result[field]) continue;
      const row = await trx
        .insertInto('customer_identities', { customer_id: S, channel, external_id: value })
        .onConflict((oc) => oc.columns(['workspace_id', 'channel', 'external_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) added.push({ id: row.id, from });
    }
  }
  return added;
}

export function publishMerge(ctx: AppContext, workspaceId: string, type: 'customer.merged' | 'customer.unmerged', outcome: MergeOutcome, actorId: string | null): void {
  ctx.bus.publish('stream.appended', { workspaceId, events: outcome.events });
  ctx.bus.publish(type, {
    workspaceId,
    mergeId: outcome.merge.id,
    survivorId: outcome.merge.survivorId,
    absorbedId: outcome.merge.absorbedId,
    conversationIds: outcome.conversationIds,
    actorId,
  });
}

export async function mergeCustomers(ctx: AppContext, scope: TenantScope, actor: AuditActor, input: MergeInput): Promise<MergeOutcome> {
  const outcome = await scope.transaction((trx) => mergeInTransaction(trx, actor, input));
  publishMerge(ctx, scope.workspaceId, 'customer.merged', outcome, actor.id);
  return outcome;
}

// Unmerge: the absorbed customer comes back with its own fields, identities and everything the merge
// moved. Rows that arrived after the merge follow their conversation, and a conversation goes back
// when the merge moved it or when it was started after the merge through an identity that came from
// the absorbed customer. The survivor's fields return to their values before the merge unless
// someone changed them since (a later edit wins).
export async function unmergeCustomers(ctx: AppContext, scope: TenantScope, actor: AuditActor, mergeId: string): Promise<UnmergeOutcome> {
  const outcome = await scope.transaction(async (trx) => {
    const row = await trx.selectFrom('customer_merges').selectAll().where('id', '=', mergeId).forUpdate().executeTakeFirst();
    if (!row) throw notFound('Merge');
    if (row.unmerged_at) throw new AppError('conflict', `This merge was already undone at ${row.unmerged_at.toISOString()}`);
    const { survivor_id: S, absorbed_id: A } = row;
    const locked = await lockCustomers(trx, S, A);
    const survivorNow = locked.get(S)!;
    if (survivorNow.merged_into_id) {
      throw new AppError('conflict', `Customer ${S} was merged into ${survivorNow.merged_into_id} afterwards; undo that merge first`, { mergedInto: survivorNow.merged_into_id });
    }
    const snap = row.snapshot as MergeSnapshot;
    const fromAbsorbed = [...snap.moved.identities, ...snap.addedIdentities.filter((i) => i.from === 'absorbed').map((i) => i.id)];
    const back = ids(
      await trx
        .selectFrom('conversations')
        .select('id')
        .where('customer_id', '=', S)
        .where((eb) =>
          eb.or([
            eb('id', '=', sql<string>`any(${uuids(snap.moved.conversations)})`),
            eb.and([eb('identity_id', '=', sql<string>`any(${uuids(fromAbsorbed)})`), eb('created_at', '>=', row.merged_at)]),
          ]),
        )
        .execute(),
    );
    const inBack = sql<boolean>`conversation_id = any(${uuids(back)})`;
    if (back.length) {
      await trx.updateTable('messages').set({ author_id: A }).where(inBack).where('author_type', '=', 'customer').where('author_id', '=', S).execute();
      await trx.updateTable('reply_fingerprints').set({ customer_id: A }).where('message_id', 'in', messagesOf(trx, back)).execute();
      await trx.updateTable('conversations').set({ customer_id: A }).where(sql<boolean>`id = any(${uuids(back)})`).execute();
      await trx.updateTable('calls').set({ customer_id: A }).where(inBack).execute();
    }
    // A live suggestion already moved back wins over one the merge dismissed for the same playbook.
    const suggestions = ids(await trx.updateTable('suggestions').set({ customer_id: A }).where('customer_id', '=', S).where(inBack).returning('id').execute());
    const now = new Date();
    await trx
      .updateTable('suggestions')
      .set({ status: 'open', decided_at: null, decision: null, updated_at: now })
      .where(sql<boolean>`id = any(${uuids(snap.dismissedSuggestions)})`)
      .where('customer_id', '=', A)
      .where('status', '=', 'dismissed')
      .where(sql<boolean>`decision->>'reason' = 'merged'`)
      .where(sql<boolean>`not exists (select 1 from suggestions o where o.workspace_id = suggestions.workspace_id and o.customer_id = suggestions.customer_id and o.playbook_id = suggestions.playbook_id and o.status in ('open', 'snoozed'))`)
      .execute();
    const reminders = ids(
      await trx
        .updateTable('reminders')
        .set({ customer_id: A })
        .where('customer_id', '=', S)
        .where((eb) => eb.or([eb('conversation_id', '=', sql<string>`any(${uuids(back)})`), eb('id', '=', sql<string>`any(${uuids(snap.moved.reminders)})`)]))
        .returning('id')
        .execute(),
    );
    const timeline = ids(await trx.updateTable('customer_timeline').set({ customer_id: A }).where('customer_id', '=', S).where(sql<boolean>`id = any(${snap.moved.timeline}::bigint[])`).returning('id').execute());
    await moveProfileRecords(trx, S, A, snap.profileRecords ?? { orders: [], consents: [] });
    const identities = ids(await trx.updateTable('customer_identities').set({ customer_id: A }).where('customer_id', '=', S).where(sql<boolean>`id = any(${uuids(snap.moved.identities)})`).returning('id').execute());
    await trx.deleteFrom('customer_identities').where('customer_id', '=', S).where(sql<boolean>`id = any(${uuids(snap.addedIdentities.map((i) => i.id))})`).execute();

    const survivor = await trx
      .updateTable('customers')
      .set({ ...restoredProfile(profileOf(survivorNow), snap), updated_at: now })
      .where('id', '=', S)
      .returningAll()
      .executeTakeFirstOrThrow();
    const restored = await trx.updateTable('customers').set({ merged_into_id: null, merged_at: null, updated_at: now }).where('id', '=', A).returningAll().executeTakeFirstOrThrow();

    // Both moods are replayed from the messages each one has again.
    if (snap.absorbedHadMood || back.length) {
      await trx.insertInto('customer_moods', { customer_id: A, score: 0, trend: 'stable', alert: false, updated_at: new Date(0) }).onConflict((oc) => oc.column('customer_id').doNothing()).execute();
    }
    const moods = [await recomputeMood(trx, A), await recomputeMood(trx, S)];

    const summary = { conversations: back, identities: identities.length, suggestions: suggestions.length, reminders: reminders.length, timeline: timeline.length };
    const updated = await trx
      .updateTable('customer_merges')
      .set({ unmerged_at: now, unmerged_by_type: actor.type, unmerged_by: actor.id, unmerge_summary: JSON.stringify(summary) })
      .where('id', '=', mergeId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await settleDuplicate(trx, actor, [S, A], 'dismissed', mergeId);
    await recordAudit(trx, actor, { action: 'customer.unmerged', targetType: 'customer', targetId: S, details: { mergeId, absorbedId: A, ...summary } });
    await appendTimeline(trx, actor, [
      { customerId: S, kind: 'customer.unmerged', data: { mergeId, otherId: A } },
      { customerId: A, kind: 'customer.unmerged', data: { mergeId, otherId: S } },
    ]);
    const merge = toMergeView(updated);
    const survivorView = toCustomerView(survivor, await listIdentities(trx, S));
    const restoredView = toCustomerView(restored, await listIdentities(trx, A));
    const events = await appendStreamEvents(trx.db, trx.workspaceId, [
      { stream: workspaceStream(trx.workspaceId), type: 'customer.unmerged', data: { merge, survivor: survivorView, restored: restoredView, conversationIds: back } },
    ]);
    const moodEvents = moods.flatMap((m) => m?.events ?? []);
    return { merge, survivor: survivorView, restored: restoredView, absorbedId: A, conversationIds: back, events: [...moodEvents, ...events] };
  });
  publishMerge(ctx, scope.workspaceId, 'customer.unmerged', outcome, actor.id);
  return outcome;
}

// Fields (and attribute keys) the merge changed go back to their value before it, where they still
// hold what the merge wrote.
function restoredProfile(now: Profile, snap: MergeSnapshot) {
  const fields: Partial<Record<ProfileField, string | null>> = {};
  for (const f of PROFILE_FIELDS) {
    if (!same(snap.survivor[f], snap.result[f]) && same(now[f], snap.result[f])) fields[f] = snap.survivor[f] ?? null;
  }
  // What the merge brought in goes; what was there before or was added since stays.
  const lists: Partial<Record<(typeof LISTS)[number], string[]>> = {};
  for (const list of LISTS) {
    const before = new Set(snap.survivor[list] ?? []);
    const brought = new Set((snap.result[list] ?? []).filter((t) => !before.has(t)));
    if (brought.size) lists[list] = (now[list] ?? []).filter((t) => !brought.has(t));
  }
  const attributes = { ...now.attributes };
  for (const key of new Set([...Object.keys(snap.survivor.attributes), ...Object.keys(snap.result.attributes)])) {
    if (same(snap.survivor.attributes[key], snap.result.attributes[key]) || !same(now.attributes[key], snap.result.attributes[key])) continue;
    if (key in snap.survivor.attributes) attributes[key] = snap.survivor.attributes[key];
    else delete attributes[key];
  }
  return { ...fields, ...lists, attributes: JSON.stringify(attributes) };
}

export async function getMerge(scope: TenantScope, id: string): Promise<MergeView> {
  const row = await scope.selectFrom('customer_merges').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Merge');
  return toMergeView(row);
}

// A customer's merges, either side, newest first: what it absorbed and, for a hidden one, where it went.
export async function listMerges(scope: TenantScope, customerId: string): Promise<MergeView[]> {
  const rows = await scope
    .selectFrom('customer_merges')
    .selectAll()
    .where((eb) => eb.or([eb('survivor_id', '=', customerId), eb('absorbed_id', '=', customerId)]))
    .orderBy('merged_at', 'desc')
    .limit(200)
    .execute();
  if (!rows.length && !(await scope.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst())) throw notFound('Customer');
  return rows.map(toMergeView);
}
