import type { BuyingMotivation } from '../../platform/db/database.types.ts';

export type MotivationMessage = { id: string; conversationId: string; text: string; at: Date };
export type Tenure = { firstContactAt: Date | null; conversations: number; purchases: number };
export type MotivationReason = {
  motivation: BuyingMotivation;
  kind: 'phrase' | 'tenure';
  cue: string;
  messageId: string | null;
  conversationId: string | null;
  excerpt: string | null;
  at: string | null;
  tenure?: { months: number; conversations: number; purchases: number };
};
export type InferredMotivation = {
  motivation: BuyingMotivation | null;
  scores: Record<BuyingMotivation, number>;
  reasons: MotivationReason[];
  messagesRead: number;
};

export const MOTIVATIONS: BuyingMotivation[] = ['advice', 'technical', 'relationship'];

// Phrases in Spanish and English, matched on text without accents and in lower case, so "qué me
// recomiendas" and "que me recomiendas" are one cue. Each is a customer-service habit of speech: asking
// to be guided, asking about specifications, or speaking of a history with the company.
const CUES: Record<BuyingMotivation, RegExp[]> = {
  advice: [
    /\bque me (recomiend|recomend|aconsej|sugier|sugir)\w*/, /\b(recomendacion|consejo|asesor(amiento|ar|ia)?)\w*/, /\bno se (cual|que) (elegir|escoger|comprar|coger)/,
    /\bcual (me conviene|es mejor|elegir|escoger|me recomiend\w*)/, /\bme (podeis|puedes|podrian|podria) (orientar|aconsejar|asesorar)/,
    /\b(vale|merece) la pena\b/, /\bque opcion\b/, /\bayud\w* a (elegir|decidir)/,
    /\bwhat (do|would) you (recommend|suggest)/, /\b(recommend|recommendation|advice|advise)\w*/, /\bwhich (one )?(should i|is better|would you)/,
    /\bnot sure which\b/, /\bhelp me (choose|decide|pick)/, /\bis it worth\b/, /\bbest (option|choice) for\b/,
  ],
  technical: [
    /\b(especificacion|ficha tecnica|datos tecnicos|compatib|firmware|procesador|resolucion|voltaje|consumo electrico|dimensiones|rendimiento|configuracion|protocolo|integracion|certificacion)\w*/,
    /\b(spec|specification|datasheet|compatib|firmware|processor|resolution|voltage|power draw|dimensions|throughput|latency|benchmark|configuration|protocol|integration|certification)\w*/,
    /\b(api|sdk|ram|cpu|ssd|usb-?c|bluetooth|wi-?fi|ip6[5-8]|4k|hdmi)\b/,
    /\b\d+([.,]\d+)? ?(gb|tb|mb|mhz|ghz|mah|kwh?|w|v|mm|cm|kg|hz|mbps|gbps|nm|ppm|rpm)\b/,
    /\b(que|which) (version|modelo|model)\b/, /\bexact (model|version)\b/,
  ],
  relationship: [
    /\b(como siempre|de toda la vida|desde hace (anos|mucho)|cliente desde|llevo (\d+|muchos|varios) anos)/, /\bsiempre (os|les|te) compro\b/, /\bconfio en (vosotros|ustedes|ti)\b/,
    /\b(como la ultima vez|gracias de nuevo|un placer como siempre|seguire (comprando|con vosotros)|volvere a compraros)/, /\bme gusta (el trato|tratar con)/,
    /\b(as always|for years|been a (loyal )?customer|loyal customer|always buy from you|trust you|like last time|thanks again|keep coming back|great to deal with you again)/,
    /\b(long[- ]term|partnership|relationship with you)\b/,
  ],
};

const normalise = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function excerptAround(text: string, index: number, length: number): string {
  const from = Math.max(0, index - 60);
  const to = Math.min(text.length, index + length + 60);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}

const MIN_SCORE = 2;
const MAX_REASONS = 12;
const TENURE_MONTHS = 12;

// Counts messages with a cue of each motivation (one per message and motivation, so a long message
// does not outweigh a history) plus a long relationship with the company. A motivation is named when
// it has at least two signs and more than any other; otherwise it is "not clear yet".
export function inferMotivation(messages: MotivationMessage[], tenure: Tenure, now = new Date()): InferredMotivation {
  const scores: Record<BuyingMotivation, number> = { advice: 0, technical: 0, relationship: 0 };
  const reasons: MotivationReason[] = [];
  for (const m of messages) {
    const original = m.text.normalize('NFC');
    const text = normalise(original);
    // For Spanish and English text the two line up character by character, so the excerpt is quoted
    // as the customer wrote it; when they do not (rare scripts), from the normalised form.
    const quoted = text.length === original.length ? original : text;
    for (const motivation of MOTIVATIONS) {
      for (const cue of CUES[motivation]) {
        const hit = cue.exec(text);
        if (!hit) continue;
        scores[motivation] += 1;
        const excerpt = excerptAround(quoted, hit.index, hit[0].length);
        reasons.push({ motivation, kind: 'phrase', cue: quoted.slice(hit.index, hit.index + hit[0].length), messageId: m.id, conversationId: m.conversationId, excerpt, at: m.at.toISOString() });
        break;
      }
    }
  }
  const months = tenure.firstContactAt ? Math.floor((now.getTime() - tenure.firstContactAt.getTime()) / (30.44 * 86_400_000)) : 0;
  if ((months >= TENURE_MONTHS && tenure.conversations >= 3) || tenure.purchases >= 3) {
    scores.relationship += 1.5;
    reasons.push({
      motivation: 'relationship',
      kind: 'tenure',
      cue: `customer for ${months} months, ${tenure.conversations} conversations, ${tenure.purchases} purchases`,
      messageId: null,
      conversationId: null,
      excerpt: null,
      at: null,
      tenure: { months, conversations: tenure.conversations, purchases: tenure.purchases },
    });
  }
  const ranked = [...MOTIVATIONS].sort((a, b) => scores[b] - scores[a]);
  const [top, second] = ranked as [BuyingMotivation, BuyingMotivation, BuyingMotivation];
  const motivation = scores[top] >= MIN_SCORE && scores[top] > scores[second] ? top : null;
  // The winner's reasons first, most recent first; then the others, so an employee sees what competed.
  const order = (r: MotivationReason) => (r.motivation === motivation ? 0 : 1);
  reasons.sort((a, b) => order(a) - order(b) || (b.at ?? '9').localeCompare(a.at ?? '9'));
  return { motivation, scores, reasons: reasons.slice(0, MAX_REASONS), messagesRead: messages.length };
}
