import { z } from 'zod';

export const SCORE_PARTS = ['plans', 'trend', 'survey'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

const weight = z.number({ message: 'must be a number from 0 to 100' }).min(0, 'must be at least 0').max(100, 'must be at most 100');

export const teamScoreSettingsSchema = z.strictObject({
  // Relative weights: the score divides by their sum (of the parts that have a value).
  weights: z
    .strictObject({ plans: weight, trend: weight, survey: weight })
    .refine((w) => w.plans + w.trend + w.survey > 0, 'at least one weight must be above 0'),
  windowDays: z.number({ message: 'must be a number of days' }).int('must be a whole number').min(7, 'must be at least 7').max(365, 'must be at most 365'),
});
export type TeamScoreSettings = z.infer<typeof teamScoreSettingsSchema>;

// Action-plan progress weighs most, the fall of negative topics less, the survey score least (issue 8).
export const DEFAULT_TEAM_SCORE_SETTINGS: TeamScoreSettings = { weights: { plans: 50, trend: 30, survey: 20 }, windowDays: 30 };

export const teamScoreSettingsPatch = z.strictObject({
  weights: z.strictObject({ plans: weight.optional(), trend: weight.optional(), survey: weight.optional() }).optional(),
  windowDays: teamScoreSettingsSchema.shape.windowDays.optional(),
});
export type TeamScoreSettingsPatch = z.infer<typeof teamScoreSettingsPatch>;

export const scoreQuery = z.object({ at: z.iso.date({ message: 'must be a date like 2026-01-31' }).optional().describe('the last day of the window (default: today, UTC)') });
