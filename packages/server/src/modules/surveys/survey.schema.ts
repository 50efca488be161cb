import { z } from 'zod';
import { uuid } from '../../platform/http/common.schema.ts';
import { EXIT_REASONS } from './exit.schema.ts';

// What a survey can ask: three scores with their usual scales, and open questions.
export const QUESTION_TYPES = ['csat', 'nps', 'ces', 'open'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export type ScoreType = Exclude<QuestionType, 'open'>;
export const SCALES: Record<ScoreType, { min: number; max: number }> = { csat: { min: 1, max: 5 }, nps: { min: 0, max: 10 }, ces: { min: 1, max: 7 } };

const text = z.string().trim().min(1, 'must not be empty').max(300);
export const localizedText = z.strictObject({ es: text, en: text });

export const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits or "_", starting with a letter'),
  type: z.enum(QUESTION_TYPES, { message: `must be one of: ${QUESTION_TYPES.join(', ')}` }),
  text: localizedText,
  required: z.boolean().default(false),
});
export type Question = z.infer<typeof questionSchema>;

// The defaults the issue asks for; NPS and CES are offered with their usual wording when an admin adds them.
export const DEFAULT_QUESTIONS: Question[] = [
  { id: 'csat', type: 'csat', required: true, text: { es: '¿Cuánto te ayudamos a conseguir lo que necesitabas?', en: 'How much did we help you achieve what you needed?' } },
  { id: 'helped', type: 'open', required: false, text: { es: '¿Qué te ayudó más?', en: 'What helped you most?' } },
  { id: 'hindered', type: 'open', required: false, text: { es: '¿Qué te lo puso más difícil?', en: 'What got in your way most?' } },
];
export const SUGGESTED_QUESTIONS: Question[] = [
  { id: 'nps', type: 'nps', required: false, text: { es: '¿Qué probabilidad hay de que nos recomiendes a un amigo o colega?', en: 'How likely are you to recommend us to a friend or colleague?' } },
  { id: 'ces', type: 'ces', required: false, text: { es: '¿Cuánto esfuerzo te costó conseguir lo que necesitabas?', en: 'How much effort did it take to get what you needed?' } },
];

const questionList = z
  .array(questionSchema)
  .min(1, 'must ask at least one question')
  .max(10, 'may ask at most 10 questions')
  .superRefine((list, ctx) => {
    const ids = new Set<string>();
    list.forEach((q, i) => {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${q.id}" is used twice` });
      ids.add(q.id);
      if (q.type !== 'open' && list.findIndex((o) => o.type === q.type) !== i) ctx.addIssue({ code: 'custom', path: [i, 'type'], message: `only one ${q.type} question per survey` });
    });
  });

const days = (max: number) => z.number({ message: 'must be a number of days' }).int('must be a whole number').min(0, 'must be at least 0').max(max, `must be at most ${max}`);

// Workspace rules. `channels` null: every channel. Thresholds: CSAT ≤, NPS ≤, CES ≥ (more effort is worse).
export const surveySettingsSchema = z.strictObject({
  enabled: z.boolean(),
  channels: z.array(z.string().trim().min(1).max(40)).max(20).nullable(),
  delayMinutes: z.number({ message: 'must be a number of minutes' }).int('must be a whole number').min(0).max(30 * 24 * 60, 'must be at most 43200 (30 days)'),
  frequencyDays: days(365),
  linkValidDays: days(90).min(1, 'must be at least 1'),
  questions: questionList,
  lowScore: z.strictObject({ csat: z.number().int().min(1).max(5), nps: z.number().int().min(0).max(10), ces: z.number().int().min(1).max(7) }),
});
export type SurveySettings = z.infer<typeof surveySettingsSchema>;

export const DEFAULT_SETTINGS: SurveySettings = {
  enabled: true,
  channels: null,
  delayMinutes: 60,
  frequencyDays: 30,
  linkValidDays: 14,
  questions: DEFAULT_QUESTIONS,
  lowScore: { csat: 2, nps: 6, ces: 5 },
};

export const surveySettingsPatch = surveySettingsSchema.partial().extend({ lowScore: surveySettingsSchema.shape.lowScore.partial().optional() });
export type SurveySettingsPatch = z.infer<typeof surveySettingsPatch>;

// An answer: scores and open texts keyed by question id (the form posts strings, hence the coercion).
export const answerBody = z
  .object({ stopSurveys: z.boolean().optional().describe('the customer wants no more surveys: recorded as their consent') })
  .catchall(z.union([z.number(), z.string().max(2000)]))
  .refine((r) => Object.keys(r).length <= 21, 'too many answers')
  .describe('Question id → score (number) or text. Exit surveys: `reason` and `text`.');

export const tokenParams = z.object({ token: z.string().min(10).max(100) });

const day = z.iso.date({ message: 'must be a date like 2026-01-31' });
const boolText = z.enum(['true', 'false']).transform((v) => v === 'true');
// CSV: the same figures, one row per month, for spreadsheets.
export const formatQuery = z.enum(['json', 'csv']).default('json');

// What a chart point stands for: its period, channel, employee, low scores, exit reason.
export const responsesQuery = z.object({
  customerId: uuid().optional(),
  conversationId: uuid().optional(),
  employeeId: uuid().optional(),
  kind: z.enum(['conversation', 'exit']).optional(),
  from: day.optional(),
  to: day.optional(),
  channel: z.string().max(40).optional(),
  low: boolText.optional(),
  reason: z.enum(EXIT_REASONS).optional().describe('exit answers with this reason'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional().describe('answeredAt of the last item of the previous page'),
});

export const periodQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    employeeId: uuid().optional(),
    channel: z.string().max(40).optional(),
    format: formatQuery,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] });
