import type { Snippet, SnippetGap } from '../../api/api.types.ts';

// A value the server did not know stays in the reply as [[placeholder]] until the employee fills it.
// Gaps are found in the text as it is now (it is edited after the snippet was filled), not from the
// offsets the server sent.
const GAP = /\[\[([A-Za-z][\w.-]*)\]\]/g;

export function gapsIn(text: string): SnippetGap[] {
  return [...text.matchAll(GAP)].map((m) => ({ placeholder: m[1] as string, start: m.index, end: m.index + m[0].length }));
}

// A few words either side of a gap, so the employee sees where it is without reading the whole reply.
export function gapContext(text: string, gap: SnippetGap, radius = 24): { before: string; marker: string; after: string } {
  const from = Math.max(0, gap.start - radius);
  const to = Math.min(text.length, gap.end + radius);
  const before = text.slice(from, gap.start).replace(/\s+/g, ' ');
  const after = text.slice(gap.end, to).replace(/\s+/g, ' ');
  return { before: (from > 0 ? '…' : '') + before, marker: text.slice(gap.start, gap.end), after: after + (to < text.length ? '…' : '') };
}

// Inserts at the caret (replacing a selection); an empty reply just becomes the insertion.
export function insertAt(text: string, insertion: string, start: number, end: number = start): { text: string; from: number } {
  if (!text.trim()) return { text: insertion, from: 0 };
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(a, Math.min(end, text.length));
  const before = text.slice(0, a);
  const sep = before && !/\s$/u.test(before) ? ' ' : '';
  return { text: before + sep + insertion + text.slice(b), from: a + sep.length };
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

// Every word of the query in the title or the body, accents and case aside; titles matching first.
export function matchSnippets(items: readonly Snippet[], query: string): Snippet[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...items];
  const hits = items.filter((s) => {
    const hay = fold(`${s.title} ${s.body}`);
    return words.every((w) => hay.includes(w));
  });
  const inTitle = (s: Snippet) => words.every((w) => fold(s.title).includes(w));
  return [...hits.filter(inTitle), ...hits.filter((s) => !inTitle(s))];
}
