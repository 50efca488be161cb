import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export const isCountryCode = (c: string): c is CountryCode => isSupportedCountry(c);
import { z } from 'zod';

// How each channel's identifier is written, so the same person always gets the same identity.
export type IdentityKind = 'email' | 'phone' | 'handle' | 'external';

const PHONE_CHANNELS = new Set(['phone', 'sms', 'whatsapp']);
const HANDLE_CHANNELS = new Set(['instagram', 'telegram', 'twitter', 'x', 'facebook', 'tiktok', 'linkedin']);

export const identityKindOf = (channel: string): IdentityKind =>
  channel === 'email' ? 'email' : PHONE_CHANNELS.has(channel) ? 'phone' : HANDLE_CHANNELS.has(channel) ? 'handle' : 'external';

export const phoneChannels = [...PHONE_CHANNELS];

export const PHONE_MESSAGE = 'must be a phone number with its country code, like +34 600 111 222';
export const EMAIL_MESSAGE = 'must be an email address';

// E.164 ("+34600111222") or null when it is not a valid number; "00" stands for "+" as dialled in Europe.
// `country` (ISO 3166, like "ES") reads a national number as that country's; without it one is refused.
export function normalisePhone(raw: string, country?: CountryCode): string | null {
  const text = raw.trim().replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(text, country);
  return parsed?.isValid() ? parsed.number : null;
}

const emailValue = z.email({ message: EMAIL_MESSAGE }).max(320);

export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return emailValue.safeParse(email).success ? email : null;
}

// The identifier as stored, or null with the reason when it is not valid for the channel.
export function normaliseIdentityValue(channel: string, raw: string): { value: string } | { error: string } {
  const kind = identityKindOf(channel);
  if (kind === 'email') {
    const value = normaliseEmail(raw);
    return value ? { value } : { error: EMAIL_MESSAGE };
  }
  if (kind === 'phone') {
    const value = normalisePhone(raw);
    return value ? { value } : { error: PHONE_MESSAGE };
  }
  if (kind === 'handle') {
    const value = raw.trim().replace(/^@/, '').toLowerCase();
    return value ? { value } : { error: 'must be a handle like @maria' };
  }
  return { value: raw.trim() };
}

// Zod pieces for the HTTP schemas: a 400 names the field and says what a valid value looks like.
export const emailField = z.string().trim().toLowerCase().pipe(emailValue);

export const phoneField = z
  .string()
  .max(40)
  .transform((raw, ctx) => normalisePhone(raw) ?? (ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE }), z.NEVER));
