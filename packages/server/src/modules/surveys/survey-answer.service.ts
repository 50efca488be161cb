import type { Selectable } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Locale, SurveyKind, SurveysTable } from '../../platform/db/database.types.ts';
import { tenantScope, type TenantScope } from '../../platform/db/tenant-scope.ts';
import { setConsent } from '../customers/customer-profile.service.ts';
import { AppError, type ErrorCode } from '../../platform/http/app-error.ts';
import { EXIT_QUESTION, EXIT_REASON_LABELS, EXIT_REASONS, type ExitReason } from './exit.schema.ts';
import { questionsOf } from './survey-schedule.service.ts';
import { getSurveySettings } from './survey-settings.service.ts';
import { readSurveyToken } from './survey-token.ts';
import { SCALES, type Question, type ScoreType, type SurveySettings } from './survey.schema.ts';

type SurveyRow = Selectable<SurveysTable>;
export type SurveyProblem = 'invalid' | 'expired' | 'answered' | 'closed';

// Each problem with the link has its own status and words, for the JSON API and the error page alike.
const PROBLEMS: Record<SurveyProblem, { code: ErrorCode; en: string; es: string }> = {
  invalid: { code: 'forbidden', en: 'This survey link is not valid. Please use the link exactly as you received it.', es: 'Este enlace de encuesta no es válido. Usa el enlace tal y como lo recibiste.' },
  expired: { code: 'gone', en: 'This survey link has expired. Thank you all the same.', es: 'Este enlace de encuesta ha caducado. Gracias de todos modos.' },
  answered: { code: 'conflict', en: 'This survey has already been answered. Thank you!', es: 'Esta encuesta ya está respondida. ¡Gracias!' },
  closed: { code: 'gone', en: 'This survey is closed.', es: 'Esta encuesta está cerrada.' },
};

export class SurveyLinkError extends AppError {
  // The survey's language, when the link was ours: the error page speaks it.
  constructor(
    readonly problem: SurveyProblem,
    readonly locale?: Locale,
  ) {
    super(PROBLEMS[problem].code, PROBLEMS[problem].en, { problem });
  }
  text(locale: Locale): string {
    return PROBLEMS[this.problem][locale];
  }
}

export type SurveyForm = {
  kind: SurveyKind;
  locale: Locale;
  company: string;
  // 'choice': pick one of `reasons` (exit surveys).
  questions: Array<{ id: string; type: Question['type'] | 'choice'; text: string; required: boolean; min?: number; max?: number }>;
  reasons?: Array<{ value: ExitReason; label: string }>;
};

type Opened = { scope: TenantScope; survey: SurveyRow; customerLocale: Locale | null; company: string };

async function openToken(ctx: AppContext, token: string): Promise<Opened> {
  const claims = readSurveyToken(ctx.secret, token);
  if (claims === 'invalid' || claims === 'expired') throw new SurveyLinkError(claims);
  // The token names only the survey; its workspace scopes everything after.
  const owner = await ctx.db.selectFrom('surveys').select('workspace_id').where('id', '=', claims.surveyId).executeTakeFirst();
  // A validly signed token for a survey that no longer exists (the customer was deleted).
  if (!owner) throw new SurveyLinkError('closed');
  const scope = tenantScope(ctx.db, owner.workspace_id);
  const row = await scope
    .selectFrom('surveys')
    .innerJoin('customers', (j) => j.onRef('customers.id', '=', 'surveys.customer_id').onRef('customers.workspace_id', '=', 'surveys.workspace_id'))
    .innerJoin('workspaces', 'workspaces.id', 'surveys.workspace_id')
    .selectAll('surveys')
    .select(['customers.locale as customer_locale', 'workspaces.name as company'])
    .where('surveys.id', '=', claims.surveyId)
    .executeTakeFirst();
  if (!row) throw new SurveyLinkError('closed');
  const { customer_locale, company, ...survey } = row;
  const customerLocale = customer_locale === 'es' || customer_locale === 'en' ? customer_locale : null;
  if (survey.status === 'answered') throw new SurveyLinkError('answered', customerLocale ?? survey.locale);
  if (survey.status === 'skipped') throw new SurveyLinkError('closed', customerLocale ?? survey.locale);
  return { scope, survey, customerLocale, company };
}

// What the page and the widget show: the questions in the language asked for.
export async function surveyForm(ctx: AppContext, token: string, wanted: (customerLocale: Locale | null, surveyLocale: Locale) => Locale): Promise<SurveyForm> {
  const { survey, customerLocale, company } = await openToken(ctx, token);
  const locale = wanted(customerLocale, survey.locale);
  if (survey.kind === 'exit') {
    return {
      kind: 'exit',
      locale,
      company,
      questions: [
        { id: 'reason', type: 'choice', text: EXIT_QUESTION[locale].reason, required: true },
        { id: 'text', type: 'open', text: EXIT_QUESTION[locale].text, required: false },
      ],
      reasons: EXIT_REASONS.map((value) => ({ value, label: EXIT_REASON_LABELS[locale][value] })),
    };
  }
  return {
    kind: 'conversation',
    locale,
    company,
    questions: questionsOf(survey.questions).map((q) => ({ id: q.id, type: q.type, text: q.text[locale], required: q.required, ...(q.type === 'open' ? {} : SCALES[q.type]) })),
  };
}

type Parsed = { scores: Record<ScoreType, number | null>; answers: Record<string, string>; comment: string };
type Issue = { path: string; message: string };

