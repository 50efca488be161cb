import type { AttributeType } from '../../platform/db/database.types.ts';

export type AttributeDefinition = { key: string; label: string; type: AttributeType; options: string[] };
export type AttributeValue = string | number | boolean;
export type Coerced = { value: AttributeValue } | { error: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const TRUE = new Set(['true', 'yes', 'y', 'sí', 'si', 's', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0', '']);

function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

// One attribute value checked against its definition. JSON sends typed values; a CSV cell is text,
// so `fromText` also reads "1.234,5", "sí" or a date-time the way a spreadsheet writes them.
export function coerceAttribute(def: AttributeDefinition, raw: unknown, fromText = false): Coerced {
  switch (def.type) {
    case 'text': {
      if (typeof raw !== 'string') return { error: 'must be text' };
      const v = raw.trim();
      if (!v) return { error: 'must not be empty (send null to remove it)' };
      return v.length > 2000 ? { error: 'must be at most 2,000 characters' } : { value: v };
    }
    case 'number': {
      if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : { error: 'must be a finite number' };
      if (fromText && typeof raw === 'string') {
        const text = raw.trim().replace(/\s/g, '');
        // A comma with no dot, or dots before a final comma, is the Spanish decimal mark.
        const normal = /,\d{1,}$/.test(text) && !/\.\d+$/.test(text) ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
        const n = Number(normal);
        if (normal !== '' && Number.isFinite(n)) return { value: n };
      }
      return { error: `must be a number${fromText ? ` (got "${String(raw)}")` : ''}` };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      if (fromText && typeof raw === 'string') {
        const v = raw.trim().toLowerCase();
        if (TRUE.has(v)) return { value: true };
        if (FALSE.has(v)) return { value: false };
      }
      return { error: `must be true or false${fromText ? ` (got "${String(raw)}")` : ''}` };
    }
    case 'date': {
      const m = typeof raw === 'string' ? DATE.exec(raw.trim()) : null;
      if (!m || (!fromText && raw !== `${m[1]}-${m[2]}-${m[3]}`) || !realDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
        return { error: `must be a date like 2026-03-31${typeof raw === 'string' ? ` (got "${raw}")` : ''}` };
      }
      return { value: `${m[1]}-${m[2]}-${m[3]}` };
    }
    case 'select': {
      if (typeof raw !== 'string') return { error: `must be one of: ${def.options.join(', ')}` };
      const v = raw.trim();
      const match = def.options.find((o) => o === v) ?? (fromText ? def.options.find((o) => o.toLowerCase() === v.toLowerCase()) : undefined);
      return match !== undefined ? { value: match } : { error: `must be one of: ${def.options.join(', ')} (got "${raw}")` };
    }
  }
}
