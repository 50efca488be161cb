import { normaliseIdentityValue } from '../../customers/identity-value.ts';
import { stringField } from '../channel-http.ts';
import { MalformedPayload, type InboundMessage, type MediaRef, type StatusUpdate, type WebhookBatch } from '../channel.types.ts';
import { asArray, asObject } from '../meta/meta-webhook.ts';

type Obj = Record<string, unknown>;

const MEDIA = ['image', 'video', 'audio', 'document', 'sticker'] as const;

// What a WhatsApp message says, as text an employee reads; media stays referenced in `original`.
function textOf(m: Obj): { text: string; media?: Obj; ref?: MediaRef } {
  const type = stringField(m.type) ?? 'unknown';
  if (type === 'text') return { text: stringField(asObject(m.text).body) ?? '' };
  if ((MEDIA as readonly string[]).includes(type)) {
    const media = asObject(m[type]);
    const label = type === 'audio' ? (media.voice ? 'voice note' : 'audio') : type;
    const name = stringField(media.filename);
    const caption = stringField(media.caption);
    const id = stringField(media.id);
    const mime = stringField(media.mime_type)?.split(';')[0]?.trim();
    return {
      text: [`[${label}${name ? `: ${name}` : ''}]`, caption].filter(Boolean).join(' '),
      media: { type, ...media },
      ...(id ? { ref: { ref: id, fileName: name ?? label.replace(' ', '-'), ...(mime ? { contentType: mime } : {}) } } : {}),
    };
  }
  if (type === 'location') {
    const l = asObject(m.location);
    const where = [stringField(l.name), stringField(l.address)].filter(Boolean).join(', ');
    return { text: `[location] ${where ? `${where} ` : ''}(${stringField(l.latitude)}, ${stringField(l.longitude)})${l.url ? ` ${stringField(l.url)}` : ''}` };
  }
  if (type === 'contacts') {
    const people = asArray(m.contacts).map((c) => {
      const name = stringField(asObject(asObject(c).name).formatted_name) ?? 'contact';
      const phones = asArray(asObject(c).phones).map((p) => stringField(asObject(p).phone)).filter(Boolean);
      return phones.length ? `${name} ${phones.join(', ')}` : name;
    });
    return { text: `[contacts] ${people.join('; ')}` };
  }
  if (type === 'reaction') return { text: `[reaction] ${stringField(asObject(m.reaction).emoji) ?? ''}`.trim() };
  if (type === 'interactive') {
    const i = asObject(m.interactive);
    const reply = asObject(i.button_reply ?? i.list_reply);
    return { text: [stringField(reply.title), stringField(reply.description)].filter(Boolean).join(' — ') || '[interactive reply]' };
  }
  if (type === 'button') return { text: stringField(asObject(m.button).text) ?? '[button]' };
  // Never dropped: the employee sees that something came, and the original keeps all of it.
  return { text: `[unsupported WhatsApp message type "${type}"]` };
}

function identityOf(from: string, userId: string | undefined): InboundMessage['identity'] {
  const phone = from ? normaliseIdentityValue('whatsapp', `+${from}`) : null;
  if (phone && 'value' in phone) return { channel: 'whatsapp', externalId: phone.value };
  // A user who adopted a username may come without a phone number: the business-scoped id then.
  return { channel: 'whatsapp-user', externalId: userId ?? from };
}

function statusOf(s: Obj): StatusUpdate | null {
  const id = stringField(s.id);
  const raw = stringField(s.status);
  if (!id || !raw) return null;
  const status = raw === 'played' ? 'read' : raw;
  if (status !== 'sent' && status !== 'delivered' && status !== 'read' && status !== 'failed') return null;
  const e = asObject(asArray(s.errors)[0]);
  const error = status === 'failed' ? [stringField(e.code), stringField(e.title), stringField(asObject(e.error_data).details)].filter(Boolean).join(' · ') : undefined;
  return { externalId: id, status, ...(error ? { error: `WhatsApp: ${error}` } : {}) };
}

export function normaliseWhatsApp(body: Obj): WebhookBatch {
  if (body.object !== 'whatsapp_business_account' || !Array.isArray(body.entry)) throw new MalformedPayload('Not a WhatsApp Business Account notification (object, entry[])');
  const batch: WebhookBatch = { messages: [], statuses: [] };
  for (const entry of body.entry) {
    for (const change of asArray(asObject(entry).changes)) {
      const value = asObject(asObject(change).value);
      const account = stringField(asObject(value.metadata).phone_number_id);
      const contacts = new Map(asArray(value.contacts).map((c) => [stringField(asObject(c).wa_id) ?? '', asObject(c)]));
      for (const raw of asArray(value.messages)) {
        const m = asObject(raw);
        const id = stringField(m.id);
        const from = stringField(m.from) ?? '';
        const userId = stringField(m.from_user_id) ?? stringField(asObject(contacts.get(from)).user_id);
        if (!id || (!from && !userId)) throw new MalformedPayload('A WhatsApp message without id or sender');
        const contact = contacts.get(from) ?? asObject(asArray(value.contacts)[0]);
        const { text, media, ref } = textOf(m);
        const identity = identityOf(from, userId);
        batch.messages.push({
          externalId: id,
          peer: from || userId!,
          identity,
          profile: { name: stringField(asObject(contact.profile).name), ...(identity.channel === 'whatsapp' ? { phone: identity.externalId } : {}) },
          text,
          files: [],
          ...(ref ? { media: [ref] } : {}),
          ...(account ? { account } : {}),
          original: { type: m.type, ...(media ? { media } : {}), ...(m.context ? { context: m.context } : {}) },
        });
      }
      for (const s of asArray(value.statuses)) {
        const update = statusOf(asObject(s));
        if (update) batch.statuses.push({ ...update, ...(account ? { account } : {}) });
      }
    }
  }
  return batch;
}
