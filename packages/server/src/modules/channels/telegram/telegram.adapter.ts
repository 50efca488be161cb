import { callNetwork, fileBlob, sendParts, stringField, trimSlash } from '../channel-http.ts';
import { download } from '../channel-media.ts';
import { MalformedPayload, SendError, type ChannelAdapter, type ChannelConfig, type MediaRef, type WebhookBatch } from '../channel.types.ts';
import { asObject, parseJson } from '../meta/meta-webhook.ts';
import { sharedTokenValid } from '../webhook-signature.ts';

type Obj = Record<string, unknown>;

// The file to fetch for each kind of media message, and the name it gets.
const FILES: Array<[string, string]> = [['voice', 'voice'], ['audio', 'audio'], ['video', 'video'], ['video_note', 'video-note'], ['document', 'document'], ['sticker', 'sticker']];

function mediaRefOf(m: Obj): MediaRef | undefined {
  if (Array.isArray(m.photo)) {
    const id = stringField(asObject(m.photo.at(-1)).file_id);
    return id ? { ref: id, fileName: 'photo.jpg', contentType: 'image/jpeg' } : undefined;
  }
  for (const [key, name] of FILES) {
    const f = asObject(m[key]);
    const id = stringField(f.file_id);
    const mime = stringField(f.mime_type);
    if (id) return { ref: id, fileName: stringField(f.file_name) ?? name, ...(mime ? { contentType: mime } : {}) };
  }
  return undefined;
}

function textOf(m: Obj): { text: string; media?: Obj } {
  const caption = stringField(m.caption);
  const withCaption = (label: string, media: Obj) => ({ text: [label, caption].filter(Boolean).join(' '), media });
  if (typeof m.text === 'string') return { text: m.text };
  // Sizes come smallest first: the largest is the one worth fetching.
  if (Array.isArray(m.photo)) return withCaption('[photo]', { type: 'photo', ...asObject(m.photo.at(-1)) });
  if (m.voice) return withCaption(`[voice note, ${stringField(asObject(m.voice).duration) ?? '?'} s]`, { type: 'voice', ...asObject(m.voice) });
  if (m.audio) return withCaption('[audio]', { type: 'audio', ...asObject(m.audio) });
  if (m.video) return withCaption('[video]', { type: 'video', ...asObject(m.video) });
  if (m.video_note) return withCaption('[video note]', { type: 'video_note', ...asObject(m.video_note) });
  if (m.document) return withCaption(`[document: ${stringField(asObject(m.document).file_name) ?? 'file'}]`, { type: 'document', ...asObject(m.document) });
  if (m.sticker) return { text: `[sticker] ${stringField(asObject(m.sticker).emoji) ?? ''}`.trim(), media: { type: 'sticker', ...asObject(m.sticker) } };
  if (m.location) {
    const l = asObject(m.location);
    return { text: `[location] (${stringField(l.latitude)}, ${stringField(l.longitude)})` };
  }
  if (m.contact) {
    const c = asObject(m.contact);
    return { text: `[contact] ${[stringField(c.first_name), stringField(c.last_name)].filter(Boolean).join(' ')} ${stringField(c.phone_number) ?? ''}`.trim() };
  }
  return { text: '[unsupported Telegram message]', media: { keys: Object.keys(m) } };
}

const nameOf = (u: Obj) => [stringField(u.first_name), stringField(u.last_name)].filter(Boolean).join(' ') || stringField(u.username);

