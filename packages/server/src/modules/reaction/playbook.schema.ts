import { z } from 'zod';
import type { EmotionLabel, LocalizedText, MoodTrend } from '../../platform/db/database.types.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { ReactionSettings } from './reaction-settings.schema.ts';

// A playbook's condition is a small expression tree over the customer's state; its actions are
// what it proposes to a person. Both come from admins, so everything is validated here with the
// exact path of each mistake ("body.condition.all.1.op: …").

export const EMOTIONS = ['anger', 'disgust', 'fear', 'joy', 'sadness', 'surprise', 'neutral'] as const satisfies readonly EmotionLabel[];
export const TRENDS = ['improving', 'stable', 'worsening'] as const satisfies readonly MoodTrend[];
export const NUMBER_OPS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;
export const SET_OPS = ['eq', 'neq', 'in', 'notIn'] as const;
export type NumberOp = (typeof NUMBER_OPS)[number];
export type SetOp = (typeof SET_OPS)[number];

export type NumberField = 'intensity' | 'moodScore' | 'waitingMinutes' | 'openConversations' | 'customerValue' | 'lastSurveyScore';

export type Leaf =
  | { field: 'emotion'; op: SetOp; value: EmotionLabel | EmotionLabel[] }
  | { field: 'moodTrend'; op: SetOp; value: MoodTrend | MoodTrend[] }
  | { field: 'segment'; op: SetOp; value: string | string[] }
  | { field: 'alert'; op: 'eq'; value: boolean }
  | { field: 'surveyLow'; op: 'eq'; value: boolean }
  | { field: NumberField; op: NumberOp; value: number }
  | { field: 'contactsInDays'; days: number; op: NumberOp; value: number }
  | { field: 'keywords'; op: 'any'; value: string[] };

export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Leaf;
export type Field = Leaf['field'];

export type Action =
  | { type: 'offer_discount'; percent: number }
  | { type: 'offer_compensation'; amount: number; currency: string }
  | { type: 'personal_call'; by: 'trusted' | 'assignee' }
  | { type: 'escalate'; to: 'manager' }
  | { type: 'apology'; draft: LocalizedText }
  | { type: 'follow_up'; hours: number }
  | { type: 'gift'; description: LocalizedText }
  | { type: 'article'; title: LocalizedText; url?: string };
export type ActionType = Action['type'];

export type PlaybookDefinition = {
  name: LocalizedText;
  description: LocalizedText;
  enabled: boolean;
  priority: number;
  condition: Condition;
  actions: Action[];
};

// What an apology draft may contain; filled from the conversation when the suggestion is made.
export const PLACEHOLDERS = ['firstName', 'quote', 'agentName', 'company'] as const;

const MAX_DEPTH = 6;
const MAX_NODES = 60;

const setValue = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1, 'must list at least one value').max(20)]);
const setLeaf = <F extends string, T extends z.ZodType>(field: F, item: T) =>
  z.strictObject({ field: z.literal(field), op: z.enum(SET_OPS, { message: `must be one of: ${SET_OPS.join(', ')}` }), value: setValue(item) });
