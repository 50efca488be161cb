import type { en } from './en.dictionary.ts';

export type MessageKey = keyof typeof en;
export type Dictionary = { readonly [K in MessageKey]: string };
export type Language = 'es' | 'en';
export const LANGUAGES: readonly Language[] = ['es', 'en'];
