import type { ApiIssue } from '../../api/http-client.ts';
import type { ActionType, CatalogField, Condition, Leaf, LocalizedText, Playbook, PlaybookAction } from '../../api/reaction-types.ts';

// The admin form's model of a playbook: plain strings for the inputs, converted to and from the
// JSON the server validates. Conditions are rows under one top-level "all"/"any"; anything nested
// deeper stays a JSON row, so no definition is lost by editing it in the form.

export type LeafRow = { kind: 'leaf'; field: string; op: string; value: string; days: string };
export type JsonRow = { kind: 'json'; json: string };
export type ConditionRow = LeafRow | JsonRow;
export type Grouping = 'all' | 'any';

export type ActionRow = { type: ActionType; percent: string; amount: string; currency: string; by: 'trusted' | 'assignee'; hours: string; textEs: string; textEn: string; url: string };

export type PlaybookForm = {
  nameEs: string;
  nameEn: string;
  descEs: string;
  descEn: string;
  enabled: boolean;
  priority: string;
  grouping: Grouping;
  rows: ConditionRow[];
  actions: ActionRow[];
};

export type FieldKind = 'number' | 'set' | 'boolean' | 'keywords';

export function fieldKind(field: CatalogField | undefined): FieldKind {
  if (!field) return 'set';
  if (field.ops.includes('gt')) return 'number';
  if (field.values?.includes(true)) return 'boolean';
  if (field.ops.length === 1 && field.ops[0] === 'any') return 'keywords';
  return 'set';
}

const isLeaf = (c: Condition): c is Leaf => 'field' in c;

const valueText = (v: unknown): string => (Array.isArray(v) ? v.map(String).join(', ') : v === undefined || v === null ? '' : String(v));

export function leafRow(leaf: Leaf): LeafRow {
  return { kind: 'leaf', field: leaf.field, op: leaf.op, value: valueText(leaf.value), days: leaf.days === undefined ? '' : String(leaf.days) };
}

export function conditionToRows(condition: Condition): { grouping: Grouping; rows: ConditionRow[] } {
  const rowOf = (c: Condition): ConditionRow => (isLeaf(c) ? leafRow(c) : { kind: 'json', json: JSON.stringify(c) });
  if ('all' in condition) return { grouping: 'all', rows: condition.all.map(rowOf) };
  if ('any' in condition) return { grouping: 'any', rows: condition.any.map(rowOf) };
  return { grouping: 'all', rows: [rowOf(condition)] };
}

// A number when the text is one; otherwise the text itself, so the server names the mistake.
const numberOr = (s: string): number | string => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s);
const list = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function rowToCondition(row: ConditionRow, fields: readonly CatalogField[], path: string, issues: ApiIssue[]): unknown {
  if (row.kind === 'json') {
    try {
      return JSON.parse(row.json) as unknown;
    } catch {
      issues.push({ path, message: 'invalid JSON' });
      return {};
    }
  }
  const kind = fieldKind(fields.find((f) => f.field === row.field));
  const value =
    kind === 'number'
      ? numberOr(row.value)
      : kind === 'boolean'
        ? row.value === 'true'
        : kind === 'keywords' || row.op === 'in' || row.op === 'notIn'
          ? list(row.value)
          : row.value.trim();
  return { field: row.field, ...(row.field === 'contactsInDays' ? { days: numberOr(row.days) } : {}), op: row.op, value };
}

export function rowsToCondition(grouping: Grouping, rows: readonly ConditionRow[], fields: readonly CatalogField[], issues: ApiIssue[] = [], root = 'body.condition'): unknown {
  return { [grouping]: rows.map((r, i) => rowToCondition(r, fields, `${root}.${grouping}.${i}`, issues)) };
}