const numberLeaf = (field: NumberField, min: number, max: number) =>
  z.strictObject({
    field: z.literal(field),
    op: z.enum(NUMBER_OPS, { message: `must be one of: ${NUMBER_OPS.join(', ')}` }),
    value: z.number({ message: 'must be a number' }).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`),
  });

const emotionLabel = z.enum(EMOTIONS, { message: `must be one of: ${EMOTIONS.join(', ')}` });
const trendLabel = z.enum(TRENDS, { message: `must be one of: ${TRENDS.join(', ')}` });

const leafSchemas: Record<Field, z.ZodType> = {
  emotion: setLeaf('emotion', emotionLabel),
  moodTrend: setLeaf('moodTrend', trendLabel),
  segment: setLeaf('segment', z.string().trim().min(1).max(80)),
  alert: z.strictObject({ field: z.literal('alert'), op: z.literal('eq', { message: 'must be "eq"' }), value: z.boolean({ message: 'must be true or false' }) }),
  intensity: numberLeaf('intensity', 0, 1),
  moodScore: numberLeaf('moodScore', -1, 1),
  waitingMinutes: numberLeaf('waitingMinutes', 0, 525_600),
  openConversations: numberLeaf('openConversations', 0, 10_000),
  customerValue: numberLeaf('customerValue', -1e12, 1e12),
  lastSurveyScore: numberLeaf('lastSurveyScore', 0, 10),
  surveyLow: z.strictObject({ field: z.literal('surveyLow'), op: z.literal('eq', { message: 'must be "eq"' }), value: z.boolean({ message: 'must be true or false' }) }),
  contactsInDays: z.strictObject({
    field: z.literal('contactsInDays'),
    days: z.number({ message: 'must be a number of days' }).int('must be a whole number').min(1, 'must be at least 1').max(90, 'must be at most 90'),
    op: z.enum(NUMBER_OPS, { message: `must be one of: ${NUMBER_OPS.join(', ')}` }),
    value: z.number({ message: 'must be a number' }).int('must be a whole number').min(0).max(1000),
  }),
  keywords: z.strictObject({
    field: z.literal('keywords'),
    op: z.literal('any', { message: 'must be "any"' }),
    value: z.array(z.string().trim().min(2, 'must be at least 2 characters').max(60)).min(1, 'must list at least one keyword').max(50),
  }),
};
export const FIELDS = Object.keys(leafSchemas) as Field[];

const localized = z
  .strictObject({ es: z.string().trim().min(1, 'must not be empty').max(2000).optional(), en: z.string().trim().min(1, 'must not be empty').max(2000).optional() })
  .refine((t) => t.es !== undefined || t.en !== undefined, 'needs a text in at least one language: es or en');
const withPlaceholders = localized.superRefine((t, ctx) => {
  for (const lang of ['es', 'en'] as const) {
    for (const m of t[lang]?.matchAll(/\{([^{}]*)\}/g) ?? []) {
      if (!(PLACEHOLDERS as readonly string[]).includes(m[1]!)) {
        ctx.addIssue({ code: 'custom', path: [lang], message: `unknown placeholder {${m[1]}}; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}` });
      }
    }
  }
});
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO currency code like EUR');

const actionSchemas: Record<ActionType, z.ZodType> = {
  offer_discount: z.strictObject({ type: z.literal('offer_discount'), percent: z.number({ message: 'must be a number' }).gt(0, 'must be more than 0').max(100, 'must be at most 100') }),
  offer_compensation: z.strictObject({ type: z.literal('offer_compensation'), amount: z.number({ message: 'must be a number' }).gt(0, 'must be more than 0').max(1e9), currency }),
  personal_call: z.strictObject({ type: z.literal('personal_call'), by: z.enum(['trusted', 'assignee'], { message: 'must be "trusted" or "assignee"' }) }),
  escalate: z.strictObject({ type: z.literal('escalate'), to: z.literal('manager', { message: 'must be "manager"' }) }),
  apology: z.strictObject({ type: z.literal('apology'), draft: withPlaceholders }),
  follow_up: z.strictObject({ type: z.literal('follow_up'), hours: z.number({ message: 'must be a number of hours' }).min(1, 'must be at least 1').max(720, 'must be at most 720 (30 days)') }),
  gift: z.strictObject({ type: z.literal('gift'), description: localized }),
  article: z.strictObject({
    type: z.literal('article'),
    title: localized,
    url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000).optional(),
  }),
};
export const ACTION_TYPES = Object.keys(actionSchemas) as ActionType[];

export type Issue = { path: string; message: string };
type Path = (string | number)[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (path: Path) => path.join('.');

function zodIssues(schema: z.ZodType, value: unknown, path: Path, issues: Issue[]): unknown {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const i of r.error.issues) {
    const message = i.code === 'unrecognized_keys' ? `unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message;
    issues.push({ path: join([...path, ...(i.path as Path)]), message });
  }
  return undefined;
}

