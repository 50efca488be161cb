import { en } from './en.dictionary.ts';
import { es } from './es.dictionary.ts';
import type { Dictionary, Language, MessageKey } from './i18n.types.ts';

export const dictionaries: Record<Language, Dictionary> = { es, en };

export type Vars = Record<string, string | number>;

// Replaces {name} placeholders; unknown placeholders stay visible so they are noticed.
export function translate(lang: Language, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[lang][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function isLanguage(v: unknown): v is Language {
  return v === 'es' || v === 'en';
}

// Stored choice first, then the employee's own setting, then the browser's language.
export function pickLanguage(stored: string | null, employeeLocale: string | null | undefined, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  if (isLanguage(employeeLocale)) return employeeLocale;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'es';
}
