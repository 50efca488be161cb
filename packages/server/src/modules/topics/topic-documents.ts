import { sql } from 'kysely';
import type { MessageEmotion } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { guessLanguage, type TopicLanguage } from './topic-text.ts';

// One text customers wrote: an inbound message, or the open answers of one survey.
export type TopicDocument = {
  id: string;
  source: 'message' | 'answer';
  language: TopicLanguage;
  text: string;
  // From −1 (very negative) to 1; null when nothing says (a message the engine did not label, an answer without scores).
  sentiment: number | null;
  at: string;
  conversationId: string | null;
  surveyId: string | null;
  customerId: string;
};

// Big workspaces stay bounded: the newest this many texts per source in the period are read (a sample,
// reported as `sampled`), never the whole history.
export const SAMPLE_PER_SOURCE = 2000;
// Shorter messages ("ok", "gracias") carry no subject.
const MIN_MESSAGE_CHARS = 12;

export type DocumentFilters = { since: Date; until: Date; teamId?: string; messages: boolean; answers: boolean };

const clamp = (n: number) => Math.max(-1, Math.min(1, n));
const POLARITY_VALUE = { negative: -1, neutral: 0, positive: 1 } as const;

// An employee's correction wins over the engine's valence.
export function messageSentiment(e: MessageEmotion | null): number | null {
  if (!e) return null;
  if (e.corrected) return POLARITY_VALUE[e.corrected.polarity];
  return e.supported === false ? null : clamp(e.valence);
}

// Scores mapped to −1…1: CSAT 1→−1, 3→0, 5→1; NPS 10→1, 7.5→0, 5 or less→−1 (detractors are negative);
// CES 1→1, 4→0, 7→−1 (more effort is worse). The mean of those the answer has.
export function answerSentiment(s: { csat: number | null; nps: number | null; ces: number | null }): number | null {
  const parts: number[] = [];
  if (s.csat !== null) parts.push((s.csat - 3) / 2);
  if (s.nps !== null) parts.push(clamp((s.nps - 7.5) / 2.5));
  if (s.ces !== null) parts.push((4 - s.ces) / 3);
  return parts.length ? Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 1000) / 1000 : null;
}

// The free texts of an answer; an exit survey's `reason` is a code, not words.
export function answerText(answers: Record<string, unknown>): string {
  return Object.entries(answers)
    .filter(([k, v]) => k !== 'reason' && typeof v === 'string' && v.trim().length >= 3)
    .map(([, v]) => (v as string).trim())
    .join('. ');
}

const teamFilter = (teamId: string | undefined) => (teamId ? sql`coalesce(c.team_id, e.team_id) = ${teamId}` : sql`true`);

export async function loadDocuments(scope: TenantScope, f: DocumentFilters): Promise<{ documents: TopicDocument[]; sampled: boolean }> {
  const documents: TopicDocument[] = [];
  let sampled = false;
  if (f.messages) {
    const { rows } = await sql<{ id: string; text: string; emotion: MessageEmotion | null; created_at: Date; conversation_id: string; customer_id: string }>`
      select m.id, m.text, m.emotion, m.created_at, m.conversation_id, c.customer_id
      from messages m
      join conversations c on c.workspace_id = m.workspace_id and c.id = m.conversation_id
      left join employees e on e.workspace_id = c.workspace_id and e.id = c.assignee_id
      where m.workspace_id = ${scope.workspaceId} and m.direction = 'inbound' and m.author_type = 'customer'
        and m.created_at >= ${f.since} and m.created_at < ${f.until} and length(m.text) >= ${MIN_MESSAGE_CHARS}
        and ${teamFilter(f.teamId)}
      order by m.created_at desc
      limit ${SAMPLE_PER_SOURCE + 1}`.execute(scope.db);
    if (rows.length > SAMPLE_PER_SOURCE) sampled = true;
    for (const r of rows.slice(0, SAMPLE_PER_SOURCE)) {
      const stated = r.emotion?.language;
      const language = stated === 'es' || stated === 'en' ? stated : guessLanguage(r.text);
      if (!language) continue;
      documents.push({ id: r.id, source: 'message', language, text: r.text, sentiment: messageSentiment(r.emotion), at: r.created_at.toISOString(), conversationId: r.conversation_id, surveyId: null, customerId: r.customer_id });
    }
  }
  if (f.answers) {
    const { rows } = await sql<{ id: string; survey_id: string; answers: Record<string, unknown>; csat: number | null; nps: number | null; ces: number | null; answered_at: Date; conversation_id: string | null; customer_id: string; locale: TopicLanguage }>`
      select r.id, r.survey_id, r.answers, r.csat, r.nps, r.ces, r.answered_at, r.conversation_id, r.customer_id, s.locale
      from survey_responses r
      join surveys s on s.workspace_id = r.workspace_id and s.id = r.survey_id
      left join conversations c on c.workspace_id = r.workspace_id and c.id = r.conversation_id
      left join employees e on e.workspace_id = c.workspace_id and e.id = c.assignee_id
      where r.workspace_id = ${scope.workspaceId} and r.answered_at >= ${f.since} and r.answered_at < ${f.until}
        and exists (select 1 from jsonb_each(r.answers) a where a.key <> 'reason' and jsonb_typeof(a.value) = 'string')
        and ${teamFilter(f.teamId)}
      order by r.answered_at desc
      limit ${SAMPLE_PER_SOURCE + 1}`.execute(scope.db);
    if (rows.length > SAMPLE_PER_SOURCE) sampled = true;
    for (const r of rows.slice(0, SAMPLE_PER_SOURCE)) {
      const text = answerText(r.answers);
      if (!text) continue;
      documents.push({ id: r.id, source: 'answer', language: r.locale, text, sentiment: answerSentiment(r), at: r.answered_at.toISOString(), conversationId: r.conversation_id, surveyId: r.survey_id, customerId: r.customer_id });
    }
  }
  return { documents, sampled };
}
