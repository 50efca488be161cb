import type { MessageKey } from '../../i18n/i18n.types.ts';

const KNOWN = ['firstName', 'lastName', 'name', 'email', 'phone', 'agentName', 'agentFirstName', 'lastOrder', 'plan', 'company'] as const;
type Known = (typeof KNOWN)[number];
const isKnown = (p: string): p is Known => (KNOWN as readonly string[]).includes(p);

// The placeholders a snippet may use, as the server knows them ({attr.<key>} reads any attribute).
export const PLACEHOLDERS: readonly string[] = [...KNOWN, 'attr.…'];

// "lastOrder" → "último pedido"; a customer attribute keeps its own key.
export function placeholderLabel(placeholder: string, t: (key: MessageKey) => string): string {
  if (isKnown(placeholder)) return t(`placeholder.${placeholder}`);
  return placeholder.startsWith('attr.') ? placeholder.slice('attr.'.length) : placeholder;
}
