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

export async function parseEmail(raw: Buffer): Promise<InboundMessage> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true });
  } catch (err) {
    throw new MalformedPayload(`Unreadable e-mail: ${err instanceof Error ? err.message : String(err)}`);
  }
  const sender = addressesOf(mail.replyTo)[0] ?? addressesOf(mail.from)[0];
  const address = sender?.address ? normaliseEmail(sender.address) : null;
  if (!address) throw new MalformedPayload('An e-mail without a valid From address');
  const html = mail.html ? sanitiseEmailHtml(mail.html) : null;
  const fullText = mail.text ?? (html ? sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }) : '');
  const { visible, hidden } = splitReply(fullText);
  const refs = [...new Set([...ids(mail.references), ...ids(mail.inReplyTo)])];
  const subject = mail.subject ? bareSubject(mail.subject) : undefined;
  const autoSubmitted = mail.headers.get('auto-submitted');
  return {
    // Without a Message-ID the content itself identifies a redelivered copy.
    externalId: mail.messageId ?? `<sha256-${createHash('sha256').update(raw).digest('hex')}@vinculo.invalid>`,
    peer: address,
    identity: { channel: 'email', externalId: address },
    profile: { ...(sender?.name ? { name: sender.name } : {}), email: address },
    text: visible,
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
      ...(typeof autoSubmitted === 'string' && autoSubmitted !== 'no' ? { autoSubmitted } : {}),
    },
  };
}