const asInteger = (v: number | string | undefined): number | undefined => {
  if (v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v.trim());
  return Number.isInteger(n) ? n : NaN;
};

function parseConversationAnswer(questions: Question[], body: Record<string, number | string>, issues: Issue[]): Parsed {
  const scores: Parsed['scores'] = { csat: null, nps: null, ces: null };
  const answers: Record<string, string> = {};
  const known = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(body)) if (!known.has(key)) issues.push({ path: `body.${key}`, message: 'is not a question of this survey' });
  for (const q of questions) {
    const raw = body[q.id];
    if (q.type === 'open') {
      const text = typeof raw === 'string' ? raw.trim() : raw === undefined ? '' : String(raw);
      if (text.length > 2000) issues.push({ path: `body.${q.id}`, message: 'must be at most 2000 characters' });
      else if (text) answers[q.id] = text;
      else if (q.required) issues.push({ path: `body.${q.id}`, message: 'is required' });
      continue;
    }
    const n = asInteger(raw);
    const { min, max } = SCALES[q.type];
    if (n === undefined) {
      if (q.required) issues.push({ path: `body.${q.id}`, message: 'is required' });
    } else if (Number.isNaN(n) || n < min || n > max) issues.push({ path: `body.${q.id}`, message: `must be a whole number from ${min} to ${max}` });
    else scores[q.type] = n;
  }
  if (!issues.length && Object.values(scores).every((s) => s === null) && !Object.keys(answers).length) issues.push({ path: 'body', message: 'answer at least one question' });
  return { scores, answers, comment: Object.values(answers).join('\n') };
}

function parseExitAnswer(body: Record<string, number | string>, issues: Issue[]): Parsed {
  for (const key of Object.keys(body)) if (key !== 'reason' && key !== 'text') issues.push({ path: `body.${key}`, message: 'is not a question of this survey; send "reason" and "text"' });
  const reason = body.reason;
  if (typeof reason !== 'string' || !(EXIT_REASONS as readonly string[]).includes(reason)) issues.push({ path: 'body.reason', message: `must be one of: ${EXIT_REASONS.join(', ')}` });
  const text = typeof body.text === 'string' ? body.text.trim() : '';
  if (text.length > 2000) issues.push({ path: 'body.text', message: 'must be at most 2000 characters' });
  if (reason === 'other' && !text) issues.push({ path: 'body.text', message: 'tell us the reason in a few words' });
  return { scores: { csat: null, nps: null, ces: null }, answers: { reason: String(reason), ...(text ? { text } : {}) }, comment: text };
}

export function isLow(scores: Parsed['scores'], low: SurveySettings['lowScore']): boolean {
  return (scores.csat !== null && scores.csat <= low.csat) || (scores.nps !== null && scores.nps <= low.nps) || (scores.ces !== null && scores.ces >= low.ces);
}

export type AnswerView = { id: string; surveyId: string; kind: SurveyKind; low: boolean; answeredAt: string };

// One answer per token: the survey row is locked and the answer's unique survey id settles a race.
// `stopSurveys`: the customer's own "no more surveys", stored as their consent with the answer.
export async function submitAnswer(ctx: AppContext, token: string, body: Record<string, number | string>, stopSurveys = false): Promise<AnswerView> {
  const { scope, survey: opened } = await openToken(ctx, token);
  const outcome = await scope.transaction(async (trx) => {
    const survey = await trx.selectFrom('surveys').selectAll().where('id', '=', opened.id).forUpdate().executeTakeFirstOrThrow();
    if (survey.status === 'answered') throw new SurveyLinkError('answered', survey.locale);
    const issues: Issue[] = [];
    const parsed = survey.kind === 'exit' ? parseExitAnswer(body, issues) : parseConversationAnswer(questionsOf(survey.questions), body, issues);
    if (issues.length) throw new AppError('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
    const settings = await getSurveySettings(trx);
    const low = survey.kind === 'conversation' && isLow(parsed.scores, settings.lowScore);
    const row = await trx
      .insertInto('survey_responses', {
        survey_id: survey.id,
        kind: survey.kind,
        customer_id: survey.customer_id,
        conversation_id: survey.conversation_id,
        employee_ids: survey.employee_ids,
        csat: parsed.scores.csat,
        nps: parsed.scores.nps,
        ces: parsed.scores.ces,
        answers: JSON.stringify(parsed.answers),
        low,
      })
      .onConflict((oc) => oc.column('survey_id').doNothing())
      .returning(['id', 'answered_at'])
      .executeTakeFirst();
    if (!row) throw new SurveyLinkError('answered', survey.locale);
    await trx.updateTable('surveys').set({ status: 'answered' }).where('id', '=', survey.id).execute();
    if (stopSurveys) await setConsent(trx, { type: 'visitor', id: survey.customer_id }, survey.customer_id, { surveys: false, source: 'survey page' });
    return { survey, parsed, low, row };
  });
  const { survey, parsed, low, row } = outcome;
  ctx.bus.publish('survey.answered', {
    workspaceId: scope.workspaceId,
    surveyId: survey.id,
    responseId: row.id,
    kind: survey.kind,
    customerId: survey.customer_id,
    conversationId: survey.conversation_id,
    messageId: survey.message_id,
    employeeIds: survey.employee_ids,
    scores: parsed.scores,
    low,
    comment: parsed.comment,
    answeredAt: row.answered_at.toISOString(),
  });
  return { id: row.id, surveyId: survey.id, kind: survey.kind, low, answeredAt: row.answered_at.toISOString() };
}
