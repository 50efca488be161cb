// Shapes of the server's /api/widget endpoints (see packages/server/src/modules/widget).
export type Locale = 'es' | 'en';

export type WidgetSettings = {
  widgetColor?: string;
  greeting?: { es?: string; en?: string };
  officeHours?: string;
  defaultLocale?: Locale;
};

export type WidgetConfig = { name: string; settings: WidgetSettings };

export type AttachmentRef = { id: string; fileName: string; contentType: string; sizeBytes: number };

export type MessageView = {
  id: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  authorType: 'customer' | 'employee' | 'integration' | 'system';
  authorId: string | null;
  authorName: string | null;
  text: string;
  attachments: AttachmentRef[];
  createdAt: string;
};

export type ConversationSummary = { id: string; status: string; createdAt: string; lastMessageAt: string | null };

export type Identity = { userId: string; userHash: string };

export type SessionRequest = {
  workspace: string;
  visitorToken?: string;
  identity?: Identity;
  name?: string;
  email?: string;
  locale?: Locale;
};

export type SessionResponse = {
  visitorToken: string;
  customerId: string;
  visitorId: string;
  verified: boolean;
  workspace: WidgetConfig;
};

export type SendBody = { text: string; attachmentIds?: string[]; idempotencyKey: string };

export type MessagePage = { items: MessageView[]; nextCursor: string | null; streamSeq: number };
