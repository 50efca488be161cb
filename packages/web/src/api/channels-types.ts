// Shapes of the channels admin API (packages/server/src/modules/channels/channel.routes.ts).
export type ChannelKind = 'email' | 'whatsapp' | 'telegram' | 'messenger' | 'instagram' | 'sms';

export type ChannelHealthData = {
  lastInboundAt: string | null;
  lastSentAt: string | null;
  // A refused signature, a malformed payload, a failed send… or secrets that cannot be opened.
  lastError: string | null;
  // null with a lastError: the secrets cannot be opened with the server's key.
  lastErrorAt: string | null;
  queued: number;
  failedLast24h: number;
};

export type Channel = {
  id: string;
  kind: ChannelKind;
  name: string;
  active: boolean;
  settings: Record<string, unknown>;
  addresses: string[];
  // Whether each secret is set; never its value.
  secrets: Record<string, boolean>;
  webhookUrl: string | null;
  verifyToken: string | null;
  // E-mail: the port of the SMTP listener, null when it is not running.
  smtpPort: number | null;
  health: ChannelHealthData;
  createdAt: string;
  updatedAt: string;
};

// The subset of JSON Schema the server's settings schemas use (z.toJSONSchema output).
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  enum?: unknown[];
};

export type ChannelKindInfo = { kind: ChannelKind; settings: JsonSchema; secrets: string[]; requiredSecrets: string[]; webhook: boolean };

export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export type Delivery = {
  messageId: string | null;
  conversationId: string;
  status: DeliveryStatus;
  error: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  externalId: string | null;
  updatedAt: string;
};

export type ChannelDraft = { kind: ChannelKind; name: string; settings: Record<string, unknown>; secrets: Record<string, string>; addresses?: string[] };
export type ChannelPatch = { name?: string; active?: boolean; settings?: Record<string, unknown>; secrets?: Record<string, string | null>; addresses?: string[]; rotateVerifyToken?: boolean };
