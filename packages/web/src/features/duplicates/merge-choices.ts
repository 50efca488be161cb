import type { Customer } from '../../api/api.types.ts';
import { PROFILE_FIELDS, type MergeBody, type MergeSide, type ProfileField } from '../../api/customer-merge-types.ts';

// One thing the employee decides in the merge dialog: whose value a field or attribute keeps.
export type ChoiceRow =
  | { kind: 'field'; key: ProfileField; survivor: string | null; absorbed: string | null; preset: MergeSide }
  | { kind: 'attribute'; key: string; survivor: string | null; absorbed: string | null; preset: MergeSide };

export type Choices = Record<string, MergeSide>;

// Attribute values are free JSON; an absent key reads as null (choosing it drops the attribute).
export function valueText(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export const rowId = (row: Pick<ChoiceRow, 'kind' | 'key'>) => `${row.kind}:${row.key}`;

// The older record stays by default: it is the one other systems are most likely to point at.
export function defaultSurvivor(a: Customer, b: Customer): [Customer, Customer] {
  return a.createdAt <= b.createdAt ? [a, b] : [b, a];
}

// Only what differs needs a decision. The survivor's value is preselected, except where it has
// none and the other has one (the API's own default, so nothing is lost by accepting it).
export function choiceRows(survivor: Customer, absorbed: Customer): ChoiceRow[] {
  const preset = (s: string | null, a: string | null): MergeSide => (s === null && a !== null ? 'absorbed' : 'survivor');
  const rows: ChoiceRow[] = [];
  for (const key of PROFILE_FIELDS) {
    const s = valueText(survivor[key]);
    const a = valueText(absorbed[key]);
    if (s !== a) rows.push({ kind: 'field', key, survivor: s, absorbed: a, preset: preset(s, a) });
  }
  const keys = [...new Set([...Object.keys(survivor.attributes ?? {}), ...Object.keys(absorbed.attributes ?? {})])].sort();
  for (const key of keys) {
    const s = valueText(survivor.attributes?.[key]);
    const a = valueText(absorbed.attributes?.[key]);
    if (s !== a) rows.push({ kind: 'attribute', key, survivor: s, absorbed: a, preset: preset(s, a) });
  }
  return rows;
}

// Profile fields both customers share, shown once so the employee sees nothing is hidden.
export function sameFields(survivor: Customer, absorbed: Customer): ProfileField[] {
  return PROFILE_FIELDS.filter((key) => valueText(survivor[key]) !== null && valueText(survivor[key]) === valueText(absorbed[key]));
}

export const presetChoices = (rows: ChoiceRow[]): Choices => Object.fromEntries(rows.map((r) => [rowId(r), r.preset]));

// Every decision is sent explicitly, so what the dialog showed is what the server does.
export function mergeBodyOf(absorbedId: string, rows: ChoiceRow[], choices: Choices, proposalId?: string): MergeBody {
  const fields: Partial<Record<ProfileField, MergeSide>> = {};
  const attributes: Record<string, MergeSide> = {};
  for (const row of rows) {
    const side = choices[rowId(row)] ?? row.preset;
    if (row.kind === 'field') fields[row.key] = side;
    else attributes[row.key] = side;
  }
  return { absorbedId, fields, attributes, ...(proposalId ? { proposalId } : {}) };
}
