import type { Selectable } from 'kysely';
import type { LocalizedText, Locale, SuggestionsTable, SuggestionStatus } from '../../platform/db/database.types.ts';
import type { ReasonPart } from './condition.evaluator.ts';
import type { Action } from './playbook.schema.ts';
import { asLocale, bothLanguages, formatReason } from './reason.format.ts';

// An action as proposed to a person: the playbook's parameters, resolved for this customer.
export type ProposedAction = Action & {
  // personal_call: who should call (the trusted employee or the assignee); null when nobody fits yet.
  employee?: { id: string; name: string } | null;
  // apology (the draft filled from the conversation), gift, article: ready to edit, in the suggestion's language.
  text?: string;
};

export type SuggestionView = {
  id: string;
  status: SuggestionStatus;
  playbook: { id: string | null; name: LocalizedText };
  customer: { id: string; name: string | null };
  conversationId: string;
  locale: Locale;
  reason: { text: string; texts: Record<Locale, string>; parts: ReasonPart[] };
  actions: ProposedAction[];
  // Who should see it: the conversation's assignee, else its team; employeeIds adds whoever an
  // action names (the trusted employee); escalated ones are for managers too.
  target: { assigneeId: string | null; teamId: string | null; employeeIds: string[]; escalated: boolean };
  triggerMessageId: string;
  lastMessageId: string;
  triggeredAt: string;
  lastTriggeredAt: string;
  triggerCount: number;
  moodAtTrigger: number | null;
  snoozedUntil: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  decision: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
};

export type SuggestionRow = Selectable<SuggestionsTable>;

// What a re-trigger of a live suggestion changes: sent as `suggestion.updated` instead of the whole
// view (clients merge it into the suggestion they hold; a decision still sends the whole view).
export type SuggestionUpdate = Pick<SuggestionView, 'id' | 'status' | 'triggerCount' | 'lastMessageId' | 'lastTriggeredAt' | 'reason' | 'updatedAt'>;

function reasonView(reason: unknown, rowLocale: string): SuggestionView['reason'] {
  const parts = reason as ReasonPart[];
  const locale = asLocale(rowLocale) ?? 'es';
  const texts = bothLanguages((l) => formatReason(parts, l));
  return { text: texts[locale], texts, parts };
}

export function toSuggestionUpdate(r: Pick<SuggestionRow, 'id' | 'status' | 'locale' | 'reason' | 'trigger_count' | 'last_message_id' | 'last_triggered_at' | 'updated_at'>): SuggestionUpdate {
  return {
    id: r.id,
    status: r.status,
    triggerCount: r.trigger_count,
    lastMessageId: r.last_message_id,
    lastTriggeredAt: r.last_triggered_at.toISOString(),
    reason: reasonView(r.reason, r.locale),
    updatedAt: r.updated_at.toISOString(),
  };
}

export function toSuggestionView(r: SuggestionRow, customerName: string | null): SuggestionView {
  const reason = reasonView(r.reason, r.locale);
  return {
    id: r.id,
    status: r.status,
    playbook: { id: r.playbook_id, name: r.playbook_name },
    customer: { id: r.customer_id, name: customerName },
    conversationId: r.conversation_id,
    locale: asLocale(r.locale) ?? 'es',
    reason,
    actions: r.actions as ProposedAction[],
    target: { assigneeId: r.target_assignee_id, teamId: r.target_team_id, employeeIds: r.target_employee_ids, escalated: r.escalated },
    triggerMessageId: r.trigger_message_id,
    lastMessageId: r.last_message_id,
    triggeredAt: r.triggered_at.toISOString(),
    lastTriggeredAt: r.last_triggered_at.toISOString(),
    triggerCount: r.trigger_count,
    moodAtTrigger: r.mood_at_trigger,
    snoozedUntil: r.snoozed_until?.toISOString() ?? null,
    decidedAt: r.decided_at?.toISOString() ?? null,
    decidedBy: r.decided_by,
    decision: r.decision,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
