import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/db/database.types.ts';
import { tenantScope, type TenantScope } from '../../platform/db/tenant-scope.ts';
import type { MessageEventPayload } from '../../platform/events/domain-events.ts';
import { appendStreamEvents, workspaceStream } from '../../platform/realtime/stream-log.ts';
import { evaluate, reasonOf, type ReasonPart } from './condition.evaluator.ts';
import { loadLiveStates, isMessageField, messageState, type ConversationContext, type CustomerRow, type LiveState, type Person } from './customer-state.service.ts';
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

type Matched = { m: MessageEventPayload; live: LiveState; matched: Array<{ playbook: CompiledPlaybook; parts: ReasonPart[] }> };

// On every customer message: which playbooks match the customer's state now, and the suggestions
// they make (one live suggestion per playbook and customer; a new trigger refreshes its reason).
// A batch of one workspace's messages costs one state read, one transaction and one stream append
// (every workspace event queues on the stream head's lock until commit).
export async function proposeForMessages(ctx: AppContext, workspaceId: string, messages: MessageEventPayload[]): Promise<ProposalResult> {
  const none: ProposalResult = { created: [], updated: [] };
  const rules = await rulesFor(ctx.db, workspaceId);
  if (!rules.playbooks.length) return none;
  // Most messages are ruled out by their own emotion and words, before any query.
  const pending = messages
    .map((m) => {
      const quick = messageState(m.emotion, m.text);
      return { m, candidates: rules.playbooks.filter((p) => evaluate(p.condition, quick, isMessageField).value !== false) };
    })
    .filter((c) => c.candidates.length);
  if (!pending.length) return none;

  const scope = tenantScope(ctx.db, workspaceId);
  const all = pending.flatMap((c) => c.candidates);
  const states = await loadLiveStates(
    scope,
    pending.map(({ m }) => ({ customerId: m.customerId, conversationId: m.conversationId, messageId: m.messageId, at: new Date(m.createdAt), emotion: m.emotion, text: m.text })),
    {
      fields: new Set<Field>(all.flatMap((p) => [...p.fields])),
      contactDays: rules.contactDays,
      trusted: all.some((p) => p.actions.some((a) => a.type === 'personal_call' && a.by === 'trusted')),
    },
  );
  const results: Matched[] = pending.map(({ m, candidates }, i) => {
    const live = states[i]!;
    const matched: Matched['matched'] = [];
    for (const p of candidates) {
      const v = evaluate(p.condition, live.state);
      if (v.value === true) matched.push({ playbook: p, parts: reasonOf(v.parts, live.state) });
      if (matched.length >= rules.settings.maxSuggestionsPerMessage) break;
    }
    return { m, live, matched };
  });
  const rows = results.flatMap((r) => suggestionRows(rules, r));
  if (!rows.length) return none;

  const { views, events } = await scope.transaction(async (trx) => {
    const saved = await upsertInRounds(trx, rows);
    const appended = await appendStreamEvents(
      trx.db,
      workspaceId,
      saved.map(({ view, inserted }) => ({ stream: workspaceStream(workspaceId), type: inserted ? 'suggestion.created' : 'suggestion.updated', data: { suggestion: view } })),
    );
    return { views: saved, events: appended };
  });
  ctx.bus.publish('stream.appended', { workspaceId, events });
  return {
    created: views.filter((v) => v.inserted).map((v) => v.view),
    updated: views.filter((v) => !v.inserted).map((v) => v.view),
  };
}

type Row = ReturnType<typeof suggestionRows>[number];

function suggestionRows(rules: WorkspaceRules, { m, live, matched }: Matched) {
  const { customer, context, trusted, moodScore } = live;
  const at = new Date(m.createdAt);
  const locale = asLocale(customer.locale) ?? asLocale(m.emotion?.supported ? m.emotion.language : undefined) ?? asLocale(context.defaultLocale) ?? 'es';
  return matched.map(({ playbook, parts }) => {
    const actions = resolveActions(playbook, rules, locale, customer, m.text, context, trusted);
    const named = actions.flatMap((a) => (a.employee ? [a.employee.id] : []));
    return {
      customerName: customer.name,
      row: {
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
      },
    };
  });
}

// One statement per round. A statement cannot upsert the same (playbook, customer) twice, so when a
// customer's messages in one batch match the same playbook, the later ones go in the next round
// and update what the earlier one created, exactly as one message after the other would.
async function upsertInRounds(trx: TenantScope, rows: Row[]): Promise<Array<{ view: SuggestionView; inserted: boolean }>> {
  const rounds: Row[][] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.row.playbook_id}:${r.row.customer_id}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    (rounds[n] ??= []).push(r);
  }
  const out: Array<{ view: SuggestionView; inserted: boolean }> = [];
  for (const round of rounds) {
    const saved = await trx
      .insertInto('suggestions', round.map((r) => r.row))
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
    // Events in the order the rows were proposed (by message, then by playbook priority).
    const key = (playbookId: string | null, customerId: string) => `${playbookId}:${customerId}`;
    const bySuggestion = new Map(saved.map((s) => [key(s.playbook_id, s.customer_id), s]));
    for (const r of round) {
      const s = bySuggestion.get(key(r.row.playbook_id, r.row.customer_id));
      if (s) out.push({ view: toSuggestionView(s, r.customerName), inserted: s.inserted });
    }
  }
  return out;
}
