import type { Language } from '../../i18n/i18n.types.ts';

// Puts the customer's first name where a person would: into the greeting ("Hola, …" → "Hola Lucía, …"),
// in place of another customer's name left in a copied reply ("Hola Ana," → "Hola Lucía,"), or in a new
// greeting line. `caret` is just after the name, so the employee can go on writing there.

const GREETING = /^(\s*)(buenos d[ií]as|buenas tardes|buenas noches|good morning|good afternoon|good evening|hola|buenas|estimad[oa]|querid[oa]|hi|hello|hey|dear)\b/iu;
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

export type Insertion = { text: string; caret: number };

export function withFirstName(text: string, firstName: string, lang: Language): Insertion {
  const name = firstName.trim();
  const at = fold(text).indexOf(fold(name));
  if (!name || at >= 0) return { text, caret: at >= 0 ? at + name.length : text.length };

  const greeting = GREETING.exec(text);
  if (greeting) {
    const head = greeting[0];
    const rest = text.slice(head.length);
    // Another person's name right after the greeting: the reply was copied from someone else's.
    const other = /^(\s+)(\p{Lu}[\p{L}'-]*)/u.exec(rest);
    if (other) {
      const start = head.length + (other[1]?.length ?? 0);
      return { text: text.slice(0, start) + name + text.slice(start + (other[2]?.length ?? 0)), caret: start + name.length };
    }
    const start = head.length;
    // "Hola, gracias…" and "Hola!" keep their punctuation; "Hola gracias…" gets a comma.
    const insert = /^[\s]*[,.!:;\n]/u.test(rest) || rest.trim() === '' ? ` ${name}` : ` ${name},`;
    const cleanRest = /^\s*[,.!:;]/u.test(rest) ? rest.replace(/^\s+/u, '') : rest;
    return { text: text.slice(0, start) + insert + cleanRest, caret: start + ` ${name}`.length };
  }

  const hello = lang === 'es' ? 'Hola' : 'Hi';
  const line = `${hello} ${name},`;
  return { text: text.trim() ? `${line}\n${text.replace(/^\s+/u, '')}` : `${line} `, caret: hello.length + 1 + name.length };
}
