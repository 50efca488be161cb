import { callNetwork, fileBlob, sendParts, stringField, trimSlash } from '../channel-http.ts';
import { download } from '../channel-media.ts';
import { MalformedPayload, SendError, type ChannelAdapter, type ChannelConfig, type InboundMessage, type MediaRef, type WebhookBatch } from '../channel.types.ts';
import { asArray, asObject, describeGraphError, graphPost, metaAuthenticate, metaChallenge, parseJson } from './meta-webhook.ts';

type Obj = Record<string, unknown>;
type Network = 'messenger' | 'instagram';

const FETCHABLE = ['image', 'video', 'audio', 'file', 'sticker'];

function mediaRefsOf(message: Obj): MediaRef[] {
  return asArray(message.attachments)
    .map(asObject)
    .flatMap((a, i) => {
      const type = stringField(a.type) ?? '';
      const url = stringField(asObject(a.payload).url);
      return url && FETCHABLE.includes(type) ? [{ ref: url, fileName: `${type}-${i + 1}` }] : [];
    });
}

function textOf(network: Network, message: Obj): { text: string; media?: unknown[] } {
  const parts: string[] = [];
  const text = stringField(message.text);
  if (text) parts.push(text);
  const attachments = asArray(message.attachments).map(asObject);
  for (const a of attachments) {
    const type = stringField(a.type) ?? 'attachment';
    const payload = asObject(a.payload);
    if (type === 'location') {
      const c = asObject(payload.coordinates);
      parts.push(`[location] (${stringField(c.lat)}, ${stringField(c.long)})`);
    } else if (['image', 'video', 'audio', 'file', 'sticker', 'share', 'story_mention', 'reel', 'ig_reel'].includes(type)) {
      parts.push(`[${type}]${stringField(payload.title) ? ` ${stringField(payload.title)}` : ''}`);
    } else {
      parts.push(`[unsupported ${network === 'messenger' ? 'Messenger' : 'Instagram'} attachment "${type}"]`);
    }
  }
  return { text: parts.join('\n'), ...(attachments.length ? { media: attachments } : {}) };
}

// Messenger and Instagram send the same envelope: entry[].messaging[] with sender, message, delivery, read.
export function normaliseMessaging(network: Network, body: Obj): WebhookBatch {
  const expected = network === 'messenger' ? 'page' : 'instagram';
  // The newer postback shape: {"field", "value"} items, alone or in entry[].changes[].
  const bare = typeof body.field === 'string' && body.value ? [asObject(body.value)] : null;
  if (!bare && (body.object !== expected || !Array.isArray(body.entry))) throw new MalformedPayload(`Not a ${network} notification (object "${expected}", entry[])`);
  const batch: WebhookBatch = { messages: [], statuses: [] };
  const groups = bare ? [bare] : asArray(body.entry).map(asObject).map((entry) => [...asArray(entry.messaging), ...asArray(entry.changes).map((c) => asObject(asObject(c).value))].map(asObject));
  for (const events of groups) {
    for (const e of events) {
      const sender = stringField(asObject(e.sender).id) ?? stringField(asObject(e.sender).user_ref);
      if (!sender) throw new MalformedPayload(`A ${network} event without sender`);
      const account = stringField(asObject(e.recipient).id);
      const before = { messages: batch.messages.length, statuses: batch.statuses.length };
      const message = asObject(e.message);
      if (e.message) {
        // Our own replies come back as echoes: they are already stored.
        if (message.is_echo) continue;
        const mid = stringField(message.mid);
        if (!mid) throw new MalformedPayload(`A ${network} message without mid`);
        const { text, media } = textOf(network, message);
        const quick = stringField(asObject(message.quick_reply).payload);
        const refs = mediaRefsOf(message);
        batch.messages.push({
          ...inbound(network, mid, sender, text || '[empty message]', { ...(media ? { media } : {}), ...(quick ? { quickReply: quick } : {}), ...(message.reply_to ? { replyTo: message.reply_to } : {}) }),
          ...(refs.length ? { media: refs } : {}),
        });
      } else if (e.postback) {
        const p = asObject(e.postback);
        const id = stringField(p.mid) ?? `postback:${sender}:${stringField(e.timestamp)}`;
        batch.messages.push(inbound(network, id, sender, `[button] ${stringField(p.title) ?? stringField(p.payload) ?? ''}`.trim(), { postback: p }));
      } else if (e.delivery) {
        for (const mid of asArray(asObject(e.delivery).mids)) {
          const id = stringField(mid);
          if (id) batch.statuses.push({ externalId: id, status: 'delivered' });
        }
        const watermark = Number(asObject(e.delivery).watermark);
        if (watermark) batch.statuses.push({ watermark: { peer: sender, before: new Date(watermark) }, status: 'delivered' });
      } else if (e.read) {
        const r = asObject(e.read);
        const mid = stringField(r.mid);
        if (mid) batch.statuses.push({ externalId: mid, status: 'read' });
        else if (Number(r.watermark)) batch.statuses.push({ watermark: { peer: sender, before: new Date(Number(r.watermark)) }, status: 'read' });
      } else if (e.reaction) {
        const r = asObject(e.reaction);
        const id = `reaction:${stringField(r.mid)}:${stringField(r.action)}:${stringField(e.timestamp)}`;
        batch.messages.push(inbound(network, id, sender, `[reaction] ${stringField(r.action) === 'unreact' ? 'removed' : (stringField(r.emoji) ?? stringField(r.reaction) ?? '')}`.trim(), { reaction: r }));
      }
      // Other events (optins, referrals, handovers) carry no customer words.
      if (account) {
        for (const m of batch.messages.slice(before.messages)) m.account = account;
        for (const st of batch.statuses.slice(before.statuses)) st.account = account;
      }
    }
  }
  return batch;
}

