import type { EmotionLabel, Locale, MoodTrend } from './api.types.ts';

// Shapes of the rapid-reaction API (packages/server/src/modules/reaction) as the web app uses them.

export type LocalizedText = { es?: string; en?: string };

export type NumberOp = 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'neq';
export type SetOp = 'eq' | 'neq' | 'in' | 'notIn';
export type ConditionOp = NumberOp | SetOp | 'any';

export type Leaf = { field: string; op: ConditionOp; value: unknown; days?: number };
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Leaf;

export type ActionType = 'offer_discount' | 'offer_compensation' | 'personal_call' | 'escalate' | 'apology' | 'follow_up' | 'gift' | 'article';

export type PlaybookAction =
  | { type: 'offer_discount'; percent: number }
  | { type: 'offer_compensation'; amount: number; currency: string }
  | { type: 'personal_call'; by: 'trusted' | 'assignee' }
  | { type: 'escalate'; to: 'manager' }
  | { type: 'apology'; draft: LocalizedText }
  | { type: 'follow_up'; hours: number }
  | { type: 'gift'; description: LocalizedText }
  | { type: 'article'; title: LocalizedText; url?: string };

export type Playbook = {
  id: string;
  key: string | null;
  isDefault: boolean;
  name: LocalizedText;
  description: LocalizedText;
  enabled: boolean;
  priority: number;
  condition: Condition;
  actions: PlaybookAction[];
  createdAt: string;
  updatedAt: string;
};

export type CatalogField = { field: string; ops: readonly string[]; values?: readonly (string | boolean)[]; min?: number; max?: number; days?: { min: number; max: number }; about: string };
export type PlaybookCatalog = {
  fields: CatalogField[];
  combinators: string[];
  actions: Array<{ type: ActionType; params: Record<string, unknown> }>;
  bounds: ReactionSettings;
};

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type OfficeRange = { day: Weekday; from: string; to: string };
export type ReactionSettings = {
  maxDiscountPercent: number;
  maxCompensation: number;
  currency: string;
  maxSuggestionsPerMessage: number;
  automations: { afterHoursAck: { enabled: boolean; officeHours: { timezone: string; weekly: OfficeRange[] }; text: LocalizedText } };
};

export type DryRunResult = {
  days: number;
  messagesEvaluated: number;
  truncated: boolean;
  matches: number;
  customers: number;
  suggestions: number;
  perAction: Partial<Record<ActionType, number>>;
  sample: Array<{ messageId: string; conversationId: string; customer: { id: string; name: string | null }; at: string; quote: string; emotion: EmotionLabel | null; reason: { text: string } }>;
  tookMs: number;
};

export type SuggestionStatus = 'open' | 'snoozed' | 'accepted' | 'dismissed';
export type ProposedAction = PlaybookAction & { employee?: { id: string; name: string } | null; text?: string };

export type Suggestion = {
  id: string;
  status: SuggestionStatus;
  playbook: { id: string | null; name: LocalizedText };
  customer: { id: string; name: string | null };
  conversationId: string;
  locale: Locale;
  reason: { text: string; texts: Record<Locale, string> };
  actions: ProposedAction[];
  target: { assigneeId: string | null; teamId: string | null; employeeIds: string[]; escalated: boolean };
  triggeredAt: string;
  lastTriggeredAt: string;
  triggerCount: number;
  snoozedUntil: string | null;
  decision: Record<string, unknown> | null;
  updatedAt: string;
};

export type ActionEdit = { index: number; text?: string; percent?: number; amount?: number; hours?: number };
export type AcceptResult = { suggestion: Suggestion; drafts: Array<{ index: number; type: string; text: string }>; timeline: TimelineItem[] };

export type Reminder = {
  id: string;
  kind: 'follow_up' | 'snooze';
  status: 'pending' | 'due' | 'done';
  text: string;
  dueAt: string;
  employeeId: string | null;
  customerId: string;
  conversationId: string | null;
  suggestionId: string | null;
};

export type TimelineItem = {
  id: string;
  kind: string;
  at: string;
  actor: { type: string; id: string | null; name: string | null } | null;
  data: Record<string, unknown>;
};

export type AttentionItem = {
  customer: { id: string; name: string | null; email: string | null };
  urgency: number;
  mood: { score: number; trend: MoodTrend } | null;
  intensity: number | null;
  waitingMinutes: number;
  conversationId: string | null;
  openSuggestions: number;
  value: number | null;
  segment: string | null;
  reason: { text: string };
};

export type OutcomeGroup = { count: number; accepted: number; dismissed: number; acceptanceRate: number | null; medianReactSeconds: number | null; averageRecovery: number | null };
export type Outcomes = {
  from: string;
  to: string;
  totals: OutcomeGroup & { p90ReactSeconds: number | null; open: number; snoozed: number; reacted: number };
  byPlaybook: Array<OutcomeGroup & { playbookId: string | null; label: string }>;
  byEmployee: Array<OutcomeGroup & { employeeId: string | null; name: string | null }>;
};
