import type { ImportMapping, ImportRowError } from '../../api/customer-data-types.ts';

// What one column of the file feeds. Profile fields take one column each; any number may be attributes.
export type ColumnTarget = 'ignore' | 'name' | 'email' | 'phone' | 'locale' | 'externalId' | 'attribute';
export const COLUMN_TARGETS: readonly ColumnTarget[] = ['ignore', 'name', 'email', 'phone', 'locale', 'externalId', 'attribute'];
const SINGLE: readonly ColumnTarget[] = ['name', 'email', 'phone', 'locale', 'externalId'];

export type ColumnChoice = { column: string; target: ColumnTarget; attributeKey: string };

export type MappingProblem =
  | { kind: 'nothing_mapped' }
  | { kind: 'duplicate_target'; target: ColumnTarget }
  | { kind: 'missing_channel' }
  | { kind: 'bad_channel' }
  | { kind: 'missing_attribute_key'; column: string }
  | { kind: 'duplicate_attribute_key'; key: string };

// Same rule as the server (customer-data.routes.ts), so the mistake is shown before the upload.
const CHANNEL = /^[a-z][a-z0-9_-]{1,31}$/;

const GUESSES: ReadonlyArray<[ColumnTarget, RegExp]> = [
  ['name', /^(name|full ?name|nombre|nombre completo|cliente|customer)$/],
  ['email', /^(e-?mail|correo|correo electr[oó]nico|mail)$/],
  ['phone', /^(phone|tel[eé]fono|m[oó]vil|mobile|tel)$/],
  ['locale', /^(language|locale|idioma|lang)$/],
  ['externalId', /^(id|external ?id|id externo|c[oó]digo|code|customer ?id)$/],
];

// A first guess from the column's title; anything unrecognised becomes an attribute named after it.
export function guessChoices(header: readonly string[]): ColumnChoice[] {
  const taken = new Set<ColumnTarget>();
  return header.map((column) => {
    const title = column.trim().toLowerCase();
    const hit = GUESSES.find(([target, re]) => !taken.has(target) && re.test(title));
    if (hit) {
      taken.add(hit[0]);
      return { column, target: hit[0], attributeKey: '' };
    }
    return { column, target: 'attribute', attributeKey: attributeKeyOf(column) };
  });
}

export const attributeKeyOf = (column: string) =>
  column
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 100);

// The request's mapping, or every reason it cannot be sent yet.
export function buildMapping(choices: readonly ColumnChoice[], channel: string): { mapping: ImportMapping } | { problems: MappingProblem[] } {
  const problems: MappingProblem[] = [];
  const mapping: ImportMapping = {};
  const attributes: Record<string, string> = {};
  for (const target of SINGLE) {
    if (choices.filter((c) => c.target === target).length > 1) problems.push({ kind: 'duplicate_target', target });
  }
  for (const c of choices) {
    switch (c.target) {
      case 'ignore':
        break;
      case 'name':
      case 'email':
      case 'phone':
      case 'locale':
        mapping[c.target] ??= c.column;
        break;
      case 'externalId': {
        const name = channel.trim();
        if (!name) problems.push({ kind: 'missing_channel' });
        else if (!CHANNEL.test(name)) problems.push({ kind: 'bad_channel' });
        else mapping.externalId ??= { column: c.column, channel: name };
        break;
      }
      case 'attribute': {
        const key = c.attributeKey.trim();
        if (!key) problems.push({ kind: 'missing_attribute_key', column: c.column });
        else if (key in attributes) problems.push({ kind: 'duplicate_attribute_key', key });
        else attributes[key] = c.column;
        break;
      }
    }
  }
  if (Object.keys(attributes).length) mapping.attributes = attributes;
  if (!problems.length && !Object.keys(mapping).length) problems.push({ kind: 'nothing_mapped' });
  return problems.length ? { problems } : { mapping };
}

// The column titles: the first record of the file, honouring quotes (a title may hold a comma).
export function csvHeader(text: string): string[] {
  const src = text.replace(/^\uFEFF/, '');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') break;
    else cell += ch;
  }
  cells.push(cell.trim());
  return cells.length === 1 && cells[0] === '' ? [] : cells;
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

// The rows that were not imported, for someone to fix in their spreadsheet.
export function errorsCsv(errors: readonly ImportRowError[], titles: { line: string; column: string; message: string }): string {
  const lines = [[titles.line, titles.column, titles.message], ...errors.map((e) => [String(e.row), e.column ?? '', e.message])];
  return lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