export function parseCondition(value: unknown, path: Path, issues: Issue[], depth = 0, budget = { nodes: 0 }): Condition | undefined {
  if (++budget.nodes > MAX_NODES) {
    if (budget.nodes === MAX_NODES + 1) issues.push({ path: join(path), message: `a condition may have at most ${MAX_NODES} parts` });
    return undefined;
  }
  if (!isObject(value)) {
    issues.push({ path: join(path), message: 'must be an object: {"all": […]}, {"any": […]}, {"not": …} or {"field": …}' });
    return undefined;
  }
  const combinator = (['all', 'any', 'not'] as const).filter((k) => k in value);
  if (combinator.length > 0 || !('field' in value)) {
    if (combinator.length !== 1 || Object.keys(value).length !== 1) {
      issues.push({ path: join(path), message: 'must have exactly one of "all", "any", "not" or "field"' });
      return undefined;
    }
    if (depth >= MAX_DEPTH) {
      issues.push({ path: join(path), message: `conditions may nest at most ${MAX_DEPTH} levels` });
      return undefined;
    }
    const key = combinator[0]!;
    if (key === 'not') {
      const inner = parseCondition(value.not, [...path, 'not'], issues, depth + 1, budget);
      return inner && { not: inner };
    }
    const list = value[key];
    if (!Array.isArray(list) || list.length === 0) {
      issues.push({ path: join([...path, key]), message: 'must be a non-empty list of conditions' });
      return undefined;
    }
    const parts = list.map((c, i) => parseCondition(c, [...path, key, i], issues, depth + 1, budget));
    if (parts.some((p) => p === undefined)) return undefined;
    return key === 'all' ? { all: parts as Condition[] } : { any: parts as Condition[] };
  }
  const field = value.field;
  if (typeof field !== 'string' || !(field in leafSchemas)) {
    issues.push({ path: join([...path, 'field']), message: `unknown field ${JSON.stringify(field)}; use one of: ${FIELDS.join(', ')}` });
    return undefined;
  }
  const leaf = zodIssues(leafSchemas[field as Field], value, path, issues) as Leaf | undefined;
  if (leaf && 'op' in leaf && (leaf.op === 'eq' || leaf.op === 'neq') && Array.isArray(leaf.value)) {
    issues.push({ path: join([...path, 'value']), message: `must be a single value with "${leaf.op}"; use "in" or "notIn" for a list` });
    return undefined;
  }
  if (leaf && (leaf.op === 'in' || leaf.op === 'notIn') && !Array.isArray(leaf.value)) return { ...leaf, value: [leaf.value] } as Leaf;
  return leaf;
}

export function parseActions(value: unknown, path: Path, issues: Issue[], bounds: ReactionSettings): Action[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    issues.push({ path: join(path), message: 'must be a non-empty list of actions' });
    return undefined;
  }
  if (value.length > 8) {
    issues.push({ path: join(path), message: 'a playbook may propose at most 8 actions' });
    return undefined;
  }
  const out = value.map((a, i) => {
    const at = [...path, i];
    const type = isObject(a) ? a.type : undefined;
    if (typeof type !== 'string' || !(type in actionSchemas)) {
      issues.push({ path: join([...at, 'type']), message: `unknown action ${JSON.stringify(type)}; use one of: ${ACTION_TYPES.join(', ')}` });
      return undefined;
    }
    const action = zodIssues(actionSchemas[type as ActionType], a, at, issues) as Action | undefined;
    if (action) boundIssues(action, at, issues, bounds);
    return action;
  });
  return out.every((a) => a !== undefined) ? (out as Action[]) : undefined;
}

// Money and discounts stay within what the admin allowed, wherever they come from.
export function boundIssues(action: Action, path: Path, issues: Issue[], bounds: ReactionSettings): void {
  if (action.type === 'offer_discount' && action.percent > bounds.maxDiscountPercent) {
    issues.push({ path: join([...path, 'percent']), message: `must be at most ${bounds.maxDiscountPercent} (the workspace's maximum discount)` });
  }
  if (action.type === 'offer_compensation' && action.amount > bounds.maxCompensation) {
    issues.push({ path: join([...path, 'amount']), message: `must be at most ${bounds.maxCompensation} (the workspace's maximum compensation)` });
  }
}

const header = z.strictObject({
  name: localized,
  description: z.strictObject({ es: z.string().trim().max(2000).optional(), en: z.string().trim().max(2000).optional() }).optional(),
  enabled: z.boolean({ message: 'must be true or false' }).default(true),
  priority: z.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be at least 0').max(1000, 'must be at most 1000').default(50),
  condition: z.unknown(),
  actions: z.unknown(),
});

