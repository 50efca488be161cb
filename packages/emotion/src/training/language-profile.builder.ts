import type { TrigramProfile } from '../language/language.detector.ts';
import { tokenize } from '../text/text.tokenizer.ts';

const TOP = 3000;

const profileOf = (texts: readonly string[]): { logp: Record<string, number>; total: number } => {
  const counts = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    const words = tokenize(text).filter((t) => t.kind === 'word').map((t) => t.norm);
    const padded = ` ${words.join(' ')} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const gram = padded.slice(i, i + 3);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
      total++;
    }
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP);
  const logp: Record<string, number> = {};
  for (const [gram, count] of top) logp[gram] = Math.round(Math.log(count / total) * 100) / 100;
  return { logp, total };
};

/** Top character trigrams of each language's training text: the fallback when no stopword decides. */
export const buildTrigramProfile = (es: readonly string[], en: readonly string[]): TrigramProfile => {
  const a = profileOf(es);
  const b = profileOf(en);
  const floor = Math.round(Math.log(1 / Math.max(a.total, b.total)) * 100) / 100;
  return { es: a.logp, en: b.logp, floor };
};
