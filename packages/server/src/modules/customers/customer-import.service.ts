import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import type { CountryCode } from 'libphonenumber-js';
import type { AppContext } from '../../platform/context.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { workspaceStream } from '../../platform/realtime/stream-log.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { listDefinitions } from './attribute-definition.service.ts';
import { coerceAttribute, type AttributeDefinition, type AttributeValue } from './attribute-value.ts';
import { identityConflictPair, proposeDuplicates, type DuplicatePair } from './duplicate.service.ts';
import { EMAIL_MESSAGE, normaliseEmail, normalisePhone, normaliseIdentityValue, PHONE_MESSAGE } from './identity-value.ts';

// Which CSV column feeds which field. Attribute columns are read with the attribute's type when the
// workspace defines it, and kept as text otherwise.
export type ImportMapping = {
  name?: string;
  email?: string;
  phone?: string;
  locale?: string;
  company?: string;
  externalId?: { column: string; channel: string };
  attributes?: Record<string, string>;
};

export type ImportOptions = {
  mapping: ImportMapping;
  // The company vouches for these emails, phones and ids: a match with an existing customer is that
  // customer (their empty fields are filled), not a new record proposed as a duplicate.
  verified: boolean;
  // Where phone numbers written without their country code are from, like "ES".
  defaultCountry?: CountryCode;
  // Lets the client recognise its own progress frames.
  importId?: string;
  batchSize?: number;
};

export type RowError = { row: number; column: string | null; message: string };
export type ImportReport = {
  importId: string;
  rows: number;
  created: number;
  updated: number;
  proposedDuplicates: number;
  errors: RowError[];
};

type Parsed = {
  row: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  company: string | null;
  external: string | null;
  attributes: Record<string, AttributeValue>;
};

const LOCALE = /^[a-z]{2}(-[A-Z]{2})?$/;

