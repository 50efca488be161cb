// Snippet bodies and their placeholders ("Hola {firstName}, tu pedido {lastOrder}…"). Pure: parsing,
// validation and filling; where the values come from is the snippet service's business.

export const PLACEHOLDERS = ['firstName', 'lastName', 'name', 'email', 'phone', 'agentName', 'agentFirstName', 'lastOrder', 'plan', 'company'] as const;
export type KnownPlaceholder = (typeof PLACEHOLDERS)[number];

// {attr.someKey} reads any customer attribute; the others are listed above.
export const ATTRIBUTE_PREFIX = 'attr.';
const PLACEHOLDER = /\{([A-Za-z][\w.-]*)\}/g;
const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);

export const isKnownPlaceholder = (p: string) => KNOWN.has(p) || (p.startsWith(ATTRIBUTE_PREFIX) && /^[\w-]{1,100}$/.test(p.slice(ATTRIBUTE_PREFIX.length)));

export function placeholdersOf(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

export const unknownPlaceholders = (body: string) => placeholdersOf(body).filter((p) => !isKnownPlaceholder(p));

// A value nobody knows stays visible in the text, so the employee must fill it before sending.
export const gapMarker = (placeholder: string) => `[[${placeholder}]]`;

export type Gap = { placeholder: string; start: number; end: number };
export type FilledSnippet = { text: string; complete: boolean; values: Record<string, string | null>; gaps: Gap[] };

export function fillTemplate(body: string, valueOf: (placeholder: string) => string | null): FilledSnippet {
  const values: Record<string, string | null> = {};
  const gaps: Gap[] = [];
  let text = '';
  let last = 0;
  for (const m of body.matchAll(PLACEHOLDER)) {
    const placeholder = m[1] as string;
    text += body.slice(last, m.index);
    last = m.index + m[0].length;
    if (!isKnownPlaceholder(placeholder)) {
      text += m[0];
      continue;
    }
    const value = valueOf(placeholder);
    values[placeholder] = value;
    if (value !== null) {
      text += value;
      continue;
    }
    const marker = gapMarker(placeholder);
    gaps.push({ placeholder, start: text.length, end: text.length + marker.length });
    text += marker;
  }
  text += body.slice(last);
  return { text, complete: gaps.length === 0, values, gaps };
}
