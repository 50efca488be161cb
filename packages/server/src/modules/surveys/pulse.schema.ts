import { z } from 'zod';
import { localizedText } from './survey.schema.ts';

// Engagement statements answered on an agreement scale of 1 (strongly disagree) to 5 (strongly agree).
export const AGREEMENT = { min: 1, max: 5 } as const;
// Results of a group are shown only from this many answers; below it, not one figure.
export const MIN_GROUP = 5;

export const ENPS_QUESTION = {
  es: '¿Qué probabilidad hay de que recomiendes esta empresa como lugar de trabajo a un amigo?',
  en: 'How likely are you to recommend this company to a friend as a place to work?',
};

export const pulseQuestionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits or "_", starting with a letter'),
  text: localizedText,
});
export type PulseQuestion = z.infer<typeof pulseQuestionSchema>;

export const DEFAULT_PULSE_QUESTIONS: PulseQuestion[] = [
  { id: 'clarity', text: { es: 'Sé lo que se espera de mí en mi trabajo.', en: 'I know what is expected of me at work.' } },
  { id: 'tools', text: { es: 'Tengo lo necesario para hacer bien mi trabajo.', en: 'I have what I need to do my work well.' } },
  { id: 'recognition', text: { es: 'Últimamente se ha reconocido mi buen trabajo.', en: 'My good work has been recognised lately.' } },
  { id: 'growth', text: { es: 'Aquí puedo aprender y crecer.', en: 'I can learn and grow here.' } },
  { id: 'workload', text: { es: 'Mi carga de trabajo es sostenible.', en: 'My workload is sustainable.' } },
];

export const roundBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  questions: z
    .array(pulseQuestionSchema)
    .max(10, 'may ask at most 10 questions')
    .refine((list) => new Set(list.map((q) => q.id)).size === list.length, 'question ids must differ')
    .optional()
    .describe('engagement statements (1–5 agreement); default: clarity, tools, recognition, growth, workload'),
  closesAt: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional().describe('default: 14 days from now'),
});

export const pulseAnswerBody = z.strictObject({
  enps: z.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be from 0 to 10').max(10, 'must be from 0 to 10'),
  answers: z.record(z.string().max(40), z.number().int('must be a whole number').min(AGREEMENT.min, 'must be from 1 to 5').max(AGREEMENT.max, 'must be from 1 to 5')).default({}),
});
