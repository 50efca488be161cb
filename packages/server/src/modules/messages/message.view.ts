import type { AttachmentRef, AuthorType, DeliveryStatus, MessageDirection, MessageEmotion } from '../../platform/db/database.types.ts';

export type MessageView = {
  id: string;
  conversationId: string;
  direction: MessageDirection;
  authorType: AuthorType;
  authorId: string | null;
  authorName: string | null;
  text: string;
  attachments: AttachmentRef[];
  // Only for the customer's own words; employees' messages are never read as the customer's mood.
  emotion: MessageEmotion | null;
  // Set for a reply sent through a channel (e-mail, WhatsApp…): where it has got to, and why it failed.
  delivery: { status: DeliveryStatus; error: string | null } | null;
  createdAt: string;
};

export type MessageRow = {
  id: string;
  conversation_id: string;
  direction: MessageDirection;
  author_type: AuthorType;
  author_id: string | null;
  text: string;
  attachments: AttachmentRef[];
  emotion: MessageEmotion | null;
  created_at: Date;
  delivery_status?: DeliveryStatus | null;
  delivery_error?: string | null;
};

export const toMessageView = (m: MessageRow, authorName: string | null): MessageView => ({
  id: m.id,
  conversationId: m.conversation_id,
  direction: m.direction,
  authorType: m.author_type,
  authorId: m.author_id,
  authorName,
  text: m.text,
  attachments: m.attachments,
  emotion: m.emotion,
  delivery: m.delivery_status ? { status: m.delivery_status, error: m.delivery_error ?? null } : null,
  createdAt: m.created_at.toISOString(),
});

export type CustomerMessageView = Omit<MessageView, 'emotion'>;

// What a customer is shown: never our reading of their feelings.
export const toCustomerView = ({ emotion: _emotion, ...rest }: MessageView): CustomerMessageView => rest;
