import { z } from 'zod';
import type { Locale } from '../../platform/db/database.types.ts';
import { uuid } from '../../platform/http/common.schema.ts';

// Why a customer left, as the issue lists them; `other` comes with the customer's own words.
export const EXIT_REASONS = ['moved_away', 'price', 'product_or_service', 'staff_treatment', 'competitor', 'followed_employee', 'other'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const EXIT_REASON_LABELS: Record<Locale, Record<ExitReason, string>> = {
  es: {
    moved_away: 'Me he mudado',
    price: 'El precio',
    product_or_service: 'No estaba contento con el producto o el servicio',
    staff_treatment: 'Indiferencia o mal trato del personal',
    competitor: 'Me he ido a la competencia',
    followed_employee: 'He seguido a una persona que trabajaba con vosotros',
    other: 'Otro motivo',
  },
  en: {
    moved_away: 'I moved away',
    price: 'The price',
    product_or_service: 'I was unhappy with the product or service',
    staff_treatment: 'Indifference or poor treatment by staff',
    competitor: 'I went to a competitor',
    followed_employee: 'I followed someone who worked with you',
    other: 'Another reason',
  },
};

export const EXIT_QUESTION: Record<Locale, { reason: string; text: string }> = {
  es: { reason: '¿Por qué nos dejas?', text: '¿Quieres contarnos algo más?' },
  en: { reason: 'Why are you leaving us?', text: 'Is there anything else you would like to tell us?' },
};

// The company's system (API token) or an employee says the customer left.
export const exitBody = z.strictObject({
  at: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional().describe('when the customer left; default now'),
  externalId: z.string().trim().min(1).max(200).optional().describe('your id for this churn event: posting it again changes nothing'),
  note: z.string().trim().max(2000).optional(),
  survey: z.boolean().default(true).describe('ask the customer why (unless they refused surveys)'),
});

export const exitReportQuery = z
  .object({
    from: z.iso.date({ message: 'must be a date like 2026-01-31' }).optional(),
    to: z.iso.date({ message: 'must be a date like 2026-01-31' }).optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] });

export const customerIdParams = z.object({ id: uuid() });
