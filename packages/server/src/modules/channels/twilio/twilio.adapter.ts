import { normaliseIdentityValue } from '../../customers/identity-value.ts';
import { callNetwork, stringField, trimSlash } from '../channel-http.ts';
import { download } from '../channel-media.ts';
import { MalformedPayload, SendError, type ChannelAdapter, type ChannelConfig, type MediaRef, type WebhookBatch, type WebhookRequest } from '../channel.types.ts';
import { asObject } from '../meta/meta-webhook.ts';
import { twilioSignatureValid } from '../webhook-signature.ts';

// Every parameter as received, blank ones included: the signature covers them all.
export const formParams = (req: WebhookRequest): Array<[string, string]> => [...new URLSearchParams(req.rawBody.toString('utf8')).entries()];

const STATUS: Record<string, WebhookBatch['statuses'][number]['status'] | undefined> = { sent: 'sent', delivered: 'delivered', read: 'read', undelivered: 'failed', failed: 'failed' };

export function normaliseTwilio(params: Array<[string, string]>): WebhookBatch {
  const p = new Map(params);
  const sid = p.get('MessageSid') ?? p.get('SmsMessageSid');
  if (!sid) throw new MalformedPayload('Not a Twilio messaging webhook (MessageSid)');
  const batch: WebhookBatch = { messages: [], statuses: [] };
  const status = p.get('MessageStatus');
  // A status callback about one of our messages (inbound ones say "received").
  if (status && status !== 'received') {
    const mapped = STATUS[status];
    const code = p.get('ErrorCode');
    if (mapped) batch.statuses.push({ externalId: sid, status: mapped, ...(mapped === 'failed' ? { error: `Twilio: message ${status}${code ? ` (error ${code}, https://www.twilio.com/docs/api/errors/${code})` : ''}` } : {}) });
    return batch;
  }
  const from = p.get('From');
  if (!from) throw new MalformedPayload('A Twilio message without From');
  const whatsapp = from.startsWith('whatsapp:');
  const number = from.replace(/^whatsapp:/, '');
  const phone = normaliseIdentityValue('sms', number);
  const media = Array.from({ length: Math.min(Number(p.get('NumMedia') ?? 0) || 0, 10) }, (_, i) => ({ url: p.get(`MediaUrl${i}`), contentType: p.get(`MediaContentType${i}`) }));
  const text = [p.get('Body') ?? '', ...media.map((m) => `[${m.contentType ?? 'media'}]`)].filter(Boolean).join('\n');
  batch.messages.push({
    externalId: sid,
    peer: from,
    identity: { channel: whatsapp ? 'whatsapp' : 'sms', externalId: 'value' in phone ? phone.value : number },
    profile: { ...(stringField(p.get('ProfileName')) ? { name: p.get('ProfileName') } : {}), ...('value' in phone ? { phone: phone.value } : {}) },
    text,
    files: [],
    media: media.flatMap((m, i): MediaRef[] => (m.url ? [{ ref: m.url, fileName: `media-${i + 1}`, ...(m.contentType ? { contentType: m.contentType } : {}) }] : [])),
    original: { to: p.get('To'), ...(media.length ? { media } : {}) },
  });
  return batch;
}

const baseOf = (c: ChannelConfig) => trimSlash(stringField(c.settings.apiBaseUrl) ?? 'https://api.twilio.com');

export const twilioAdapter: ChannelAdapter = {
  kind: 'sms',
  authenticate: (channel, req) => twilioSignatureValid(channel.secrets.authToken ?? '', channel.webhookUrl, formParams(req), req.headers['x-twilio-signature']),
  parse: (_c, req) => normaliseTwilio(formParams(req)),
  // Media URLs answer with HTTP basic auth when the account protects them.
  fetchMedia: (channel, media, maxBytes) =>
    download(media.ref, { authorization: `Basic ${Buffer.from(`${stringField(channel.settings.accountSid)}:${channel.secrets.authToken ?? ''}`).toString('base64')}` }, maxBytes, media),
  webhookReply: { contentType: 'text/xml', body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>' },
  async send(channel, message) {
    const sid = stringField(channel.settings.accountSid);
    const token = channel.secrets.authToken;
    if (!sid || !token) throw new SendError('The SMS channel has no Account SID or auth token', false);
    const from = stringField(channel.settings.from);
    const service = stringField(channel.settings.messagingServiceSid);
    // Twilio fetches each file from its signed link (at most 10 per message).
    const form: Array<[string, string]> = [
      ['To', message.peer],
      ['Body', message.text],
      ['StatusCallback', channel.webhookUrl],
      // A WhatsApp conversation through Twilio answers from the WhatsApp form of the number.
      service ? ['MessagingServiceSid', service] : ['From', message.peer.startsWith('whatsapp:') && from && !from.startsWith('whatsapp:') ? `whatsapp:${from}` : (from ?? '')],
      ...message.files.slice(0, 10).map((f): [string, string] => ['MediaUrl', f.url]),
    ];
    const res = await callNetwork(
      {
        url: `${baseOf(channel)}/2010-04-01/Accounts/${sid}/Messages.json`,
        headers: { authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}` },
        form,
      },
      (status, b) => {
        const e = asObject(b);
        return `Twilio${stringField(e.code) ? ` ${stringField(e.code)}` : ''}: ${stringField(e.message) ?? `answered ${status}`}`;
      },
    );
    const id = stringField(asObject(res).sid);
    if (!id) throw new SendError('Twilio accepted the message but returned no sid', false);
    return { externalId: id };
  },
};
