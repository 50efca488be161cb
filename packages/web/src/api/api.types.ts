// Shapes of the Vínculo REST API as the web app uses them (see packages/server/src/modules).

export type Role = 'admin' | 'manager' | 'agent';
export type Locale = 'es' | 'en';
export type ConversationStatus = 'open' | 'pending' | 'resolved';
export type MessageDirection = 'inbound' | 'outbound';
export type AuthorType = 'customer' | 'employee' | 'integration' | 'system';

export type Employee = {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  locale: Locale;
  active: boolean;
  createdAt: string;
};

export type Team = { id: string; name: string; createdAt: string };

export type WidgetSettings = {
  widgetColor?: string;
  greeting?: { es?: string; en?: string };
  officeHours?: string;
  defaultLocale?: Locale;
};

export type Workspace = {
  id: string;
  name: string;
  slug: string;
  publicKey: string;
  settings: WidgetSettings & Record<string, unknown>;
  createdAt: string;
  identitySecret?: string;
};

export type Me = {
  employee: Employee | null;
  role: Role;
  via: string;
  workspace: Workspace;
  csrfToken: string | null;
};

export type EmotionLabel = 'anger' | 'disgust' | 'fear' | 'joy' | 'sadness' | 'surprise' | 'neutral';
export type PolarityLabel = 'negative' | 'neutral' | 'positive';
export type MoodTrend = 'improving' | 'stable' | 'worsening';

export type EmotionCue = { text: string; kind: string; effect: string };

// What the server read in a customer's message; `corrected` (by an employee) wins when present.
export type MessageEmotion = {
  emotion: EmotionLabel;
  polarity: PolarityLabel;
  valence: number;
  intensity: number;
  alert: boolean;
  language: string;
  supported: boolean;
  probabilities: Record<EmotionLabel, number>;
  cues: EmotionCue[];
  model: string;
  corrected?: { emotion: EmotionLabel; polarity: PolarityLabel; by: string | null; at: string };
};

// A customer's mood now: a score in [-1, 1] that fades towards neutral between messages.
export type Mood = { score: number; label: PolarityLabel; trend: MoodTrend; alert: boolean; updatedAt: string };
export type MoodPoint = { messageId: string; at: string; emotion: EmotionLabel; valence: number; score: number };
export type MoodTimeline = { current: Mood | null; points: MoodPoint[] };

export type CustomerSummary = { id: string; name: string | null; email: string | null; mood?: Mood | null };

export type LastMessage = {
  text: string;
  direction: MessageDirection;
  authorType: AuthorType;
  createdAt: string;
  attachmentCount: number;
  emotion?: { emotion: EmotionLabel; alert: boolean } | null;
  // Known only when the row was updated from a realtime event (the listing does not send it).
  messageId?: string;
};

export type Conversation = {
  id: string;
  customerId: string;
  channel: string;
  status: ConversationStatus;
  assigneeId: string | null;
  teamId: string | null;
  subject: string | null;
  createdAt: string;
  updatedAt: string;
  lastMessageAt: string | null;
  resolvedAt: string | null;
  // Added by the inbox listing; realtime events may not carry them.
  customer?: CustomerSummary | null;
  lastMessage?: LastMessage | null;
  unreadCount?: number;
};

export type Attachment = { id: string; fileName: string; contentType: string; sizeBytes: number };

export type Message = {
  id: string;
  conversationId: string;
  direction: MessageDirection;
  authorType: AuthorType;
  authorId: string | null;
  authorName: string | null;
  text: string;
  attachments: Attachment[];
  // Null for employees' messages; absent from servers older than the emotion reading.
  emotion?: MessageEmotion | null;
  // Replies sent through a channel (e-mail, WhatsApp…): how their delivery is going; null otherwise.
  delivery?: MessageDelivery | null;
  createdAt: string;
};

export type MessageDelivery = { status: 'queued' | 'sent' | 'delivered' | 'read' | 'failed'; error: string | null };

export type Note = { id: string; conversationId: string; authorId: string | null; text: string; createdAt: string };

export type Identity = { id: string; channel: string; externalId: string; verified: boolean; createdAt: string };

export type Customer = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  attributes: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  lastSeenAt: string | null;
  identities?: Identity[];
};

export type Page<T> = { items: T[]; nextCursor: string | null };

// The canned-reply guard (packages/server/src/modules/replies).
export type SuggestionKind = 'first_name' | 'last_message' | 'attribute' | 'previous_conversation' | 'own_words';
export type ReplySuggestion = { kind: SuggestionKind; text: string; value: string | null };
export type ReplyExample = { messageId: string; customerName: string | null; sentAt: string; similarity: number; snippet: string };
export type ReplyCheck = {
  canned: boolean;
  similarity: number;
  sentToOthers: number;
  examples: ReplyExample[];
  suggestions: ReplySuggestion[];
};

export type Snippet = {
  id: string;
  title: string;
  body: string;
  locale: Locale;
  placeholders: string[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
};

export type SnippetGap = { placeholder: string; start: number; end: number };
export type FilledSnippet = { snippetId: string; text: string; complete: boolean; values: Record<string, string | null>; gaps: SnippetGap[] };

export type PersonalisationCounts = {
  replies: number;
  canned: number;
  snippetUses: number;
  unchangedSnippetUses: number;
  impersonal: number;
  personalisationRate: number | null;
};
export type EmployeePersonalisation = PersonalisationCounts & { employeeId: string; name: string | null };
export type PersonalisationStats = { from: string; to: string; employees: EmployeePersonalisation[]; totals: PersonalisationCounts };
