import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/db/database.types.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import type { MessageEventPayload } from '../../platform/events/domain-events.ts';
import { workspaceStream } from '../../platform/realtime/stream-log.ts';
import { appendSoon } from './stream-batch.ts';
import { evaluate, reasonOf, type ReasonPart } from './condition.evaluator.ts';
import { loadLiveState, isMessageField, messageState, type ConversationContext, type CustomerRow, type Person } from './customer-state.service.ts';
import { firstName, shortQuote } from './customer-state.ts';
import type { Field } from './playbook.schema.ts';
import { rulesFor, type CompiledPlaybook, type WorkspaceRules } from './playbook.service.ts';
import { asLocale, pick } from './reason.format.ts';
import { toSuggestionView, type ProposedAction, type SuggestionView } from './suggestion.view.ts';


// {firstName}, {quote}, {agentName}, {company}; an unknown value leaves no dangling gap.
export function fillDraft(template: string, values: Partial<Record<'firstName' | 'quote' | 'agentName' | 'company', string>>): string {
  return template
    .replace(/\{(firstName|quote|agentName|company)\}/g, (_, k: keyof typeof values) => values[k] ?? '')
    .replace(/[ \t]+([,.;:!?])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/«»|""/g, '…')
    .trim();
}

function resolveActions(p: CompiledPlaybook, rules: WorkspaceRules, locale: Locale, customer: CustomerRow, text: string, c: ConversationContext, trusted: Person | null): ProposedAction[] {
  const values = { firstName: firstName(customer.name), quote: shortQuote(text), agentName: (c.assignee ?? trusted)?.name, company: c.company };
  return p.actions.map((a): ProposedAction => {
    switch (a.type) {
      case 'personal_call':
        return { ...a, employee: a.by === 'trusted' ? (trusted ?? c.assignee) : c.assignee };
      case 'apology':
        return { ...a, text: fillDraft(pick(a.draft, locale), values) };
      case 'gift':
        return { ...a, text: pick(a.description, locale) };
      case 'article':
        return { ...a, text: pick(a.title, locale) };
      // A bound lowered after the playbook was written still caps what is proposed.
      case 'offer_discount':
        return { ...a, percent: Math.min(a.percent, rules.settings.maxDiscountPercent) };
      case 'offer_compensation':
        return { ...a, amount: Math.min(a.amount, rules.settings.maxCompensation) };
      default:
        return a;
    }
  });
}

export type ProposalResult = { created: SuggestionView[]; updated: SuggestionView[] };

// On every customer message: which playbooks match the customer's state now, and the suggestions
// they make (one live suggestion per playbook and customer; a new trigger refreshes its reason).
export async function proposeForMessage(ctx: AppContext, m: MessageEventPayload): Promise<ProposalResult> {
  const none: ProposalResult = { created: [], updated: [] };
  const rules = await rulesFor(ctx.db, m.workspaceId);
  if (!rules.playbooks.length) return none;
  // Most messages are ruled out by their own emotion and words, before any query.
  const quick = messageState(m.emotion, m.text);
  const candidates = rules.playbooks.filter((p) => evaluate(p.condition, quick, isMessageField).value !== false);
  if (!candidates.length) return none;

  const scope = tenantScope(ctx.db, m.workspaceId);
  const at = new Date(m.createdAt);
  const fields = new Set<Field>(candidates.flatMap((p) => [...p.fields]));
  const trustedNeeded = candidates.some((p) => p.actions.some((a) => a.type === 'personal_call' && a.by === 'trusted'));
  const { state, customer, moodScore, context, trusted } = await loadLiveState(
    scope,
    { customerId: m.customerId, conversationId: m.conversationId, messageId: m.messageId, at, emotion: m.emotion, text: m.text },
    { fields, contactDays: rules.contactDays, trusted: trustedNeeded },
  );
  const matched: Array<{ playbook: CompiledPlaybook; parts: ReasonPart[] }> = [];
  for (const p of candidates) {
    const v = evaluate(p.condition, state);
    if (v.value === true) matched.push({ playbook: p, parts: reasonOf(v.parts, state) });
    if (matched.length >= rules.settings.maxSuggestionsPerMessage) break;
  }
  if (!matched.length) return none;

  const locale = asLocale(customer.locale) ?? asLocale(m.emotion?.supported ? m.emotion.language : undefined) ?? asLocale(context.defaultLocale) ?? 'es';

  const rows = matched.map(({ playbook, parts }) => {
    const actions = resolveActions(playbook, rules, locale, customer, m.text, context, trusted);
    const named = actions.flatMap((a) => (a.employee ? [a.employee.id] : []));
    return {
      playbook_id: playbook.id,
      playbook_name: JSON.stringify(playbook.name),
      customer_id: m.customerId,
      conversation_id: m.conversationId,
      locale,
      actions: JSON.stringify(actions),
      reason: JSON.stringify(parts),
      target_assignee_id: context.assigneeId,
      target_team_id: context.teamId,
      target_employee_ids: JSON.stringify([...new Set([...(context.assigneeId ? [context.assigneeId] : []), ...named])]),
      escalated: actions.some((a) => a.type === 'escalate'),
      trigger_message_id: m.messageId,
      triggered_at: at,
      last_message_id: m.messageId,
      last_triggered_at: at,
      mood_at_trigger: moodScore,
      updated_at: new Date(),
    };
  });
  // One statement for all of them (distinct playbooks never conflict with each other); the
  // realtime events follow right after the commit, grouped with other messages' under load.
  const saved = await scope
    .insertInto('suggestions', rows)
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'playbook_id', 'customer_id'])
        .where('status', 'in', ['open', 'snoozed'])
        .doUpdateSet({
          reason: (eb) => eb.ref('excluded.reason'),
          last_message_id: (eb) => eb.ref('excluded.last_message_id'),
          last_triggered_at: (eb) => eb.ref('excluded.last_triggered_at'),
          trigger_count: sql<number>`suggestions.trigger_count + 1`,
          updated_at: (eb) => eb.ref('excluded.updated_at'),
        }),
    )
    .returningAll()
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute();
  const order = new Map(rows.map((r, i) => [r.playbook_id, i]));
  const views = saved
    .sort((a, b) => (order.get(a.playbook_id!) ?? 0) - (order.get(b.playbook_id!) ?? 0))
    .map((row) => ({ view: toSuggestionView(row, customer.name), inserted: row.inserted }));
  await appendSoon(
    ctx,
    m.workspaceId,
    views.map(({ view, inserted }) => ({ stream: workspaceStream(m.workspaceId), type: inserted ? 'suggestion.created' : 'suggestion.updated', data: { suggestion: view } })),
  );
  return {
    created: views.filter((v) => v.inserted).map((v) => v.view),
    updated: views.filter((v) => !v.inserted).map((v) => v.view),
  };
}
