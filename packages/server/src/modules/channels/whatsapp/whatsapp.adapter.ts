import { callNetwork, fileBlob, sendParts, trimSlash } from '../channel-http.ts';
import { download } from '../channel-media.ts';
import { SendError, type ChannelAdapter, type ChannelConfig, type OutboundFile } from '../channel.types.ts';
import { asArray, asObject, describeGraphError, graphPost, metaAuthenticate, metaChallenge, parseJson } from '../meta/meta-webhook.ts';
import { stringField } from '../channel-http.ts';
import { normaliseWhatsApp } from './whatsapp.normalise.ts';

const baseOf = (channel: ChannelConfig) => trimSlash(stringField(channel.settings.apiBaseUrl) ?? 'https://graph.facebook.com/v25.0');

// The customer-service window: a free-form message only within 24 hours of the customer's last one.
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;
export const WINDOW_CLOSED_REASON =
  'WhatsApp only allows a free reply within 24 hours of the customer\'s last message; outside that window send an approved template (POST /api/channels/conversations/{id}/whatsapp-template)';

async function post(channel: ChannelConfig, json: Record<string, unknown>): Promise<{ externalId: string }> {
  const token = channel.secrets.accessToken;
  if (!token) throw new SendError('The WhatsApp channel has no access token', false);
  const res = await graphPost(`${baseOf(channel)}/${stringField(channel.settings.phoneNumberId)}/messages`, token, { messaging_product: 'whatsapp', recipient_type: 'individual', ...json });
  const id = stringField(asObject(asArray(asObject(res).messages)[0]).id);
  if (!id) throw new SendError('WhatsApp accepted the message but returned no id', false);
  return { externalId: id };
}

// WhatsApp sends images, audio and video as such; anything else as a document with its name.
function mediaTypeOf(contentType: string): 'image' | 'audio' | 'video' | 'document' {
  if (/^image\/(jpeg|png)$/.test(contentType)) return 'image';
  if (/^audio\//.test(contentType)) return 'audio';
  if (/^video\/(mp4|3gpp)$/.test(contentType)) return 'video';
  return 'document';
}

async function uploadMedia(channel: ChannelConfig, file: OutboundFile): Promise<string> {
  const form = new FormData();
  form.append('messaging_product', 'whatsapp');
  form.append('type', file.contentType);
  form.append('file', fileBlob(file), file.fileName);
  const res = await callNetwork({ url: `${baseOf(channel)}/${stringField(channel.settings.phoneNumberId)}/media`, headers: { authorization: `Bearer ${channel.secrets.accessToken ?? ''}` }, multipart: form }, describeGraphError);
  const id = stringField(asObject(res).id);
  if (!id) throw new SendError('WhatsApp accepted the upload but returned no media id', false);
  return id;
}

export type WhatsAppTemplate = { name: string; language: string; parameters: string[] };

export function sendWhatsAppTemplate(channel: ChannelConfig, peer: string, t: WhatsAppTemplate) {
  return post(channel, {
    to: peer,
    type: 'template',
    template: {
      name: t.name,
      language: { code: t.language },
      ...(t.parameters.length ? { components: [{ type: 'body', parameters: t.parameters.map((text) => ({ type: 'text', text })) }] } : {}),
    },
  });
}

export const whatsappAdapter: ChannelAdapter = {
  kind: 'whatsapp',
  accountSetting: 'phoneNumberId',
  verifyChallenge: metaChallenge,
  authenticate: metaAuthenticate,
  parse: (_channel, req) => normaliseWhatsApp(parseJson(req)),
  // A media id is exchanged for a short-lived URL, which also needs the token.
  async fetchMedia(channel, media, maxBytes) {
    const auth = { authorization: `Bearer ${channel.secrets.accessToken ?? ''}` };
    const info = asObject(await callNetwork({ url: `${baseOf(channel)}/${encodeURIComponent(media.ref)}`, method: 'GET', headers: auth }, describeGraphError));
    const url = stringField(info.url);
    if (!url) throw new SendError('WhatsApp gave no URL for the media', false);
    return download(url, auth, maxBytes, { ...media, contentType: media.contentType ?? stringField(info.mime_type) });
  },
  // Text first, then each file uploaded to the media endpoint and sent by its id.
  async send(channel, message) {
    const template = message.template;
    if (template) return sendWhatsAppTemplate(channel, message.peer, template);
    const text = async () => (await post(channel, { to: message.peer, type: 'text', text: { preview_url: false, body: message.text } })).externalId;
    const files = message.files.map((file) => async () => {
      const type = mediaTypeOf(file.contentType);
      const id = await uploadMedia(channel, file);
      return (await post(channel, { to: message.peer, type, [type]: { id, ...(type === 'document' ? { filename: file.fileName } : {}) } })).externalId;
    });
    return sendParts([...(message.text || !files.length ? [text] : []), ...files]);
  },
};
