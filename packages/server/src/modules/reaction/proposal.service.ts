import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/db/database.types.ts';
import { columnParam, executeNamed } from '../../platform/db/prepared-statements.ts';
import { tenantScope, type TenantScope } from '../../platform/db/tenant-scope.ts';
import type { MessageEventPayload, SurveyAnsweredPayload } from '../../platform/events/domain-events.ts';
import { workspaceStream } from '../../platform/realtime/stream-log.ts';
import { stageStreamEvents } from '../../platform/realtime/stream-outbox.ts';
import { evaluate, reasonOf, type ReasonPart } from './condition.evaluator.ts';
import { loadLiveStates, isMessageField, messageState, type ConversationContext, type CustomerRow, type LiveState, type Person } from './customer-state.service.ts';
import { firstName, shortQuote, type CustomerState, type SurveyMetric } from './customer-state.ts';
import type { Field } from './playbook.schema.ts';
import { rulesFor, type CompiledPlaybook, type WorkspaceRules } from './playbook.service.ts';
import { asLocale, pick } from './reason.format.ts';
import { toSuggestionUpdate, toSuggestionView, type ProposedAction, type SuggestionUpdate, type SuggestionView } from './suggestion.view.ts';

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

// A re-trigger of a live suggestion is sent as what it changed (SuggestionUpdate), not the whole view.
export type ProposalResult = { created: SuggestionView[]; updated: Array<SuggestionView | SuggestionUpdate> };

type Matched = { m: MessageEventPayload; live: LiveState; matched: Array<{ playbook: CompiledPlaybook; parts: ReasonPart[] }> };
// What triggers a proposal: a customer message, or a survey answer (with what it adds to the state).
type Pending = { m: MessageEventPayload; candidates: CompiledPlaybook[]; extra?: Partial<CustomerState> };

// On every customer message: which playbooks match the customer's state now, and the suggestions
// they make (one live suggestion per playbook and customer; a new trigger refreshes its reason).
// A batch of one workspace's messages costs one state read and one transaction.
export async function proposeForMessages(ctx: AppContext, workspaceId: string, messages: MessageEventPayload[]): Promise<ProposalResult> {
  const rules = await rulesFor(ctx.db, workspaceId);
  if (!rules.playbooks.length) return { created: [], updated: [] };
  // Most messages are ruled out by their own emotion and words, before any query; a message never
  // carries a survey answer, so playbooks that need one are ruled out too.
  const known = (f: Field) => isMessageField(f) || f === 'surveyLow';
  const pending = messages.map((m) => {
    const quick = messageState(m.emotion, m.text);
    return { m, candidates: rules.playbooks.filter((p) => evaluate(p.condition, quick, known).value !== false) };
  });
  return propose(ctx, workspaceId, rules, pending);
}

const SURVEY_FIELDS: Field[] = ['surveyLow', 'lastSurveyScore'];

// A low survey score (modules/surveys) is a trigger of its own: only playbooks that read the survey
// are evaluated, anchored on the message that carried the survey, quoting the customer's comment.
export async function proposeForSurveyAnswer(ctx: AppContext, e: SurveyAnsweredPayload): Promise<ProposalResult> {
  if (!e.low || !e.conversationId || !e.messageId) return { created: [], updated: [] };
  const rules = await rulesFor(ctx.db, e.workspaceId);
  const candidates = rules.playbooks.filter((p) => SURVEY_FIELDS.some((f) => p.fields.has(f)));
  const lowest = lowestScore(e.scores);
  const m: MessageEventPayload = {
    workspaceId: e.workspaceId,
    conversationId: e.conversationId,
    customerId: e.customerId,
    messageId: e.messageId,
    direction: 'inbound',
    authorType: 'customer',
    authorId: e.customerId,
    text: e.comment,
    channel: 'survey',
    emotion: null,
    createdAt: e.answeredAt,
  };
  return propose(ctx, e.workspaceId, rules, [{ m, candidates, extra: { surveyLow: lowest } }]);
}