// CSV rows become customers, a batch at a time: each batch reads the identities it could match in one
// query and writes its new customers and their identities in one statement each. A row that cannot be
// imported is reported with its line and column; none is dropped silently.
export async function importCustomers(ctx: AppContext, scope: TenantScope, actor: AuditActor, csv: string, options: ImportOptions): Promise<ImportReport> {
  const { mapping } = options;
  let records: Array<Record<string, string>>;
  try {
    records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (err) {
    throw new AppError('validation_failed', `The file is not valid CSV: ${(err as Error).message}`);
  }
  const header = records.length ? Object.keys(records[0]!) : csvHeader(csv);
  const wanted = [mapping.name, mapping.email, mapping.phone, mapping.locale, mapping.company, mapping.externalId?.column, ...Object.values(mapping.attributes ?? {})].filter((c): c is string => !!c);
  const missing = wanted.filter((c) => !header.includes(c));
  if (missing.length) throw new AppError('validation_failed', `The mapping names columns the file does not have: ${missing.join(', ')} (columns: ${header.join(', ')})`);
  if (!wanted.length) throw new AppError('validation_failed', 'The mapping names no column');
  if (mapping.externalId && 'error' in normaliseIdentityValue(mapping.externalId.channel, 'x')) throw new AppError('validation_failed', `mapping.externalId.channel: ${mapping.externalId.channel} holds emails or phones; map it as email or phone`);

  const report: ImportReport = { importId: options.importId ?? randomUUID(), rows: records.length, created: 0, updated: 0, proposedDuplicates: 0, errors: [] };
  const parsed: Parsed[] = [];
  const defs = new Map((await listDefinitions(scope)).map((d) => [d.key, d]));
  // Line 1 is the header.
  records.forEach((r, i) => {
    const p = parseRow(r, i + 2, mapping, options.defaultCountry, defs, report.errors);
    if (p) parsed.push(p);
  });

  const size = options.batchSize ?? 500;
  const seen = new Map<string, string>();
  for (let from = 0; from < parsed.length; from += size) {
    const counts = await scope.transaction((trx) => importBatch(trx, parsed.slice(from, from + size), options, seen));
    report.created += counts.created;
    report.updated += counts.updated;
    report.proposedDuplicates += counts.proposed;
    ctx.bus.publish('stream.ephemeral', {
      workspaceId: scope.workspaceId,
      stream: workspaceStream(scope.workspaceId),
      data: { type: 'customers.import.progress', importId: report.importId, processed: Math.min(from + size, parsed.length), total: parsed.length },
    });
  }
  await recordAudit(scope, actor, {
    action: 'customers.imported',
    targetType: 'workspace',
    targetId: scope.workspaceId,
    details: { importId: report.importId, rows: report.rows, created: report.created, updated: report.updated, proposedDuplicates: report.proposedDuplicates, errors: report.errors.length },
  });
  return report;
}

function csvHeader(csv: string): string[] {
  const first = parse(csv.split(/\r?\n/, 1)[0] ?? '', { trim: true, bom: true }) as string[][];
  return first[0] ?? [];
}

function parseRow(
  r: Record<string, string>,
  row: number,
  m: ImportMapping,
  country: CountryCode | undefined,
  defs: Map<string, AttributeDefinition>,
  errors: RowError[],
): Parsed | null {
  const value = (column: string | undefined) => (column ? (r[column] ?? '').trim() || null : null);
  const before = errors.length;
  const fail = (column: string | undefined, message: string) => errors.push({ row, column: column ?? null, message });
  const name = value(m.name);
  if (name && name.length > 200) fail(m.name, 'a name is at most 200 characters');
  const rawEmail = value(m.email);
  const email = rawEmail ? normaliseEmail(rawEmail) : null;
  if (rawEmail && !email) fail(m.email, `${EMAIL_MESSAGE} (got "${rawEmail}")`);
  const rawPhone = value(m.phone);
  const phone = rawPhone ? normalisePhone(rawPhone, country) : null;
  if (rawPhone && !phone) fail(m.phone, `${PHONE_MESSAGE} (got "${rawPhone}")`);
  const locale = value(m.locale);
  if (locale && !LOCALE.test(locale)) fail(m.locale, `must be a language code like es or en-GB (got "${locale}")`);
  const company = value(m.company);
  if (company && company.length > 200) fail(m.company, 'a company name is at most 200 characters');
  const rawExternal = value(m.externalId?.column);
  const normal = rawExternal && m.externalId ? normaliseIdentityValue(m.externalId.channel, rawExternal) : null;
  if (normal && 'error' in normal) fail(m.externalId?.column, normal.error);
  const attributes: Record<string, AttributeValue> = {};
  for (const [key, column] of Object.entries(m.attributes ?? {})) {
    const v = value(column);
    if (v === null) continue;
    const def = defs.get(key);
    const read = def ? coerceAttribute(def, v, true) : v.length > 2000 ? { error: 'an attribute is at most 2,000 characters' } : { value: v };
    if ('error' in read) fail(column, def ? `${def.label} ${read.error}` : read.error);
    else attributes[key] = read.value;
  }
  if (errors.length > before) return null;
  if (!name && !email && !phone && !rawExternal) {
    fail(undefined, 'the row has no name, email, phone or id: nothing to import');
    return null;
  }
  return { row, name, email, phone, locale, company, external: normal && 'value' in normal ? normal.value : null, attributes };
}

type Key = { channel: string; value: string };
const keysOf = (p: Parsed, m: ImportMapping): Key[] => [
  ...(p.email ? [{ channel: 'email', value: p.email }] : []),
  ...(p.phone ? [{ channel: 'phone', value: p.phone }] : []),
  ...(p.external && m.externalId ? [{ channel: m.externalId.channel, value: p.external }] : []),
];
const keyText = (k: Key) => `${k.channel} ${k.value}`;

async function importBatch(trx: TenantScope, rows: Parsed[], options: ImportOptions, seen: Map<string, string>): Promise<{ created: number; updated: number; proposed: number }> {
  const keys = rows.flatMap((r) => keysOf(r, options.mapping));
  const existing = keys.length
    ? await trx
        .selectFrom('customer_identities')
        .select(['channel', 'external_id', 'customer_id'])
        .where((eb) => eb.or(keys.map((k) => eb.and([eb('channel', '=', k.channel), eb('external_id', '=', k.value)]))))
        .execute()
    : [];
  // Earlier rows of this file count as existing customers too.
  const owner = new Map(existing.map((e) => [`${e.channel} ${e.external_id}`, e.customer_id]));
  for (const [k, id] of seen) if (!owner.has(k)) owner.set(k, id);

  const fresh: Array<{ id: string; p: Parsed; keys: Key[] }> = [];
  const fills = new Map<string, Parsed>();
  const pairs: DuplicatePair[] = [];
  for (const p of rows) {
    const own = keysOf(p, options.mapping);
    const match = own.map((k) => ({ k, id: owner.get(keyText(k)) })).find((x) => x.id);
    if (match?.id && options.verified) {
      fills.set(match.id, p);
      for (const k of own) if (!owner.has(keyText(k))) owner.set(keyText(k), match.id);
      continue;
    }
    const id = randomUUID();
    // An identity someone already has stays with them; the new record is proposed as their duplicate.
    const free = own.filter((k) => {
      const holder = owner.get(keyText(k));
      if (holder) pairs.push(identityConflictPair(id, holder, k.channel, k.value));
      return !holder;
    });
    for (const k of free) owner.set(keyText(k), id);
    fresh.push({ id, p, keys: free });
  }
  for (const [k, id] of owner) seen.set(k, id);

  if (fresh.length) {
    await trx
      .insertInto(
        'customers',
        fresh.map(({ id, p }) => ({ id, name: p.name, email: p.email, phone: p.phone, locale: p.locale, company: p.company, attributes: JSON.stringify(p.attributes) })),
      )
      .execute();
    const identities = fresh.flatMap(({ id, keys: ks }) => ks.map((k) => ({ customer_id: id, channel: k.channel, external_id: k.value, verified: options.verified })));
    if (identities.length) await trx.insertInto('customer_identities', identities).execute();
  }
  // A verified match keeps what the customer has and gains what was missing (existing attributes win
  // too: an import fills gaps, it does not overwrite what employees entered), in one statement for the
  // batch; identities already theirs are left as they are.
  if (fills.size) {
    const values = [...fills].map(
      ([id, p]) => sql`(${id}::uuid, ${p.name}::text, ${p.email}::text, ${p.phone}::text, ${p.locale}::text, ${p.company}::text, ${JSON.stringify(p.attributes)}::jsonb)`,
    );
    await sql`
      update customers c set
        name = coalesce(c.name, v.name), email = coalesce(c.email, v.email), phone = coalesce(c.phone, v.phone),
        locale = coalesce(c.locale, v.locale), company = coalesce(c.company, v.company), attributes = v.attributes || c.attributes, updated_at = ${new Date()}
      from (values ${sql.join(values)}) as v (id, name, email, phone, locale, company, attributes)
      where c.workspace_id = ${trx.workspaceId} and c.id = v.id and c.merged_into_id is null`.execute(trx.db);
    const identities = [...fills].flatMap(([id, p]) =>
      keysOf(p, options.mapping)
        .filter((k) => owner.get(keyText(k)) === id)
        .map((k) => ({ customer_id: id, channel: k.channel, external_id: k.value, verified: true })),
    );
    if (identities.length) {
      await trx
        .insertInto('customer_identities', identities)
        .onConflict((oc) => oc.columns(['workspace_id', 'channel', 'external_id']).doNothing())
        .execute();
    }
  }
  const proposed = await proposeDuplicates(trx, pairs);
  return { created: fresh.length, updated: fills.size, proposed: proposed.length };
}