// The whole definition, with every problem reported at once, each with its path.
export function parsePlaybook(value: unknown, bounds: ReactionSettings, root: Path = ['body']): PlaybookDefinition {
  const issues: Issue[] = [];
  if (!isObject(value)) throw validation([{ path: join(root), message: 'must be an object' }]);
  const head = zodIssues(header, value, root, issues) as z.infer<typeof header> | undefined;
  if (!('condition' in value)) issues.push({ path: join([...root, 'condition']), message: 'is required' });
  const condition = 'condition' in value ? parseCondition(value.condition, [...root, 'condition'], issues) : undefined;
  if (!('actions' in value)) issues.push({ path: join([...root, 'actions']), message: 'is required' });
  const actions = 'actions' in value ? parseActions(value.actions, [...root, 'actions'], issues, bounds) : undefined;
  if (issues.length || !head || !condition || !actions) throw validation(issues);
  return { name: head.name, description: head.description ?? {}, enabled: head.enabled, priority: head.priority, condition, actions };
}

export const validation = (issues: Issue[]) =>
  new AppError('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; ') || 'The playbook is invalid', issues);

// Every field the condition reads: decides which parts of the customer's state to load.
export function fieldsOf(c: Condition, into = new Set<Field>()): Set<Field> {
  if ('all' in c) c.all.forEach((x) => fieldsOf(x, into));
  else if ('any' in c) c.any.forEach((x) => fieldsOf(x, into));
  else if ('not' in c) fieldsOf(c.not, into);
  else into.add(c.field);
  return into;
}

export function maxContactDays(c: Condition): number {
  if ('all' in c) return Math.max(0, ...c.all.map(maxContactDays));
  if ('any' in c) return Math.max(0, ...c.any.map(maxContactDays));
  if ('not' in c) return maxContactDays(c.not);
  return c.field === 'contactsInDays' ? c.days : 0;
}

// For the admin form: what can be chosen, with ranges and the workspace's bounds.
export function playbookCatalog(bounds: ReactionSettings) {
  return {
    fields: [
      { field: 'emotion', ops: SET_OPS, values: EMOTIONS, about: "emotion of the customer's latest message (an employee's correction wins)" },
      { field: 'intensity', ops: NUMBER_OPS, min: 0, max: 1, about: 'intensity of that emotion' },
      { field: 'alert', ops: ['eq'], values: [true, false], about: 'the engine flagged the message as needing attention' },
      { field: 'moodScore', ops: NUMBER_OPS, min: -1, max: 1, about: "the customer's mood after the message (-1 very negative … 1 very positive)" },
      { field: 'moodTrend', ops: SET_OPS, values: TRENDS, about: 'direction of the mood over the last messages' },
      { field: 'contactsInDays', ops: NUMBER_OPS, min: 0, max: 1000, days: { min: 1, max: 90 }, about: 'contacts in the last N days: a new conversation or a message over an hour after the previous one' },
      { field: 'waitingMinutes', ops: NUMBER_OPS, min: 0, max: 525_600, about: 'minutes since the oldest customer message nobody has answered yet' },
      { field: 'openConversations', ops: NUMBER_OPS, min: 0, max: 10_000, about: 'conversations not resolved' },
      { field: 'customerValue', ops: NUMBER_OPS, about: 'customer attribute "value" (absent: the condition is false)' },
      { field: 'segment', ops: SET_OPS, about: 'customer attribute "segment" (absent: the condition is false)' },
      { field: 'lastSurveyScore', ops: NUMBER_OPS, min: 0, max: 10, about: 'score of the last survey (no surveys yet: always absent)' },
      { field: 'surveyLow', ops: ['eq'], values: [true, false], about: "a survey answer just arrived with a low score (the workspace's survey thresholds: CSAT, NPS, CES); only survey answers set it" },
      { field: 'keywords', ops: ['any'], about: 'the message mentions any of these words (accent- and case-insensitive, word beginnings)' },
    ],
    combinators: ['all', 'any', 'not'],
    actions: [
      { type: 'offer_discount', params: { percent: { min: 0, max: bounds.maxDiscountPercent } } },
      { type: 'offer_compensation', params: { amount: { min: 0, max: bounds.maxCompensation }, currency: { default: bounds.currency } } },
      { type: 'personal_call', params: { by: ['trusted', 'assignee'] } },
      { type: 'escalate', params: { to: ['manager'] } },
      { type: 'apology', params: { draft: { localized: true, placeholders: PLACEHOLDERS } } },
      { type: 'follow_up', params: { hours: { min: 1, max: 720 } } },
      { type: 'gift', params: { description: { localized: true } } },
      { type: 'article', params: { title: { localized: true }, url: { optional: true } } },
    ],
    bounds,
  };
}
