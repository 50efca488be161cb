import type { ApiIssue } from '../../api/http-client.ts';
import type { JsonSchema } from '../../api/channels-types.ts';

// A setup form generated from a kind's settings JSON schema: one input per leaf property, nested
// objects (e-mail's `smtp`) as a group whose fields are sent only when one of them is filled.

export type FieldInput = 'text' | 'url' | 'integer' | 'number' | 'boolean' | 'select';

export type FormField = {
  // Dotted path inside the settings: `phoneNumberId`, `smtp.host`.
  path: string;
  key: string;
  input: FieldInput;
  // Required when its group is sent (always, for top-level fields).
  required: boolean;
  // The nested object it belongs to, null at the top level.
  group: string | null;
  description?: string;
  pattern?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  options?: string[];
  default?: unknown;
};

export type FormGroup = { path: string; required: boolean; description?: string };

export type SchemaForm = { fields: FormField[]; groups: FormGroup[] };

// Form values by field path: text inputs keep what was typed, checkboxes a boolean.
export type FormValues = Record<string, string | boolean>;

const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

function inputOf(s: JsonSchema): FieldInput {
  if (s.enum?.length) return 'select';
  const type = typeOf(s);
  if (type === 'boolean') return 'boolean';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (type === 'string' && (s.format === 'uri' || s.format === 'url')) return 'url';
  return 'text';
}

export function schemaForm(schema: JsonSchema): SchemaForm {
  const fields: FormField[] = [];
  const groups: FormGroup[] = [];
  const walk = (s: JsonSchema, prefix: string | null, groupRequired: boolean) => {
    const required = new Set(s.required ?? []);
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeOf(prop) === 'object' && prop.properties) {
        // One level of nesting is what the server uses; deeper objects are flattened the same way.
        groups.push({ path, required: groupRequired && required.has(key), ...(prop.description ? { description: prop.description } : {}) });
        walk(prop, path, groupRequired && required.has(key));
        continue;
      }
      fields.push({
        path,
        key,
        input: inputOf(prop),
        required: required.has(key),
        group: prefix,
        ...(prop.description ? { description: prop.description } : {}),
        ...(prop.pattern ? { pattern: prop.pattern } : {}),
        ...(prop.minimum !== undefined ? { min: prop.minimum } : {}),
        ...(prop.maximum !== undefined ? { max: prop.maximum } : {}),
        ...(prop.maxLength !== undefined ? { maxLength: prop.maxLength } : {}),
        ...(prop.enum ? { options: prop.enum.map(String) } : {}),
        ...(prop.default !== undefined ? { default: prop.default } : {}),
      });
    }
  };
  walk(schema, null, true);
  return { fields, groups };
}

const at = (obj: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);

// What the form shows first: the channel's current settings when editing, else the schema's defaults.
export function initialValues(form: SchemaForm, settings: Record<string, unknown> = {}): FormValues {
  const values: FormValues = {};
  for (const f of form.fields) {
    const current = at(settings, f.path) ?? f.default;
    values[f.path] = f.input === 'boolean' ? current === true : current === undefined || current === null ? '' : String(current);
  }
  return values;
}

// A number that does not parse is sent as typed, so the server's message says what is wrong with it.
function valueOf(f: FormField, raw: string | boolean): unknown {
  if (f.input === 'boolean') return raw === true;
  const text = String(raw).trim();
  if (f.input === 'integer' || f.input === 'number') {
    const n = Number(text);
    return text !== '' && Number.isFinite(n) ? n : text;
  }
  return text;
}

const isFilled = (f: FormField, raw: string | boolean | undefined) => f.input !== 'boolean' && raw !== undefined && String(raw).trim() !== '';

// The settings object to send: empty inputs are left out (the server applies its defaults), and an
// optional group only goes when one of its inputs (other than a checkbox) is filled.
export function settingsFrom(form: SchemaForm, values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const groupSent = (path: string | null): boolean => {
    if (path === null) return true;
    const group = form.groups.find((g) => g.path === path);
    if (group?.required) return true;
    return form.fields.some((f) => (f.group === path || f.group?.startsWith(`${path}.`)) && isFilled(f, values[f.path]));
  };
  for (const f of form.fields) {
    if (!groupSent(f.group)) continue;
    const raw = values[f.path];
    if (raw === undefined || (f.input !== 'boolean' && !isFilled(f, raw))) continue;
    const keys = f.path.split('.');
    let target = out;
    for (const k of keys.slice(0, -1)) target = (target[k] ??= {}) as Record<string, unknown>;
    target[keys.at(-1)!] = valueOf(f, raw);
  }
  return out;
}

// The secrets to send: on creation every filled one; when editing only those typed again (a blank
// input keeps the stored value) and, as null, those the admin chose to remove.
export function secretsFrom(names: readonly string[], typed: Record<string, string>, removed: ReadonlySet<string> = new Set()): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const name of names) {
    const value = typed[name]?.trim();
    if (value) out[name] = value;
    else if (removed.has(name)) out[name] = null;
  }
  return out;
}

// The server's validation details put under the input they are about. Its paths are `settings.x.y`,
// `secrets.x`, `addresses.0` or, from request validation, `body.name`; the longest field key that
// prefixes the path wins, and what fits no field is shown above the form.
export function issuesByField(issues: readonly ApiIssue[], fieldKeys: readonly string[]): { byField: Record<string, string>; other: string[] } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  const sorted = [...fieldKeys].sort((a, b) => b.length - a.length);
  for (const issue of issues) {
    const path = issue.path.replace(/^body\./, '');
    const key = sorted.find((k) => path === k || path.startsWith(`${k}.`));
    if (!key) other.push(path && path !== 'body' ? `${path}: ${issue.message}` : issue.message);
    else if (!byField[key]) byField[key] = issue.message;
  }
  return { byField, other };
}

// E-mail addresses typed one per line or separated by commas.
export const addressesFrom = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((a) => a.trim())
    .filter(Boolean);
