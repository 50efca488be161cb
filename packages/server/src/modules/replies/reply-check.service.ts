import type { Locale } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { getConversation, listConversations } from '../conversations/conversation.service.ts';
import { getCustomer } from '../customers/customer.service.ts';
import { getEmployee } from '../employees/employee.service.ts';
import { latestCustomerMessage } from '../messages/message.service.ts';
import { detectLanguage, normaliseReply } from './reply-fingerprint.ts';
import { excerptsOf, findNearDuplicates } from './reply-similarity.service.ts';
import { personalisationHints, type Suggestion } from './reply-suggestions.ts';

export type ReplyExample = { messageId: string; customerName: string | null; sentAt: string; similarity: number; snippet: string };

export type ReplyCheck = {
  canned: boolean;
  similarity: number;
  sentToOthers: number;
  examples: ReplyExample[];
  suggestions: Suggestion[];
};

const round = (x: number) => Math.round(x * 100) / 100;

async function localeOf(scope: TenantScope, employeeId: string | null, text: string): Promise<Locale> {
  if (employeeId) {
    const employee = await getEmployee(scope, employeeId).catch(() => null);
    if (employee) return employee.locale;
  }
  return detectLanguage(normaliseReply(text).words) === 'en' ? 'en' : 'es';
}

// Before a reply is sent: is it nearly the same as replies already sent to other customers, and if so,
// how could it be made personal for this one?
export async function checkReply(scope: TenantScope, input: { conversationId: string; text: string; employeeId: string | null }): Promise<ReplyCheck> {
  const conversation = await getConversation(scope, input.conversationId);
  const customer = await getCustomer(scope, conversation.customer_id);
  const found = await findNearDuplicates(scope, input.text, customer);
  const canned = found.matches.length > 0;
  if (!canned) return { canned, similarity: round(found.similarity), sentToOthers: 0, examples: [], suggestions: [] };

  const top = [...found.matches].sort((a, b) => b.similarity - a.similarity || b.sentAt.getTime() - a.sentAt.getTime()).slice(0, 3);
  const [names, excerpts, lastMessage, conversations, locale] = await Promise.all([
    Promise.all(top.map((m) => getCustomer(scope, m.customerId).then((c) => c.name, () => null))),
    excerptsOf(scope, top.map((m) => m.messageId)),
    latestCustomerMessage(scope, conversation.id),
    listConversations(scope, null, { customerId: customer.id, limit: 2 }),
    localeOf(scope, input.employeeId, input.text),
  ]);
  const previous = conversations.find((c) => c.id !== conversation.id);
  return {
    canned,
    similarity: round(found.similarity),
    sentToOthers: found.matches.length,
    examples: top.map((m, i) => ({
      messageId: m.messageId,
      customerName: names[i] ?? null,
      sentAt: m.sentAt.toISOString(),
      similarity: round(m.similarity),
      snippet: excerpts.get(m.messageId) ?? '',
    })),
    suggestions: personalisationHints(
      {
        name: customer.name,
        attributes: customer.attributes,
        lastMessage: lastMessage ? { text: lastMessage.text, createdAt: lastMessage.createdAt } : null,
        previousConversation: previous ? { subject: previous.subject, createdAt: previous.created_at.toISOString() } : null,
      },
      input.text,
      locale,
    ),
  };
}