export function normaliseTelegram(body: Obj): WebhookBatch {
  if (typeof body.update_id !== 'number') throw new MalformedPayload('Not a Telegram update (update_id)');
  const batch: WebhookBatch = { messages: [], statuses: [] };
  const edited = body.edited_message !== undefined;
  const message = asObject(body.message ?? body.edited_message);
  const callback = asObject(body.callback_query);
  if (body.message || body.edited_message) {
    const chat = stringField(asObject(message.chat).id);
    const from = asObject(message.from);
    const id = stringField(message.message_id);
    if (!chat || !id) throw new MalformedPayload('A Telegram message without chat.id or message_id');
    const { text, media } = textOf(message);
    const ref = mediaRefOf(message);
    batch.messages.push({
      // Message ids are unique per chat; an edit is a new message that says so.
      externalId: edited ? `${chat}:${id}:edit:${stringField(message.edit_date) ?? ''}` : `${chat}:${id}`,
      peer: chat,
      identity: { channel: 'telegram', externalId: stringField(from.id) ?? chat },
      profile: { name: nameOf(from) },
      text: edited ? `[edited] ${text}` : text,
      files: [],
      ...(ref ? { media: [ref] } : {}),
      original: { ...(media ? { media } : {}), ...(message.reply_to_message ? { replyTo: stringField(asObject(message.reply_to_message).message_id) } : {}) },
    });
  } else if (body.callback_query) {
    const from = asObject(callback.from);
    const chat = stringField(asObject(asObject(callback.message).chat).id) ?? stringField(from.id);
    const id = stringField(callback.id);
    if (!chat || !id) throw new MalformedPayload('A Telegram callback query without id or chat');
    batch.messages.push({
      externalId: `callback:${id}`,
      peer: chat,
      identity: { channel: 'telegram', externalId: stringField(from.id) ?? chat },
      profile: { name: nameOf(from) },
      text: `[button] ${stringField(callback.data) ?? ''}`.trim(),
      files: [],
    });
  }
  // Other updates (membership changes, polls…) carry no customer words: acknowledged, not stored.
  return batch;
}

const baseOf = (c: ChannelConfig) => trimSlash(stringField(c.settings.apiBaseUrl) ?? 'https://api.telegram.org');

export const telegramAdapter: ChannelAdapter = {
  kind: 'telegram',
  authenticate: (channel, req) => sharedTokenValid(channel.verifyToken, req.headers['x-telegram-bot-api-secret-token']),
  parse: (_c, req) => normaliseTelegram(parseJson(req)),
  // getFile turns a file_id into a path under /file/bot<token>/.
  async fetchMedia(channel, media, maxBytes) {
    const token = channel.secrets.botToken ?? '';
    const res = asObject(
      await callNetwork({ url: `${baseOf(channel)}/bot${token}/getFile?file_id=${encodeURIComponent(media.ref)}`, method: 'GET' }, (status, body) => `Telegram: ${stringField(asObject(body).description) ?? `answered ${status}`}`),
    );
    const path = stringField(asObject(res.result).file_path);
    if (!path) throw new SendError('Telegram gave no file path', false);
    return download(`${baseOf(channel)}/file/bot${token}/${path}`, {}, maxBytes, media);
  },
  // Text with sendMessage, then each file with sendPhoto or sendDocument; the first message's id
  // stands for the reply.
  async send(channel, message) {
    const token = channel.secrets.botToken;
    if (!token) throw new SendError('The Telegram channel has no bot token', false);
    const describe = (status: number, body: unknown) => `Telegram: ${stringField(asObject(body).description) ?? `answered ${status}`}`;
    const confirm = (res: unknown) => {
      const id = stringField(asObject(asObject(res).result).message_id);
      if (asObject(res).ok !== true || !id) throw new SendError('Telegram did not confirm the message', false);
      return `${message.peer}:${id}`;
    };
    const text = () => callNetwork({ url: `${baseOf(channel)}/bot${token}/sendMessage`, json: { chat_id: message.peer, text: message.text } }, describe).then(confirm);
    const files = message.files.map((file) => () => {
      const photo = /^image\/(jpeg|png|webp)$/.test(file.contentType);
      const form = new FormData();
      form.append('chat_id', message.peer);
      form.append(photo ? 'photo' : 'document', fileBlob(file), file.fileName);
      return callNetwork({ url: `${baseOf(channel)}/bot${token}/${photo ? 'sendPhoto' : 'sendDocument'}`, multipart: form }, describe).then(confirm);
    });
    return sendParts([...(message.text || !files.length ? [text] : []), ...files]);
  },
};


// Telegram has no dashboard to paste a URL into: the bot is told its webhook (and secret token) by API.
export async function registerTelegramWebhook(channel: ChannelConfig): Promise<string> {
  const token = channel.secrets.botToken;
  if (!token) throw new SendError('The Telegram channel has no bot token', false);
  const res = asObject(
    await callNetwork(
      {
        url: `${baseOf(channel)}/bot${token}/setWebhook`,
        json: { url: channel.webhookUrl, secret_token: channel.verifyToken, allowed_updates: ['message', 'edited_message', 'callback_query'], drop_pending_updates: false },
      },
      (status, body) => `Telegram: ${stringField(asObject(body).description) ?? `answered ${status}`}`,
    ),
  );
  return stringField(res.description) ?? 'Webhook was set';
}