// The worst of the scores on a common footing (share of the way from best to worst on its scale).
function lowestScore(scores: SurveyAnsweredPayload['scores']): { metric: SurveyMetric; score: number } | null {
  const badness = (metric: SurveyMetric, v: number) => (metric === 'csat' ? (5 - v) / 4 : metric === 'nps' ? (10 - v) / 10 : (v - 1) / 6);
  const list = (['csat', 'nps', 'ces'] as const).flatMap((metric) => (scores[metric] === null ? [] : [{ metric, score: scores[metric]!, bad: badness(metric, scores[metric]!) }]));
  const worst = list.sort((a, b) => b.bad - a.bad)[0];
  return worst ? { metric: worst.metric, score: worst.score } : null;
}

async function propose(ctx: AppContext, workspaceId: string, rules: WorkspaceRules, all: Pending[]): Promise<ProposalResult> {
  const none: ProposalResult = { created: [], updated: [] };
  const pending = all.filter((c) => c.candidates.length);
  if (!pending.length) return none;

  const scope = tenantScope(ctx.db, workspaceId);
  const candidates = pending.flatMap((c) => c.candidates);
  // The state read and the writes share one transaction, so a batch takes one pooled connection
  // (under load, waiting for a connection costs more than the statements).
  const { saved, stagedIds } = await scope.transaction(async (trx) => {
    const states = await loadLiveStates(
      trx,
      pending.map(({ m }) => ({ customerId: m.customerId, conversationId: m.conversationId, messageId: m.messageId, at: new Date(m.createdAt), emotion: m.emotion, text: m.text })),
      {
        fields: new Set<Field>(candidates.flatMap((p) => [...p.fields])),
        contactDays: rules.contactDays,
        trusted: candidates.some((p) => p.actions.some((a) => a.type === 'personal_call' && a.by === 'trusted')),
      },
    );
    const results: Matched[] = pending.map(({ m, candidates, extra }, i) => {
      const live = { ...states[i]!, state: { ...states[i]!.state, ...extra } };
      const matched: Matched['matched'] = [];
      for (const p of candidates) {
        const v = evaluate(p.condition, live.state);
        if (v.value === true) matched.push({ playbook: p, parts: reasonOf(v.parts, live.state) });
        if (matched.length >= rules.settings.maxSuggestionsPerMessage) break;
      }
      return { m, live, matched };
    });
    const rows = results.flatMap((r) => suggestionRows(rules, r));
    if (!rows.length) return { saved: [], stagedIds: [] };
    const saved = await saveSuggestions(trx, rows);
    // Staged, not appended: numbering them here would hold the workspace head's lock, which every
    // message of the workspace also needs, until this transaction's commit reached PostgreSQL.
    const stagedIds = await stageStreamEvents(
      trx.db,
      workspaceId,
      saved.map((s) => ({ stream: workspaceStream(workspaceId), type: s.kind === 'created' ? 'suggestion.created' : 'suggestion.updated', data: { suggestion: s.view } })),
    );
    return { saved, stagedIds };
  });
  if (!saved.length) return none;
  ctx.bus.publish('stream.staged', { workspaceId, ids: stagedIds });
  return {
    created: saved.flatMap((s) => (s.kind === 'created' ? [s.view] : [])),
    updated: saved.flatMap((s) => (s.kind === 'updated' ? [s.view] : [])),
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
async function upsertInRounds(trx: TenantScope, rows: Array<Row & { index: number }>): Promise<Array<Saved & { index: number }>> {
  const rounds: Array<Array<Row & { index: number }>> = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.row.playbook_id}:${r.row.customer_id}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    (rounds[n] ??= []).push(r);
  }
  const out: Array<Saved & { index: number }> = [];
  // A statement holds at most 65,535 parameters (17 a row here).
  for (const round of rounds.flatMap((r) => chunks(r, 1000))) {
    const saved = await trx
      .insertInto('suggestions', round.map((r) => r.row))
      .onConflict((oc) =>
        oc
          .columns(['workspace_id', 'playbook_id', 'customer_id'])
          // Literals, as in the partial unique index: PostgreSQL must prove the index applies, which it
          // cannot do from parameters under a generic plan (42P10 once such a statement is prepared).
          .where(sql<boolean>`status in ('open', 'snoozed')`)
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
      if (s) out.push({ index: r.index, kind: s.inserted ? 'created' : 'updated', view: toSuggestionView(s, r.customerName) });
    }
  }
  return out;
}