function inbound(network: Network, externalId: string, sender: string, text: string, original: Obj): InboundMessage {
  return {
    externalId,
    peer: sender,
    identity: { channel: network === 'messenger' ? 'facebook' : 'instagram', externalId: sender },
    profile: {},
    text,
    files: [],
    original,
  };
}

const defaults: Record<Network, string> = { messenger: 'https://graph.facebook.com/v25.0', instagram: 'https://graph.instagram.com/v25.0' };

function makeAdapter(network: Network): ChannelAdapter {
  const base = (c: ChannelConfig) => trimSlash(stringField(c.settings.apiBaseUrl) ?? defaults[network]);
  const account = (c: ChannelConfig) => stringField(network === 'messenger' ? c.settings.pageId : c.settings.accountId);
  const token = (c: ChannelConfig) => (network === 'messenger' ? c.secrets.pageAccessToken : c.secrets.accessToken);
  return {
    kind: network,
    accountSetting: network === 'messenger' ? 'pageId' : 'accountId',
    verifyChallenge: metaChallenge,
    authenticate: metaAuthenticate,
    parse: (_c, req) => normaliseMessaging(network, parseJson(req)),
    // Attachment URLs are signed CDN links: no token needed.
    fetchMedia: (_c, media, maxBytes) => download(media.ref, {}, maxBytes, media),
    // Text, then each file (Messenger: uploaded with its message as multipart "filedata"); the first id stands for the reply.
    async send(channel, message) {
      const t = token(channel);
      if (!t) throw new SendError(`The ${network} channel has no access token`, false);
      const url = `${base(channel)}/${account(channel)}/messages`;
      const confirm = (res: unknown) => {
        const id = stringField(asObject(res).message_id);
        if (!id) throw new SendError(`${network} accepted the message but returned no message_id`, false);
        return id;
      };
      const text = () => graphPost(url, t, { recipient: { id: message.peer }, messaging_type: 'RESPONSE', message: { text: message.text } }).then(confirm);
      const files = message.files.map((file) => () => {
        const type = file.contentType.startsWith('image/') ? 'image' : file.contentType.startsWith('audio/') ? 'audio' : file.contentType.startsWith('video/') ? 'video' : 'file';
        // Instagram (with Instagram Login) takes attachments by URL: it fetches the signed link.
        if (network === 'instagram') return graphPost(url, t, { recipient: { id: message.peer }, message: { attachment: { type, payload: { url: file.url } } } }).then(confirm);
        const form = new FormData();
        form.append('recipient', JSON.stringify({ id: message.peer }));
        form.append('messaging_type', 'RESPONSE');
        form.append('message', JSON.stringify({ attachment: { type, payload: { is_reusable: false } } }));
        form.append('filedata', fileBlob(file), file.fileName);
        return callNetwork({ url, headers: { authorization: `Bearer ${t}` }, multipart: form }, describeGraphError).then(confirm);
      });
      return sendParts([...(message.text || !files.length ? [text] : []), ...files]);
    },
  };
}

export const messengerAdapter = makeAdapter('messenger');
export const instagramAdapter = makeAdapter('instagram');
