import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { normaliseEmail } from '../../customers/identity-value.ts';
import { MalformedPayload, type InboundMessage } from '../channel.types.ts';
import { bareSubject, splitReply } from './email-text.ts';

const addressesOf = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value);

// Safe to show in a browser: no scripts, styles, event handlers or remote forms; cid: images kept.
export const sanitiseEmailHtml = (html: string) =>
  sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'span', 'font', 'center'],
    allowedAttributes: { ...sanitizeHtml.defaults.allowedAttributes, img: ['src', 'alt', 'width', 'height'], '*': ['style', 'align', 'dir'] },
    allowedSchemes: ['http', 'https', 'mailto', 'cid', 'data'],
    allowedSchemesByTag: { img: ['cid', 'data', 'https'] },
  });

const ids = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? v.split(/\s+/) : []).map((s) => s.trim()).filter(Boolean);

// A delivery status notification about one of our replies: which one, and why it was refused.
export type Bounce = { messageId: string | null; reason: string };

const headerValue = (text: string, name: string) => new RegExp(`^${name}:[ \\t]*(.+(?:\\r?\\n[ \\t]+.+)*)`, 'im').exec(text)?.[1]?.replace(/\s+/g, ' ').trim();

export function bounceOf(mail: ParsedMail): Bounce | null {
  const type = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const report = mail.attachments.find((a) => a.contentType === 'message/delivery-status');
  if (!report && !(type?.value === 'multipart/report' && type.params?.['report-type'] === 'delivery-status')) return null;
  // mailparser keeps the delivery-status part as an attachment or folds it into the text.
  const status = report ? report.content.toString('utf8') : (mail.text ?? '');
  // A "delayed" report is only news: the server keeps trying.
  if (!/^Action:\s*failed/im.test(status)) return null;
  const returned = mail.attachments.find((a) => a.contentType === 'message/rfc822' || a.contentType === 'text/rfc822-headers');
  const messageId = returned ? (headerValue(returned.content.toString('utf8'), 'Message-ID') ?? null) : null;
  const code = headerValue(status, 'Status');
  const diagnostic = headerValue(status, 'Diagnostic-Code');
  const recipient = headerValue(status, 'Final-Recipient')?.replace(/^rfc822;\s*/i, '');
  return { messageId, reason: `E-mail bounced${recipient ? ` for ${recipient}` : ''}${code ? ` (status ${code})` : ''}${diagnostic ? `: ${diagnostic}` : ''}` };
}

export async function readEmail(raw: Buffer): Promise<ParsedMail> {
  try {
    return await simpleParser(raw, { skipImageLinks: true });
  } catch (err) {
    throw new MalformedPayload(`Unreadable e-mail: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function parseEmail(raw: Buffer, mail?: ParsedMail): Promise<InboundMessage> {
  mail ??= await readEmail(raw);
  const sender = addressesOf(mail.replyTo)[0] ?? addressesOf(mail.from)[0];
  const address = sender?.address ? normaliseEmail(sender.address) : null;
  if (!address) throw new MalformedPayload('An e-mail without a valid From address');
  const html = mail.html ? sanitiseEmailHtml(mail.html) : null;
  const fullText = mail.text ?? (html ? sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }) : '');
  const { visible, hidden } = splitReply(fullText);
  const refs = [...new Set([...ids(mail.references), ...ids(mail.inReplyTo)])];
  const subject = mail.subject ? bareSubject(mail.subject) : undefined;
  const autoSubmitted = mail.headers.get('auto-submitted');
  const automatic = (typeof autoSubmitted === 'string' && autoSubmitted !== 'no') || mail.headers.has('x-autoreply');
  return {
    // Without a Message-ID the content itself identifies a redelivered copy.
    externalId: mail.messageId ?? `<sha256-${createHash('sha256').update(raw).digest('hex')}@vinculo.invalid>`,
    peer: address,
    identity: { channel: 'email', externalId: address },
    profile: { ...(sender?.name ? { name: sender.name } : {}), email: address },
    // An out-of-office is still the customer's mail, but nobody should read feelings into it.
    text: automatic ? `[automatic reply] ${visible}` : visible,
    files: mail.attachments.map((a) => ({ fileName: a.filename ?? `attachment-${a.checksum.slice(0, 8)}`, contentType: a.contentType, content: a.content })),
    threadRefs: refs,
    ...(subject ? { subject } : {}),
    original: {
      subject: mail.subject ?? null,
      from: mail.from?.text ?? null,
      to: addressesOf(mail.to).map((a) => a.address),
      date: mail.date?.toISOString() ?? null,
      text: fullText,
      html,
      quotedHidden: hidden,
      ...(automatic ? { automatic: true } : {}),
    },
  };
}

