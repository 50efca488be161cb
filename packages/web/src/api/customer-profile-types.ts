import type { Customer } from './api.types.ts';

// Shapes of the customer 360 API (packages/server/src/modules/customers/customer-profile.routes.ts,
// customer-orders.service.ts, customer-timeline.service.ts; attributes and motivation per issue 6).

export type CurrencyValue = { currency: string; lifetime: number; orders: number; lastPurchaseAt: string | null };
// In the workspace's main currency; byCurrency lists every currency the customer bought in.
export type CustomerValue = CurrencyValue & { byCurrency: CurrencyValue[] };

export type ConsentPurpose = 'marketing' | 'surveys';
export type ConsentActor = { type: string; id: string | null };
export type ConsentState = { granted: boolean; source: string | null; at: string; by: ConsentActor };
export type ConsentView = Partial<Record<ConsentPurpose, ConsentState>>;
export type ConsentChange = { marketing?: boolean; surveys?: boolean; source?: string };

export type ChannelStats = { channel: string; messages: number; share: number; medianReplySeconds: number | null };
export type PreferredChannel = { channel: string | null; source: 'learned' | 'employee'; stats: ChannelStats[] };

export type CustomerProfile = Customer & {
  company?: string | null;
  tags: string[];
  interests: string[];
  value: CustomerValue | null;
  consent: ConsentView;
  preferredChannel: PreferredChannel;
};

export type OrderKind = 'purchase' | 'refund' | 'event';
export type Order = {
  id: string;
  customerId: string;
  externalId: string;
  kind: OrderKind;
  amount: number;
  currency: string;
  description: string | null;
  at: string;
  createdAt: string;
};

export type ActivityKind = 'message' | 'note' | 'order' | 'action' | 'merge' | 'unmerge' | 'consent' | 'survey' | 'exit' | 'call';
export type ActivityItem = { kind: ActivityKind; id: string; at: string; actor: ConsentActor | null; data: Record<string, unknown> };
export type ActivityPage = { items: ActivityItem[]; nextCursor: string | null };

export type AttributeType = 'text' | 'number' | 'boolean' | 'date' | 'select';
// position orders the fields on the customer page (the server lists them in that order).
export type AttributeDefinition = { key: string; label: string; type: AttributeType; options: string[]; description: string | null; position?: number; createdAt: string };
export type AttributeDraft = { key: string; label: string; type: AttributeType; options?: string[]; description?: string | null };
export type AttributeChange = { label?: string; options?: string[]; description?: string | null };
export type AttributeValue = string | number | boolean | null;

export type CustomerPatch = {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  locale?: string | null;
  company?: string | null;
  // Merged into the stored attributes: null removes a key.
  attributes?: Record<string, AttributeValue>;
};

export type Motivation = 'advice' | 'technical' | 'relationship';
export type MotivationReason = {
  motivation: Motivation;
  kind: 'phrase' | 'tenure';
  cue: string;
  messageId: string | null;
  conversationId: string | null;
  excerpt: string | null;
  at: string | null;
};
export type MotivationView = {
  motivation: Motivation | null;
  source: 'inferred' | 'employee' | null;
  note: string | null;
  chosenAt: string | null;
  chosenBy: string | null;
  inferred: { motivation: Motivation | null; scores: Record<Motivation, number>; reasons: MotivationReason[]; messagesRead: number };
};
