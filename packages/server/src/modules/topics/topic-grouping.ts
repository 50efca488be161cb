import { phraseKey, type Phrase } from './topic-text.ts';

export type GroupInput = { id: string; phrases: Phrase[] };

export type TopicGroup = {
  key: string;
  label: string;
  // The phrases grouped in the topic, most mentioned first, as customers wrote them.
  phrases: Array<{ text: string; mentions: number }>;
  docIds: string[];
};

export type GroupOptions = { minMentions: number; maxTopics: number };

type Candidate = { key: string; stems: string[]; docs: Set<number>; surfaces: Map<string, number> };
type Group = { seed: Candidate; members: Candidate[]; docs: Set<number> };

const jaccard = <T>(a: Set<T>, b: Set<T>) => {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared || 1);
};

// Two phrases belong together when they share most of their stems ("entrega" and "entregas tarde") or
// when customers mostly write them in the same comments ("retraso" and "entrega").
const STEM_SIMILARITY = 0.5;
const CO_OCCURRENCE = 0.5;

const topSurface = (c: Candidate) => [...c.surfaces].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];

// Greedy grouping, most mentioned phrases first: each phrase joins the first topic it resembles, or
// starts one. Deterministic for the same documents (ties break on the key).
export function groupTopics(docs: GroupInput[], opts: GroupOptions): TopicGroup[] {
  const candidates = new Map<string, Candidate>();
  docs.forEach((doc, index) => {
    for (const p of doc.phrases) {
      const key = phraseKey(p.stems);
      let c = candidates.get(key);
      if (!c) candidates.set(key, (c = { key, stems: key.split('+'), docs: new Set(), surfaces: new Map() }));
      c.docs.add(index);
      c.surfaces.set(p.surface, (c.surfaces.get(p.surface) ?? 0) + 1);
    }
  });
  const frequent = [...candidates.values()]
    .filter((c) => c.docs.size >= opts.minMentions)
    .sort((a, b) => b.docs.size - a.docs.size || a.stems.length - b.stems.length || a.key.localeCompare(b.key));

  const groups: Group[] = [];
  for (const c of frequent) {
    const stems = new Set(c.stems);
    const home = groups.find((g) => jaccard(stems, new Set(g.seed.stems)) >= STEM_SIMILARITY || jaccard(c.docs, g.docs) >= CO_OCCURRENCE);
    if (home) {
      home.members.push(c);
      for (const d of c.docs) home.docs.add(d);
    } else {
      groups.push({ seed: c, members: [c], docs: new Set(c.docs) });
    }
  }
  return groups
    .filter((g) => g.docs.size >= opts.minMentions)
    .sort((a, b) => b.docs.size - a.docs.size || a.seed.key.localeCompare(b.seed.key))
    .slice(0, opts.maxTopics)
    .map((g) => ({
      key: g.seed.key,
      label: topSurface(g.seed),
      phrases: g.members
        .map((m) => ({ text: topSurface(m), mentions: m.docs.size }))
        .sort((a, b) => b.mentions - a.mentions || a.text.localeCompare(b.text))
        .slice(0, 8),
      docIds: [...g.docs].sort((a, b) => a - b).map((i) => docs[i]!.id),
    }));
}
