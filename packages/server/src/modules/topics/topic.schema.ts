import { z } from 'zod';
import { uuid } from '../../platform/http/common.schema.ts';
import { TOPIC_LANGUAGES } from './topic-text.ts';

export const TOPIC_SOURCES = ['surveys', 'messages', 'all'] as const;
export type TopicSource = (typeof TOPIC_SOURCES)[number];
export const TREND_INTERVALS = ['week', 'month'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

const day = z.iso.date({ message: 'must be a date like 2026-01-31' });

const filters = {
  from: day.optional().describe('first UTC day included (default: 90 days before `to`)'),
  to: day.optional().describe('last UTC day included (default: today)'),
  language: z.enum(TOPIC_LANGUAGES).optional().describe('only topics in this language (default: both)'),
  source: z.enum(TOPIC_SOURCES).default('all').describe('survey comments, customer messages or both'),
  teamId: uuid().optional().describe("only the conversations of this team (the conversation's team, else its assignee's)"),
  refresh: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('compute again instead of using a result of the last 10 minutes'),
};

const period = <T extends z.ZodType<{ from?: string; to?: string }>>(schema: T) =>
  schema
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 731 * 86_400_000, { message: 'the period may span at most two years', path: ['from'] });

export const topicFilterQuery = period(z.object(filters));
export type TopicFilterQuery = z.infer<typeof topicFilterQuery>;
export const trendQuery = period(z.object({ ...filters, interval: z.enum(TREND_INTERVALS).default('week').describe('one point per week (from Monday) or month, UTC') }));

// "es:entreg+retras": the language and the stems of the phrase the topic grew from.
export const topicIdParams = z.object({ id: z.string().regex(/^(es|en):[\p{L}\p{N}+]{1,200}$/u, 'must be a topic id like "es:entreg"') });
export const topicDetailQuery = period(z.object({ ...filters, limit: z.coerce.number().int().min(1).max(500).default(200).describe('mentions listed') }));
