import type { Selectable } from 'kysely';
import type { Locale, SnippetsTable } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { notFound } from '../../platform/http/app-error.ts';
import { getConversation } from '../conversations/conversation.service.ts';
import { getCustomer } from '../customers/customer.service.ts';
import { getEmployee } from '../employees/employee.service.ts';
import { jaccard, normaliseReply, shingles } from './reply-fingerprint.ts';
import { ATTRIBUTE_PREFIX, fillTemplate, placeholdersOf, type FilledSnippet } from './snippet-template.ts';

type SnippetRow = Selectable<SnippetsTable>;

export type SnippetView = {
  id: string;
  title: string;
  body: string;
  locale: Locale;
  placeholders: string[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
};

const toSnippetView = (s: SnippetRow): SnippetView => ({
  id: s.id,
  title: s.title,
  body: s.body,
  locale: s.locale,
  placeholders: placeholdersOf(s.body),
  createdBy: s.created_by,
  createdAt: s.created_at.toISOString(),
  updatedAt: s.updated_at.toISOString(),
});

export type NewSnippet = { title: string; body: string; locale: Locale };

export async function listSnippets(scope: TenantScope, filter: { locale?: Locale; q?: string }): Promise<SnippetView[]> {
  let q = scope.selectFrom('snippets').selectAll().orderBy('title').orderBy('id').limit(500);
  if (filter.locale) q = q.where('locale', '=', filter.locale);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb('title', 'ilike', like), eb('body', 'ilike', like)]));
  }
  return (await q.execute()).map(toSnippetView);
}

async function getSnippetRow(scope: TenantScope, id: string): Promise<SnippetRow> {
  const row = await scope.selectFrom('snippets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Snippet');
  return row;
}

export const getSnippet = async (scope: TenantScope, id: string) => toSnippetView(await getSnippetRow(scope, id));

export async function createSnippet(scope: TenantScope, createdBy: string | null, input: NewSnippet): Promise<SnippetView> {
  const row = await scope
    .insertInto('snippets', { title: input.title, body: input.body, locale: input.locale, created_by: createdBy, updated_at: new Date() })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSnippetView(row);
}

export async function updateSnippet(scope: TenantScope, id: string, patch: Partial<NewSnippet>): Promise<SnippetView> {
  const row = await scope.updateTable('snippets').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw notFound('Snippet');
  return toSnippetView(row);
}

export async function deleteSnippet(scope: TenantScope, id: string): Promise<void> {
  const deleted = await scope.deleteFrom('snippets').where('id', '=', id).executeTakeFirst();
  if (!deleted.numDeletedRows) throw notFound('Snippet');
}

const firstWord = (s: string | null | undefined) => s?.trim().split(/\s+/)[0] || null;
const restWords = (s: string | null | undefined) => s?.trim().split(/\s+/).slice(1).join(' ') || null;
const asText = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

// The values a snippet can use in this conversation: its customer's profile and the employee writing.
export async function snippetValues(scope: TenantScope, conversationId: string, employeeId: string | null): Promise<(placeholder: string) => string | null> {
  const conversation = await getConversation(scope, conversationId);
  const [customer, employee] = await Promise.all([
    getCustomer(scope, conversation.customer_id),
    employeeId ? getEmployee(scope, employeeId).catch(() => null) : null,
  ]);
  const attr = (...keys: string[]) => keys.map((k) => asText(customer.attributes[k])).find((v) => v !== null) ?? null;
  const values: Record<string, string | null> = {
    firstName: firstWord(customer.name),
    lastName: restWords(customer.name),
    name: customer.name?.trim() || null,
    email: customer.email,
    phone: customer.phone,
    agentName: employee?.name ?? null,
    agentFirstName: firstWord(employee?.name),
    lastOrder: attr('lastOrder', 'last_order', 'lastOrderId'),
    plan: attr('plan', 'tier'),
    company: attr('company', 'companyName'),
  };
  return (p) => (p.startsWith(ATTRIBUTE_PREFIX) ? attr(p.slice(ATTRIBUTE_PREFIX.length)) : (values[p] ?? null));
}

// Filled for a conversation; undefined when the snippet does not exist (or no longer does).
export async function fillSnippetIfExists(scope: TenantScope, snippetId: string, conversationId: string, employeeId: string | null): Promise<FilledSnippet | undefined> {
  const snippet = await scope.selectFrom('snippets').select('body').where('id', '=', snippetId).executeTakeFirst();
  if (!snippet) return undefined;
  return fillTemplate(snippet.body, await snippetValues(scope, conversationId, employeeId));
}

export async function fillSnippet(scope: TenantScope, snippetId: string, conversationId: string, employeeId: string | null): Promise<FilledSnippet & { snippetId: string }> {
  const filled = await fillSnippetIfExists(scope, snippetId, conversationId, employeeId);
  if (!filled) throw notFound('Snippet');
  return { snippetId, ...filled };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

// A reply sent from a snippet: unchanged when it is the filled snippet word for word (spacing aside).
// Unknown snippets (deleted meanwhile, or never this workspace's) are ignored.
export async function recordSnippetUse(
  scope: TenantScope,
  use: { messageId: string; snippetId: string; employeeId: string; conversationId: string; text: string },
): Promise<void> {
  const filled = await fillSnippetIfExists(scope, use.snippetId, use.conversationId, use.employeeId);
  if (!filled) return;
  const unchanged = squash(use.text) === squash(filled.text);
  const similarity = unchanged ? 1 : jaccard(shingles(normaliseReply(use.text)), shingles(normaliseReply(filled.text)));
  await scope
    .insertInto('snippet_uses', { message_id: use.messageId, snippet_id: use.snippetId, employee_id: use.employeeId, unchanged, similarity: Math.round(similarity * 1000) / 1000 })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
}
