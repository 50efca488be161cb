import { firstName } from '../reaction/customer-state.ts';

export type DraftLocale = 'es' | 'en';

// The customer's language for the draft: their own locale when it is Spanish or English, else the
// workspace's default, else Spanish.
export function draftLocaleOf(customerLocale: string | null, workspaceDefault: string | undefined): DraftLocale {
  const own = customerLocale?.slice(0, 2).toLowerCase();
  if (own === 'es' || own === 'en') return own;
  return workspaceDefault === 'en' ? 'en' : 'es';
}

export type DraftInput = { locale: DraftLocale; customerName: string | null; successorName: string; leavingName: string; company: string };

// A first introduction from the successor, for a person to edit and send: never sent automatically
// (automate the process, never the relationship).
export function introductionDraft(d: DraftInput): string {
  const customer = firstName(d.customerName);
  const successor = firstName(d.successorName) ?? d.successorName;
  const leaving = firstName(d.leavingName) ?? d.leavingName;
  if (d.locale === 'en') {
    return (
      `${customer ? `Hi ${customer}` : 'Hello'}, I'm ${successor} from ${d.company}. ` +
      `From now on I'll be the one looking after you, taking over from ${leaving}. ` +
      `I've read through what you've talked about, so you won't have to repeat anything. ` +
      `Is there anything I can help you with right now?`
    );
  }
  return (
    `${customer ? `Hola ${customer}` : 'Hola'}, soy ${successor}, de ${d.company}. ` +
    `A partir de ahora seré yo quien te acompañe, tomando el relevo de ${leaving}. ` +
    `Ya he leído lo que habéis hablado, así que no tendrás que repetir nada. ` +
    `¿Hay algo en lo que pueda ayudarte ahora?`
  );
}
