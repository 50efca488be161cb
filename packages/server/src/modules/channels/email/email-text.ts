// Where the customer's new words end in a reply: the quoted earlier message and the signature are
// hidden from the view (the original is kept beside the message).
const QUOTE_HEADERS = [
  /^-{2,}\s*(original message|mensaje original|message d'origine)\s*-{2,}$/i,
  /^_{10,}$/,
  // "On Mon, Apr 2, 2012 at 6:26 PM, Ana <ana@x> wrote:" / "El lun, 3 nov 2025 a las 10:02, … escribió:"
  /^(on|el|le|am)\s.+(wrote|escribió|a écrit|schrieb)\s*:$/i,
];
// A forward's content is what the customer wants read: from its marker on, nothing is hidden.
const FORWARD = /^(-{3,}\s*(forwarded message|mensaje reenviado|message transféré)\s*-{3,}|begin forwarded message:|inicio del mensaje reenviado:)$/i;
const SIGNATURES = [/^--\s?$/, /^(sent from my|enviado desde mi|get outlook for|obtener outlook para)\b/i];

export type SplitText = { visible: string; hidden: boolean };

export function splitReply(text: string): SplitText {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (FORWARD.test(line)) break;
    // Gmail wraps a long attribution line onto the next one.
    const joined = `${line} ${lines[i + 1]?.trim() ?? ''}`.trim();
    // Outlook without a separator: "From: … [mailto:…]" / "De: …" followed by Sent / Enviado.
    const outlookFrom = /^(from|de):\s/i.test(line) && /^(sent|enviado|date|fecha):\s/i.test(lines[i + 1]?.trim() ?? '');
    const header = QUOTE_HEADERS.some((re) => re.test(line) || re.test(joined)) || outlookFrom;
    if (header || SIGNATURES.some((re) => re.test(line))) {
      end = i;
      break;
    }
    // A block of ">" lines after the customer has written is the quoted thread.
    if (line.startsWith('>') && lines.slice(0, i).some((l) => l.trim())) {
      end = i;
      break;
    }
  }
  const visible = lines.slice(0, end).join('\n').trim();
  // A mail that is nothing but a quote (a forward, say) shows whole rather than empty.
  if (!visible) return { visible: text.trim(), hidden: false };
  return { visible, hidden: end < lines.length };
}

// Mail programs put "Re:", "RE:", "Fwd:", "RV:" before a subject; the conversation keeps the bare one.
export const bareSubject = (s: string) => s.replace(/^\s*((re|fwd?|rv|aw|tr)\s*:\s*)+/i, '').trim();