type Saved = { kind: 'created'; view: SuggestionView } | { kind: 'updated'; view: SuggestionView | SuggestionUpdate };

// Saves a batch's proposals, returned in the order they were proposed. A re-trigger of a live
// (open or snoozed) suggestion — most of them under load — is one set-based UPDATE for the whole
// batch that writes only what a trigger changes, once per suggestion (a suggestion triggered k times
// in the batch gets trigger_count + k and its last trigger), and each trigger is still reported as
// it would have been one after the other. What has no live suggestion is inserted (upsertInRounds).
async function saveSuggestions(trx: TenantScope, rows: Row[]): Promise<Saved[]> {
  const key = (playbookId: string | null, customerId: string) => `${playbookId}:${customerId}`;
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const k = key(r.row.playbook_id, r.row.customer_id);
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const out: Saved[] = new Array(rows.length);
  const lasts = [...groups.values()].map((g) => ({ n: g.length, row: rows[g[g.length - 1]!]!.row }));
  // Columns as arrays: one statement text for any batch, named (planned once per connection).
  const updated = await executeNamed(
    trx.db,
    sql<{ id: string; status: SuggestionView['status']; locale: string; playbook_id: string; customer_id: string; trigger_count: number }>`
    update suggestions s set
      reason = v.reason, last_message_id = v.last_message_id, last_triggered_at = v.last_triggered_at,
      trigger_count = s.trigger_count + v.n, updated_at = v.updated_at
    from unnest(
      ${columnParam(lasts, (l) => l.row.playbook_id, 'uuid[]')}, ${columnParam(lasts, (l) => l.row.customer_id, 'uuid[]')}, ${columnParam(lasts, (l) => l.n, 'int[]')},
      ${columnParam(lasts, (l) => l.row.last_message_id, 'uuid[]')}, ${columnParam(lasts, (l) => l.row.last_triggered_at.toISOString(), 'timestamptz[]')},
      ${columnParam(lasts, (l) => l.row.reason, 'jsonb[]')}, ${columnParam(lasts, (l) => l.row.updated_at.toISOString(), 'timestamptz[]')}
    ) as v (playbook_id, customer_id, n, last_message_id, last_triggered_at, reason, updated_at)
    cross join lateral (
      select t.id from suggestions t
      where t.workspace_id = ${trx.workspaceId} and t.playbook_id = v.playbook_id and t.customer_id = v.customer_id and t.status in ('open', 'snoozed')
      limit 1
    ) live
    where s.id = live.id
    returning s.id, s.status, s.locale, s.playbook_id, s.customer_id, s.trigger_count`.compile(trx.db),
  );
  const live = new Set<string>();
  for (const s of updated) {
    const k = key(s.playbook_id, s.customer_id);
    live.add(k);
    const g = groups.get(k)!;
    g.forEach((i, n) => {
      const r = rows[i]!.row;
      out[i] = {
        kind: 'updated',
        view: toSuggestionUpdate({
          id: s.id,
          status: s.status,
          locale: s.locale,
          reason: JSON.parse(r.reason) as unknown[],
          trigger_count: s.trigger_count - (g.length - 1 - n),
          last_message_id: r.last_message_id,
          last_triggered_at: r.last_triggered_at,
          updated_at: r.updated_at,
        }),
      };
    });
  }
  const fresh = [...groups.entries()].filter(([k]) => !live.has(k)).flatMap(([, g]) => g.map((i) => ({ ...rows[i]!, index: i })));
  if (fresh.length) for (const s of await upsertInRounds(trx, fresh.sort((a, b) => a.index - b.index))) out[s.index] = s;
  return out.filter(Boolean);
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
