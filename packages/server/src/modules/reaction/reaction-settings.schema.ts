import { z } from 'zod';
import { DAYS, type OfficeHours } from './office-hours.ts';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time like "09:00" (24-hour clock; "24:00" ends the day)');

const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as "Europe/Madrid" or "UTC"');

export const officeHoursSchema = z.strictObject({
  timezone,
  weekly: z
    .array(
      z
        .strictObject({ day: z.enum(DAYS, { message: `must be one of: ${DAYS.join(', ')}` }), from: hhmm, to: hhmm })
        .refine((r) => r.from < r.to, { message: '"from" must be earlier than "to" (split ranges that cross midnight)', path: ['to'] }),
    )
    .min(1, 'must list at least one opening range')
    .max(50),
}) satisfies z.ZodType<OfficeHours>;

const automaticText = z
  .strictObject({ es: z.string().trim().min(1).max(2000).optional(), en: z.string().trim().min(1).max(2000).optional() })
  .refine((t) => t.es !== undefined || t.en !== undefined, 'needs a text in at least one language: es or en');

const afterHoursAck = z.strictObject({
  enabled: z.boolean({ message: 'must be true or false' }),
  officeHours: officeHoursSchema,
  text: automaticText,
});

// Everything admins tune about reactions. Bounds cap what any playbook (or an employee editing a
// suggestion) may offer; automations are off until an admin turns them on.
export const reactionSettingsSchema = z.strictObject({
  maxDiscountPercent: z.number({ message: 'must be a number' }).min(0).max(100),
  maxCompensation: z.number({ message: 'must be a number' }).min(0).max(1e9),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO currency code like EUR'),
  maxSuggestionsPerMessage: z.number().int().min(1).max(10),
  automations: z.strictObject({ afterHoursAck }),
});
export type ReactionSettings = z.infer<typeof reactionSettingsSchema>;

export const DEFAULT_SETTINGS: ReactionSettings = {
  maxDiscountPercent: 15,
  maxCompensation: 50,
  currency: 'EUR',
  maxSuggestionsPerMessage: 3,
  automations: {
    afterHoursAck: {
      enabled: false,
      officeHours: {
        timezone: 'Europe/Madrid',
        weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, from: '09:00', to: '18:00' })),
      },
      text: {
        es: 'Mensaje automático: gracias por escribirnos. Ahora estamos fuera de nuestro horario de atención; una persona del equipo leerá tu mensaje y te responderá en cuanto abramos.',
        en: 'Automatic message: thank you for writing to us. We are outside our office hours right now; a person from our team will read your message and reply as soon as we open.',
      },
    },
  },
};

// PATCH body: any subset; afterHoursAck's own fields merge into what is stored.
export const reactionSettingsPatch = z
  .strictObject({
    maxDiscountPercent: reactionSettingsSchema.shape.maxDiscountPercent.optional(),
    maxCompensation: reactionSettingsSchema.shape.maxCompensation.optional(),
    currency: reactionSettingsSchema.shape.currency.optional(),
    maxSuggestionsPerMessage: reactionSettingsSchema.shape.maxSuggestionsPerMessage.optional(),
    automations: z
      .strictObject({
        afterHoursAck: z
          .strictObject({ enabled: afterHoursAck.shape.enabled.optional(), officeHours: officeHoursSchema.optional(), text: automaticText.optional() })
          .optional(),
      })
      .optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'send at least one setting');
export type ReactionSettingsPatch = z.infer<typeof reactionSettingsPatch>;

export function mergeSettings(current: ReactionSettings, patch: ReactionSettingsPatch): ReactionSettings {
  const { automations, ...rest } = patch;
  return {
    ...current,
    ...rest,
    automations: { afterHoursAck: { ...current.automations.afterHoursAck, ...automations?.afterHoursAck } },
  };
}

// Stored settings are read leniently: a value that no longer validates falls back to its default.
export function readSettings(stored: Record<string, unknown> | undefined): ReactionSettings {
  const merged = mergeSettings(DEFAULT_SETTINGS, {
    ...(stored as ReactionSettingsPatch | undefined),
  });
  const parsed = reactionSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