const text = (es: string, en: string): LocalizedText => ({ ...(es.trim() ? { es: es.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) });

export function emptyAction(type: ActionType, currency = 'EUR'): ActionRow {
  return { type, percent: '10', amount: '20', currency, by: 'trusted', hours: '24', textEs: '', textEn: '', url: '' };
}

export function actionToRow(a: PlaybookAction): ActionRow {
  const row = emptyAction(a.type);
  switch (a.type) {
    case 'offer_discount':
      return { ...row, percent: String(a.percent) };
    case 'offer_compensation':
      return { ...row, amount: String(a.amount), currency: a.currency };
    case 'personal_call':
      return { ...row, by: a.by };
    case 'escalate':
      return row;
    case 'apology':
      return { ...row, textEs: a.draft.es ?? '', textEn: a.draft.en ?? '' };
    case 'follow_up':
      return { ...row, hours: String(a.hours) };
    case 'gift':
      return { ...row, textEs: a.description.es ?? '', textEn: a.description.en ?? '' };
    case 'article':
      return { ...row, textEs: a.title.es ?? '', textEn: a.title.en ?? '', url: a.url ?? '' };
  }
}

export function rowToAction(r: ActionRow): Record<string, unknown> {
  switch (r.type) {
    case 'offer_discount':
      return { type: r.type, percent: numberOr(r.percent) };
    case 'offer_compensation':
      return { type: r.type, amount: numberOr(r.amount), currency: r.currency.trim().toUpperCase() };
    case 'personal_call':
      return { type: r.type, by: r.by };
    case 'escalate':
      return { type: r.type, to: 'manager' };
    case 'apology':
      return { type: r.type, draft: text(r.textEs, r.textEn) };
    case 'follow_up':
      return { type: r.type, hours: numberOr(r.hours) };
    case 'gift':
      return { type: r.type, description: text(r.textEs, r.textEn) };
    case 'article':
      return { type: r.type, title: text(r.textEs, r.textEn), ...(r.url.trim() ? { url: r.url.trim() } : {}) };
  }
}

export function playbookToForm(p: Playbook): PlaybookForm {
  const { grouping, rows } = conditionToRows(p.condition);
  return {
    nameEs: p.name.es ?? '',
    nameEn: p.name.en ?? '',
    descEs: p.description.es ?? '',
    descEn: p.description.en ?? '',
    enabled: p.enabled,
    priority: String(p.priority),
    grouping,
    rows,
    actions: p.actions.map(actionToRow),
  };
}

export const newPlaybookForm = (currency = 'EUR'): PlaybookForm => ({
  nameEs: '',
  nameEn: '',
  descEs: '',
  descEn: '',
  enabled: true,
  priority: '50',
  grouping: 'all',
  rows: [{ kind: 'leaf', field: 'emotion', op: 'eq', value: 'sadness', days: '' }],
  actions: [emptyAction('personal_call', currency)],
});

// The body for POST/PATCH /api/playbooks, plus mistakes found before asking the server (bad JSON).
export function formToDefinition(form: PlaybookForm, fields: readonly CatalogField[]): { body: Record<string, unknown>; issues: ApiIssue[] } {
  const issues: ApiIssue[] = [];
  const body = {
    name: text(form.nameEs, form.nameEn),
    description: text(form.descEs, form.descEn),
    enabled: form.enabled,
    priority: numberOr(form.priority),
    condition: rowsToCondition(form.grouping, form.rows, fields, issues),
    actions: form.actions.map(rowToAction),
  };
  return { body, issues };
}

// The form input a server path is about: "body.actions.0.percent" → "actions.0.percent",
// "body.condition.any.2.value" → "condition.2.value" (deeper, inside a JSON row → "condition.2").
export function fieldKeyOf(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'body') parts.shift();
  if (parts[0] === 'playbook') parts.shift();
  const [head, ...rest] = parts;
  if (head === 'condition') {
    const [group, index, leafKey, ...deeper] = rest;
    if ((group === 'all' || group === 'any') && index !== undefined && /^\d+$/.test(index)) {
      return leafKey && deeper.length === 0 && ['field', 'op', 'value', 'days'].includes(leafKey) ? `condition.${index}.${leafKey}` : `condition.${index}`;
    }
    return 'condition';
  }
  if (head === 'actions') {
    const [index, key, lang] = rest;
    if (index === undefined || !/^\d+$/.test(index)) return 'actions';
    return [head, index, key, lang].filter((x) => x !== undefined).join('.');
  }
  if (head === 'name' || head === 'description' || head === 'priority' || head === 'enabled') return parts.slice(0, 2).join('.');
  return 'form';
}

export type FieldErrors = Record<string, ApiIssue[]>;

export function errorsByField(issues: readonly ApiIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) (out[fieldKeyOf(issue.path)] ??= []).push(issue);
  return out;
}
