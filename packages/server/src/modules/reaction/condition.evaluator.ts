import type { EmotionLabel, MoodTrend } from '../../platform/db/database.types.ts';
import type { CustomerState, SurveyMetric } from './customer-state.ts';
import { normalizeText } from './customer-state.ts';
import type { Condition, Field, Leaf, NumberOp } from './playbook.schema.ts';

// Why a suggestion was made, as data; reason.format.ts puts it into words in either language.
export type ReasonPart =
  | { kind: 'emotion'; emotion: EmotionLabel; intensity: number }
  | { kind: 'alert' }
  | { kind: 'mood'; score: number }
  | { kind: 'trend'; trend: MoodTrend }
  | { kind: 'contacts'; count: number; spanDays: number; windowDays: number }
  | { kind: 'waiting'; minutes: number }
  | { kind: 'openConversations'; count: number }
  | { kind: 'value'; value: number; level: 'high' | 'low' | null }
  | { kind: 'segment'; segment: string }
  | { kind: 'survey'; score: number; metric?: SurveyMetric }
  | { kind: 'keyword'; word: string };

// true / false, or null when a field it needs is not loaded yet (three-valued, like SQL): lets
// the listener rule out every playbook from the message alone, before any query.
export type Verdict = { value: boolean | null; parts: ReasonPart[] };
export type Loaded = (field: Field) => boolean;
const everything: Loaded = () => true;

const compare = (a: number, op: NumberOp, b: number) =>
  op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : op === 'lte' ? a <= b : op === 'eq' ? a === b : a !== b;

const inSet = <T>(v: T, op: 'eq' | 'neq' | 'in' | 'notIn', value: T | T[]) => {
  const list = Array.isArray(value) ? value : [value];
  const hit = list.includes(v);
  return op === 'eq' || op === 'in' ? hit : !hit;
};

const keywordPatterns = new Map<string, RegExp>();
function keywordPattern(word: string): RegExp {
  let re = keywordPatterns.get(word);
  if (!re) {
    const escaped = normalizeText(word.trim()).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    re = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}`, 'u');
    if (keywordPatterns.size < 5000) keywordPatterns.set(word, re);
  }
  return re;
}

const emotionPart = (s: CustomerState): ReasonPart[] => (s.emotion ? [{ kind: 'emotion', emotion: s.emotion, intensity: s.intensity ?? 0 }] : []);

function leaf(l: Leaf, s: CustomerState): Verdict {
  const no: Verdict = { value: false, parts: [] };
  switch (l.field) {
    case 'emotion':
      return s.emotion !== undefined && inSet(s.emotion, l.op, l.value) ? { value: true, parts: emotionPart(s) } : no;
    case 'intensity':
      return s.intensity !== undefined && compare(s.intensity, l.op, l.value) ? { value: true, parts: emotionPart(s) } : no;
    case 'alert':
      return s.alert !== undefined && s.alert === l.value ? { value: true, parts: l.value ? [{ kind: 'alert' }] : [] } : no;
    case 'moodScore':
      return s.moodScore !== undefined && compare(s.moodScore, l.op, l.value) ? { value: true, parts: [{ kind: 'mood', score: s.moodScore }] } : no;
    case 'moodTrend':
      return s.moodTrend !== undefined && inSet(s.moodTrend, l.op, l.value) ? { value: true, parts: [{ kind: 'trend', trend: s.moodTrend }] } : no;
    case 'contactsInDays': {
      if (!s.contacts) return no;
      const c = s.contacts(l.days);
      return compare(c.count, l.op, l.value) ? { value: true, parts: [{ kind: 'contacts', count: c.count, spanDays: c.spanDays, windowDays: l.days }] } : no;
    }
    case 'waitingMinutes':
      return s.waitingMinutes !== undefined && compare(s.waitingMinutes, l.op, l.value) ? { value: true, parts: [{ kind: 'waiting', minutes: s.waitingMinutes }] } : no;
    case 'openConversations':
      return s.openConversations !== undefined && compare(s.openConversations, l.op, l.value)
        ? { value: true, parts: [{ kind: 'openConversations', count: s.openConversations }] }
        : no;
    case 'customerValue':
      return s.customerValue !== undefined && compare(s.customerValue, l.op, l.value)
        ? { value: true, parts: [{ kind: 'value', value: s.customerValue, level: l.op.startsWith('gt') ? 'high' : l.op.startsWith('lt') ? 'low' : null }] }
        : no;
    case 'segment':
      return s.segment !== undefined && inSet(s.segment.toLowerCase(), l.op, Array.isArray(l.value) ? l.value.map((v) => v.toLowerCase()) : l.value.toLowerCase())
        ? { value: true, parts: [{ kind: 'segment', segment: s.segment }] }
        : no;
    case 'lastSurveyScore':
      return s.lastSurveyScore !== undefined && compare(s.lastSurveyScore, l.op, l.value) ? { value: true, parts: [{ kind: 'survey', score: s.lastSurveyScore }] } : no;
    case 'surveyLow':
      if (s.surveyLow === undefined || (s.surveyLow !== null) !== l.value) return no;
      return { value: true, parts: s.surveyLow ? [{ kind: 'survey', score: s.surveyLow.score, metric: s.surveyLow.metric }] : [] };
    case 'keywords': {
      const word = s.text === undefined ? undefined : l.value.find((w) => keywordPattern(w).test(s.text!));
      return word ? { value: true, parts: [{ kind: 'keyword', word }] } : no;
    }
  }
}

export function evaluate(c: Condition, s: CustomerState, loaded: Loaded = everything): Verdict {
  if ('all' in c) {
    const parts: ReasonPart[] = [];
    let unknown = false;
    for (const x of c.all) {
      const v = evaluate(x, s, loaded);
      if (v.value === false) return { value: false, parts: [] };
      if (v.value === null) unknown = true;
      else parts.push(...v.parts);
    }
    return { value: unknown ? null : true, parts };
  }
  if ('any' in c) {
    const parts: ReasonPart[] = [];
    let unknown = false;
    let any = false;
    for (const x of c.any) {
      const v = evaluate(x, s, loaded);
      if (v.value === true) {
        any = true;
        parts.push(...v.parts);
      } else if (v.value === null) unknown = true;
    }
    return { value: any ? true : unknown ? null : false, parts };
  }
  if ('not' in c) {
    const v = evaluate(c.not, s, loaded);
    return { value: v.value === null ? null : !v.value, parts: [] };
  }
  if (!loaded(c.field)) return { value: null, parts: [] };
  return leaf(c, s);
}

const NEGATIVE = new Set<EmotionLabel>(['anger', 'disgust', 'fear', 'sadness']);

// One part per kind, the message's feeling first when it is negative: it is why we are here.
export function reasonOf(parts: ReasonPart[], s: CustomerState): ReasonPart[] {
  const byKind = new Map<string, ReasonPart>();
  const lead = emotionPart(s)[0];
  if (lead && NEGATIVE.has(s.emotion!)) byKind.set('emotion', lead);
  for (const p of parts) if (!byKind.has(p.kind)) byKind.set(p.kind, p);
  return [...byKind.values()];
}
