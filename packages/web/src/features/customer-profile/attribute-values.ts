import type { AttributeDefinition, AttributeValue } from '../../api/customer-profile-types.ts';

// What an input holds while it is edited: a checkbox's state, or the text of any other input.
export type AttributeDraft = string | boolean;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// The stored value as its input shows it; a value of another type (stored before the field was
// defined) is shown as text so nothing is hidden.
export function draftOf(def: AttributeDefinition, stored: unknown): AttributeDraft {
  if (def.type === 'boolean') return stored === true;
  if (stored === null || stored === undefined) return '';
  if (def.type === 'date' && typeof stored === 'string' && DATE.test(stored.slice(0, 10))) return stored.slice(0, 10);
  return typeof stored === 'object' ? JSON.stringify(stored) : String(stored);
}

// The value to send: empty clears the key; a number that does not parse is sent as typed, so the
// server's message about it shows next to the input.
export function valueOf(def: AttributeDefinition, draft: AttributeDraft): AttributeValue {
  if (def.type === 'boolean') return draft === true;
  const text = typeof draft === 'string' ? draft.trim() : String(draft);
  if (!text) return null;
  if (def.type === 'number') {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

// Only the keys whose value changed, null for the ones emptied: the server merges them into the rest.
export function attributePatch(defs: readonly AttributeDefinition[], stored: Record<string, unknown>, drafts: Record<string, AttributeDraft>): Record<string, AttributeValue> {
  const patch: Record<string, AttributeValue> = {};
  for (const def of defs) {
    if (!(def.key in drafts)) continue;
    const next = valueOf(def, drafts[def.key]!);
    const before = stored[def.key] ?? null;
    // An unchecked box on a customer who never had the key is not a change.
    if (def.type === 'boolean' && before === null && next === false) continue;
    if (next !== before) patch[def.key] = next;
  }
  return patch;
}

// Keys stored on the customer that no definition names (imported, or their field was deleted).
export const legacyAttributes = (defs: readonly AttributeDefinition[], attributes: Record<string, unknown>): Array<[string, unknown]> => {
  const defined = new Set(defs.map((d) => d.key));
  return Object.entries(attributes).filter(([k]) => !defined.has(k));
};

export const attributeText = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,39}$/;

// The options of a select typed one per line: trimmed, blank lines and repeats left out.
export const optionsOf = (text: string): string[] => [...new Set(text.split('\n').map((o) => o.trim()).filter(Boolean))];
