import type { Locale } from '../../platform/db/database.types.ts';
import { contentWords, normaliseReply } from './reply-fingerprint.ts';

export type SuggestionKind = 'first_name' | 'last_message' | 'attribute' | 'previous_conversation' | 'own_words';
export type Suggestion = { kind: SuggestionKind; text: string; value: string | null };

export type CustomerContext = {
  name: string | null;
  attributes: Record<string, unknown>;
  lastMessage: { text: string; createdAt: string } | null;
  previousConversation: { subject: string | null; createdAt: string } | null;
};

// Attributes worth mentioning, most telling first; others are skipped (ids, flags, internal notes).
const ATTRIBUTES: Array<{ keys: string[]; es: string; en: string }> = [
  { keys: ['plan', 'tier'], es: 'su plan', en: 'their plan' },
  { keys: ['lastOrder', 'last_order', 'lastOrderId'], es: 'su último pedido', en: 'their last order' },
  { keys: ['product', 'lastProduct'], es: 'su producto', en: 'their product' },
  { keys: ['segment'], es: 'su segmento', en: 'their segment' },
  { keys: ['city'], es: 'su ciudad', en: 'their city' },
  { keys: ['company'], es: 'su empresa', en: 'their company' },
];

const clip = (s: string, max = 120) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
const dateOf = (iso: string, locale: Locale) => new Date(iso).toLocaleDateString(locale === 'es' ? 'es-ES' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

// A few long content words stand for what the message is about.
export function topicOf(text: string): string[] {
  const words = contentWords(normaliseReply(text));
  return [...new Set(words.filter((w) => w.length >= 5))].sort((a, b) => b.length - a.length).slice(0, 3);
}

// Concrete ways to make this reply personal, with this customer's own data.
export function personalisationHints(c: CustomerContext, reply: string, locale: Locale): Suggestion[] {
  const es = locale === 'es';
  const out: Suggestion[] = [];
  const firstName = c.name?.trim().split(/\s+/)[0];
  if (firstName && !fold(reply).includes(fold(firstName))) {
    out.push({ kind: 'first_name', value: firstName, text: es ? `Llama a ${firstName} por su nombre.` : `Address ${firstName} by their first name.` });
  }
  if (c.lastMessage) {
    const topic = topicOf(c.lastMessage.text);
    const quote = clip(c.lastMessage.text.replace(/\s+/g, ' ').trim());
    const about = topic.length ? (es ? ` (sobre: ${topic.join(', ')})` : ` (about: ${topic.join(', ')})`) : '';
    out.push({ kind: 'last_message', value: quote, text: es ? `Retoma lo que te escribió${about}: «${quote}»` : `Pick up on what they wrote${about}: "${quote}"` });
  }
  for (const a of ATTRIBUTES) {
    const key = a.keys.find((k) => typeof c.attributes[k] === 'string' || typeof c.attributes[k] === 'number');
    if (!key) continue;
    const value = String(c.attributes[key]);
    out.push({ kind: 'attribute', value, text: es ? `Menciona ${a.es}: ${value}.` : `Mention ${a.en}: ${value}.` });
    if (out.filter((s) => s.kind === 'attribute').length === 2) break;
  }
  if (c.previousConversation) {
    const p = c.previousConversation;
    const when = dateOf(p.createdAt, locale);
    const value = p.subject ? `${p.subject} (${when})` : when;
    out.push({ kind: 'previous_conversation', value, text: es ? `Haz referencia a su conversación anterior: ${value}.` : `Refer to your previous conversation: ${value}.` });
  }
  if (!out.length) {
    out.push({ kind: 'own_words', value: null, text: es ? 'Añade una frase con tus palabras sobre su caso concreto.' : 'Add a sentence in your own words about their particular case.' });
  }
  return out;
}
