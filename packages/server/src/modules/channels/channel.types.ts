import type { ChannelKind, DeliveryStatus } from '../../platform/db/database.types.ts';

export type { ChannelKind } from '../../platform/db/database.types.ts';

// A channel as adapters see it: settings in clear, secrets opened.
export type ChannelConfig = {
  id: string;
  workspaceId: string;
  kind: ChannelKind;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  verifyToken: string;
  webhookUrl: string;
  addresses: string[];
};

// A file that came with a message: bytes in hand (e-mail), or only described (a network's media id).
export type InboundFile = { fileName: string; contentType: string; content: Buffer };

// A file a message only points at (a WhatsApp media id, a Telegram file_id, a CDN or Twilio URL).
export type MediaRef = { ref: string; fileName: string; contentType?: string };

// One customer message, normalised from whatever the network sent.
export type InboundMessage = {
  // The network's id of the message: a redelivered webhook carries the same one.
  externalId: string;
  // Who wrote, as the network addresses them (the reply goes there).
  peer: string;
  // The customer identity: a channel of customer_identities and its external id.
  identity: { channel: string; externalId: string };
  profile: { name?: string; email?: string; phone?: string };
  text: string;
  files: InboundFile[];
  // Fetched once the message is known to be new, through the adapter's fetchMedia.
  media?: MediaRef[];
  // E-mail: the ids this message answers (In-Reply-To, References), newest last.
  threadRefs?: string[];
  subject?: string;
  // Kept beside the message, not shown in it: the full original, media references…
  original?: Record<string, unknown>;
  // The business account it was sent to (WhatsApp phone number id, Page id, Instagram account id):
  // one Meta app calls one webhook URL for all of them.
  account?: string;
};

export type StatusUpdate = {
  externalId?: string;
  // Messenger reports reads up to a time rather than per message.
  watermark?: { peer: string; before: Date };
  status: Exclude<DeliveryStatus, 'queued'>;
  error?: string;
  account?: string;
};

export type WebhookBatch = { messages: InboundMessage[]; statuses: StatusUpdate[] };

// `url`: a signed, expiring public link to the file, for networks that fetch media themselves (Twilio).
export type OutboundFile = { fileName: string; contentType: string; content: Buffer; url: string };

export type OutboundMessage = {
  peer: string;
  text: string;
  files: OutboundFile[];
  subject?: string;
  // E-mail threading: our Message-ID for this reply and the ids it answers.
  messageId?: string;
  threadRefs?: string[];
  // WhatsApp: an approved template instead of free text (outside the 24-hour window).
  template?: { name: string; language: string; parameters: string[] };
};

// A failed send: transient ones (network down, 5xx, 429) are retried with backoff, the rest fail at once.
export class SendError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

// An inbound webhook as received: the raw body matters for signatures.
export type WebhookRequest = {
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | undefined>;
  rawBody: Buffer;
};

export type ChannelAdapter = {
  kind: ChannelKind;
  // GET handshake (Meta's hub challenge): the text to echo, or null when the token is wrong.
  verifyChallenge?: (channel: ChannelConfig, query: Record<string, string | undefined>) => string | null;
  authenticate: (channel: ChannelConfig, req: WebhookRequest) => boolean;
  // Throws MalformedPayload for what the network would never send.
  parse: (channel: ChannelConfig, req: WebhookRequest) => WebhookBatch;
  send: (channel: ChannelConfig, message: OutboundMessage) => Promise<{ externalId: string }>;
  fetchMedia?: (channel: ChannelConfig, media: MediaRef, maxBytes: number) => Promise<InboundFile>;
  // The setting naming the business account, when one webhook may carry several (Meta).
  accountSetting?: string;
  // What the network expects as the webhook's answer body (Twilio wants TwiML).
  webhookReply?: { contentType: string; body: string };
};

export class MalformedPayload extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedPayload';
  }
}

// Messages a channel route queues itself (a WhatsApp template) carry this idempotency key prefix,
// so the reply listener leaves them alone.
export const SELF_SENT_KEY_PREFIX = 'channel-template:';
