import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Role = 'admin' | 'manager' | 'agent';
export type Locale = 'es' | 'en';
export type ConversationStatus = 'open' | 'pending' | 'resolved';
export type MessageDirection = 'inbound' | 'outbound';
export type AuthorType = 'customer' | 'employee' | 'integration' | 'system';
export type AttachmentRef = { id: string; fileName: string; contentType: string; sizeBytes: number };
export type EmotionLabel = 'anger' | 'disgust' | 'fear' | 'joy' | 'sadness' | 'surprise' | 'neutral';
export type PolarityLabel = 'negative' | 'neutral' | 'positive';
export type MoodTrend = 'improving' | 'stable' | 'worsening';
// What the emotion engine said about an inbound message, as stored with it; `corrected` is an
// employee's fix, which then wins everywhere the label is shown or counted.
export type MessageEmotion = {
  emotion: EmotionLabel;
  polarity: PolarityLabel;
  valence: number;
  intensity: number;
  alert: boolean;
  language: string;
  supported: boolean;
  probabilities: Record<EmotionLabel, number>;
  cues: Array<{ text: string; kind: string; effect: string }>;
  model: string;
  corrected?: { emotion: EmotionLabel; polarity: PolarityLabel; by: string | null; at: string };
};

export type WorkspacesTable = {
  id: Generated<string>;
  name: string;
  slug: string;
  public_key: string;
  identity_secret: string;
  settings: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
};

export type TeamsTable = {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  created_at: CreatedAt;
};

export type EmployeesTable = {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  password_hash: string | null;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  last_seen_at: Timestamp | null;
};

export type SessionsTable = {
  id: string;
  workspace_id: string;
  employee_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
};

export type ApiTokensTable = {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  token_hash: string;
  role: Role;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
};

export type CustomersTable = {
  id: Generated<string>;
  workspace_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  attributes: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  last_seen_at: Timestamp | null;
  // Set while this customer is merged into another (modules/customers/merge.service.ts).
  merged_into_id: string | null;
  merged_at: Timestamp | null;
  // Personal data removed (modules/customers/customer-erasure.service.ts).
  erased_at: Timestamp | null;
  // Profile (migration 013): normalised tags and interests, the channel an employee chose.
  tags: ColumnType<string[], string[] | undefined, string[]>;
  interests: ColumnType<string[], string[] | undefined, string[]>;
  preferred_channel: string | null;
  preferred_channel_by: string | null;
  preferred_channel_at: Timestamp | null;
  // Migration 014: the company, and the buying motivation an employee chose over the inferred one.
  company: string | null;
  buying_motivation: BuyingMotivation | null;
  buying_motivation_note: string | null;
  buying_motivation_by: string | null;
  buying_motivation_at: Timestamp | null;
};

export type CustomerIdentitiesTable = {
  id: Generated<string>;
  workspace_id: string;
  customer_id: string;
  channel: string;
  external_id: string;
  verified: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
};

export type ConversationsTable = {
  id: Generated<string>;
  workspace_id: string;
  customer_id: string;
  channel: string;
  status: ColumnType<ConversationStatus, ConversationStatus | undefined, ConversationStatus>;
  assignee_id: string | null;
  team_id: string | null;
  subject: string | null;
  idempotency_key: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  last_message_at: Timestamp | null;
  resolved_at: Timestamp | null;
  // Migration 026, kept by a trigger on messages (KPI first response time): never written by the app.
  first_customer_message_at: ColumnType<Date | null, never, never>;
  first_response_at: ColumnType<Date | null, never, never>;
  // The customer identity it came through, when a channel knows it.
  identity_id: string | null;
};

export type MessagesTable = {
  id: Generated<string>;
  workspace_id: string;
  conversation_id: string;
  direction: MessageDirection;
  author_type: AuthorType;
  author_id: string | null;
  text: string;
  attachments: JSONColumnType<AttachmentRef[], string | undefined, string>;
  idempotency_key: string | null;
  emotion: JSONColumnType<MessageEmotion | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  // Migration 017: where a message sent through a channel (e-mail, WhatsApp…) has got to.
  delivery_status: ColumnType<DeliveryStatus | null, DeliveryStatus | null | undefined, DeliveryStatus | null>;
  delivery_error: ColumnType<string | null, string | null | undefined, string | null>;
  // Migration 026: for a customer message, the first employee message after it (kept by a trigger).
  replied_at: ColumnType<Date | null, never, never>;
};

export type ChannelKind = 'email' | 'whatsapp' | 'telegram' | 'messenger' | 'instagram' | 'sms';
export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';
export type ChannelMessageStatus = 'received' | DeliveryStatus;

export type ChannelsTable = {
  id: Generated<string>;
  workspace_id: string;
  kind: ChannelKind;
  name: string;
  settings: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  secrets: string | null;
  addresses: ColumnType<string[], string[] | undefined, string[]>;
  webhook_key: string;
  verify_token: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  last_inbound_at: Timestamp | null;
  last_error: string | null;
  last_error_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type ChannelMessagesTable = {
  id: Generated<string>;
  workspace_id: string;
  channel_id: string;
  conversation_id: string;
  message_id: string | null;
  direction: MessageDirection;
  external_id: string | null;
  peer: string;
  status: ChannelMessageStatus;
  error: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp | null;
  original: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type NotesTable = {
  id: Generated<string>;
  workspace_id: string;
  conversation_id: string;
  author_id: string | null;
  text: string;
  created_at: CreatedAt;
};

export type AttachmentsTable = {
  id: Generated<string>;
  workspace_id: string;
  storage_key: string;
  file_name: string;
  content_type: string;
  size_bytes: ColumnType<string, number, number>;
  uploaded_by_type: 'customer' | 'employee' | 'integration';
  uploaded_by_id: string | null;
  created_at: CreatedAt;
};

export type AuditLogTable = {
  id: Generated<string>;
  workspace_id: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
};

export type StreamHeadsTable = {
  stream: string;
  workspace_id: string;
  last_seq: ColumnType<string, number | string, number | string>;
};

export type StreamEventsTable = {
  stream: string;
  seq: ColumnType<string, number | string, never>;
  workspace_id: string;
  type: string;
  payload: JSONColumnType<Record<string, unknown>, string, never>;
  created_at: CreatedAt;
};

export type InstanceSettingsTable = {
  key: string;
  value: string;
};

export type ConversationReadsTable = {
  workspace_id: string;
  conversation_id: string;
  employee_id: string;
  last_read_at: Date;
};

export type CustomerMoodsTable = {
  workspace_id: string;
  customer_id: string;
  score: number;
  trend: MoodTrend;
  alert: boolean;
  updated_at: Timestamp;
};

export type CustomerMoodPointsTable = {
  id: Generated<string>;
  workspace_id: string;
  customer_id: string;
  message_id: string;
  // Migration 027: the message's conversation, set by a trigger on insert (KPI filters).
  conversation_id: ColumnType<string | null, never, never>;
  at: Timestamp;
  emotion: EmotionLabel;
  valence: number;
  intensity: number;
  score: number;
};

export type EmotionCorrectionsTable = {
  message_id: string;
  workspace_id: string;
  employee_id: string | null;
  predicted_emotion: EmotionLabel;
  emotion: EmotionLabel;
  polarity: PolarityLabel;
  // Updated when someone corrects the same message again.
  created_at: Timestamp;
};

// Rapid reaction (modules/reaction): playbooks, suggestions, reminders, timeline, automations.
export type LocalizedText = { es?: string; en?: string };

export type ReactionSettingsTable = {
  workspace_id: string;
  settings: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  seeded_at: CreatedAt;
  updated_at: Timestamp;
  updated_by: string | null;
};

export type PlaybooksTable = {
  id: Generated<string>;
  workspace_id: string;
  key: string | null;
  name: JSONColumnType<LocalizedText, string, string>;
  description: JSONColumnType<LocalizedText, string | undefined, string>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  priority: ColumnType<number, number | undefined, number>;
  condition: JSONColumnType<object, string, string>;
  actions: JSONColumnType<unknown[], string, string>;
  created_by: string | null;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type SuggestionStatus = 'open' | 'snoozed' | 'accepted' | 'dismissed';

export type SuggestionsTable = {
  id: Generated<string>;
  workspace_id: string;
  playbook_id: string | null;
  playbook_name: JSONColumnType<LocalizedText, string, string>;
  customer_id: string;
  conversation_id: string;
  status: ColumnType<SuggestionStatus, SuggestionStatus | undefined, SuggestionStatus>;
  locale: string;
  actions: JSONColumnType<unknown[], string, string>;
  reason: JSONColumnType<unknown[], string, string>;
  target_assignee_id: string | null;
  target_team_id: string | null;
  target_employee_ids: JSONColumnType<string[], string | undefined, string>;
  escalated: ColumnType<boolean, boolean | undefined, boolean>;
  trigger_message_id: string;
  triggered_at: Timestamp;
  last_message_id: string;
  last_triggered_at: Timestamp;
  trigger_count: ColumnType<number, number | undefined, number>;
  mood_at_trigger: number | null;
  snoozed_until: Timestamp | null;
  first_action_at: Timestamp | null;
  first_action_by: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type CustomerTimelineTable = {
  id: Generated<string>;
  workspace_id: string;
  customer_id: string;
  kind: string;
  data: JSONColumnType<Record<string, unknown>, string | undefined, never>;
  actor_type: string;
  actor_id: string | null;
  at: ColumnType<Date, Date | string | undefined, never>;
};

export type ReminderStatus = 'pending' | 'due' | 'done';

export type RemindersTable = {
  id: Generated<string>;
  workspace_id: string;
  employee_id: string | null;
  customer_id: string;
  conversation_id: string | null;
  suggestion_id: string | null;
  kind: 'follow_up' | 'snooze';
  text: string;
  due_at: Timestamp;
  status: ColumnType<ReminderStatus, ReminderStatus | undefined, ReminderStatus>;
  created_by: string | null;
  created_at: CreatedAt;
  fired_at: Timestamp | null;
  done_at: Timestamp | null;
};

export type AutomationSendsTable = {
  workspace_id: string;
  conversation_id: string;
  automation: string;
  period_key: string;
  message_id: string | null;
  created_at: CreatedAt;
};

export type ReplyFingerprintsTable = {
  message_id: string;
  workspace_id: string;
  employee_id: string;
  customer_id: string;
  conversation_id: string;
  sent_at: Timestamp;
  language: string;
  signature: Uint8Array | null;
  excerpt: string;
  near_duplicates: ColumnType<number, number | undefined, number>;
  similarity: ColumnType<number, number | undefined, number>;
  canned: ColumnType<boolean, boolean | undefined, boolean>;
};

export type ReplyBandsTable = {
  workspace_id: string;
  band_key: ColumnType<string, number | string, never>;
  message_id: string;
};

export type SnippetsTable = {
  id: Generated<string>;
  workspace_id: string;
  title: string;
  body: string;
  locale: Locale;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type SnippetUsesTable = {
  message_id: string;
  workspace_id: string;
  snippet_id: string | null;
  employee_id: string;
  unchanged: boolean;
  similarity: number;
  created_at: CreatedAt;
};

export type CustomerMergeKind = 'manual' | 'verified_identity';

export type CustomerMergesTable = {
  id: Generated<string>;
  workspace_id: string;
  survivor_id: string;
  absorbed_id: string;
  kind: CustomerMergeKind;
  choices: JSONColumnType<Record<string, unknown>, string, string>;
  snapshot: JSONColumnType<Record<string, unknown>, string, string>;
  proposal_id: string | null;
  actor_type: string;
  actor_id: string | null;
  merged_at: CreatedAt;
  unmerged_at: Timestamp | null;
  unmerged_by_type: string | null;
  unmerged_by: string | null;
  unmerge_summary: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
};

export type DuplicateStatus = 'open' | 'dismissed' | 'merged';

export type CustomerDuplicatesTable = {
  id: Generated<string>;
  workspace_id: string;
  customer_a_id: string;
  customer_b_id: string;
  score: number;
  reasons: JSONColumnType<Record<string, unknown>[], string, string>;
  status: ColumnType<DuplicateStatus, DuplicateStatus | undefined, DuplicateStatus>;
  merge_id: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type BondsTable = {
  workspace_id: string;
  customer_id: string;
  employee_id: string;
  score: number;
  components: JSONColumnType<Record<string, unknown>, string, string>;
  updated_at: Timestamp;
};

export type OrderKind = 'purchase' | 'refund' | 'event';

export type CustomerOrdersTable = {
  id: Generated<string>;
  workspace_id: string;
  customer_id: string;
  external_id: string;
  kind: OrderKind;
  amount: ColumnType<string, number | string, never>;
  currency: string;
  description: string | null;
  at: ColumnType<Date, Date | string, never>;
  actor_type: string;
  actor_id: string | null;
  created_at: CreatedAt;
};

export type CustomerValuesTable = {
  workspace_id: string;
  customer_id: string;
  currency: string;
  lifetime: ColumnType<string, number | string | undefined, number | string>;
  purchases: ColumnType<number, number | undefined, number>;
  last_purchase_at: Timestamp | null;
};

export type WorkspaceCurrenciesTable = {
  workspace_id: string;
  currency: string;
  orders: ColumnType<number, number | undefined, number>;
};

export type ConsentPurpose = 'marketing' | 'surveys';

export type CustomerConsentsTable = {
  id: Generated<string>;
  workspace_id: string;
  customer_id: string;
  purpose: ConsentPurpose;
  granted: boolean;
  source: string | null;
  actor_type: string;
  actor_id: string | null;
  at: ColumnType<Date, Date | string | undefined, never>;
};

export type BuyingMotivation = 'advice' | 'technical' | 'relationship';
export type AttributeType = 'text' | 'number' | 'boolean' | 'date' | 'select';

export type CustomerAttributeDefinitionsTable = {
  workspace_id: string;
  key: string;
  label: string;
  type: AttributeType;
  options: ColumnType<string[], string[] | undefined, string[]>;
  description: string | null;
  position: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type DuplicateScansTable = {
  id: Generated<string>;
  workspace_id: string;
  trigger: 'manual' | 'scheduled';
  started_at: Timestamp;
  finished_at: Timestamp | null;
  scanned: ColumnType<number, number | undefined, number>;
  pairs: ColumnType<number, number | undefined, number>;
  error: string | null;
};

export type CallsTable = {
  id: Generated<string>;
  workspace_id: string;
  conversation_id: string;
  customer_id: string;
  media: 'audio' | 'video';
  direction: 'inbound' | 'outbound';
  status: 'ringing' | 'active' | 'ended' | 'missed' | 'declined' | 'failed';
  ring_queue: ColumnType<string[], string[] | undefined, string[]>;
  ring_index: ColumnType<number, number | undefined, number>;
  ring_deadline: Timestamp | null;
  ring_reason: string | null;
  caller_employee_id: string | null;
  answered_by: string | null;
  created_at: CreatedAt;
  answered_at: Timestamp | null;
  ended_at: Timestamp | null;
  ended_by: 'customer' | 'employee' | 'system' | null;
  end_reason: string | null;
  quality: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  handled_at: Timestamp | null;
  handled_by: string | null;
};

// Surveys (modules/surveys): customer surveys, exit surveys and the employee pulse.
export type SurveyKind = 'conversation' | 'exit';
export type SurveyStatus = 'scheduled' | 'sent' | 'answered' | 'skipped';

export type SurveySettingsTable = {
  workspace_id: string;
  settings: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  updated_at: Timestamp;
  updated_by: string | null;
};

export type SurveysTable = {
  id: Generated<string>;
  workspace_id: string;
  kind: SurveyKind;
  customer_id: string;
  conversation_id: string | null;
  employee_ids: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<SurveyStatus, SurveyStatus | undefined, SurveyStatus>;
  skip_reason: string | null;
  locale: Locale;
  questions: JSONColumnType<unknown[], string, string>;
  due_at: Timestamp;
  expires_at: Timestamp;
  sent_at: Timestamp | null;
  message_id: string | null;
  created_at: CreatedAt;
};

export type SurveyResponsesTable = {
  id: Generated<string>;
  workspace_id: string;
  survey_id: string;
  kind: SurveyKind;
  customer_id: string;
  conversation_id: string | null;
  employee_ids: ColumnType<string[], string[] | undefined, string[]>;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  answers: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  low: ColumnType<boolean, boolean | undefined, boolean>;
  answered_at: ColumnType<Date, Date | string | undefined, never>;
};

export type CustomerExitsTable = {
  id: Generated<string>;
  workspace_id: string;
  customer_id: string;
  external_id: string | null;
  at: Timestamp;
  note: string | null;
  survey_id: string | null;
  actor_type: string;
  actor_id: string | null;
  created_at: CreatedAt;
};

export type PulseRoundsTable = {
  id: Generated<string>;
  workspace_id: string;
  title: string;
  questions: JSONColumnType<unknown[], string, string>;
  opens_at: Timestamp;
  closes_at: Timestamp;
  created_by: string | null;
  created_at: CreatedAt;
};

export type PulseParticipantsTable = {
  workspace_id: string;
  round_id: string;
  employee_id: string;
};

// Anonymous by design: no employee id and no time (migration 022).
export type PulseAnswersTable = {
  id: Generated<string>;
  workspace_id: string;
  round_id: string;
  team_id: string | null;
  enps: number;
  answers: JSONColumnType<Record<string, number>, string | undefined, string>;
};

// Migration 028: a cached topic computation (modules/topics).
export type TopicSnapshotsTable = {
  workspace_id: string;
  cache_key: string;
  computed_at: Timestamp;
  result: JSONColumnType<Record<string, unknown>, string, string>;
};

export type ActionPlanStatus = 'planned' | 'in_progress' | 'done' | 'dropped';

// Migration 029: action plans and their progress notes (modules/action-plans).
export type ActionPlansTable = {
  id: Generated<string>;
  workspace_id: string;
  team_id: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  topic_key: string | null;
  topic_label: string | null;
  kpi: string | null;
  owner_id: string | null;
  due_on: string;
  status: ColumnType<ActionPlanStatus, ActionPlanStatus | undefined, ActionPlanStatus>;
  progress: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  completed_at: Timestamp | null;
};

export type ActionPlanNotesTable = {
  id: Generated<string>;
  workspace_id: string;
  plan_id: string;
  author_id: string | null;
  text: string;
  progress: number | null;
  status: ActionPlanStatus | null;
  created_at: CreatedAt;
};

// Migration 030: the team score's weights and window.
export type TeamScoreSettingsTable = {
  workspace_id: string;
  settings: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  updated_at: Timestamp;
  updated_by: string | null;
};

export type Database = {
  workspaces: WorkspacesTable;
  teams: TeamsTable;
  employees: EmployeesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  customers: CustomersTable;
  customer_identities: CustomerIdentitiesTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  channels: ChannelsTable;
  channel_messages: ChannelMessagesTable;
  notes: NotesTable;
  attachments: AttachmentsTable;
  audit_log: AuditLogTable;
  stream_heads: StreamHeadsTable;
  stream_events: StreamEventsTable;
  instance_settings: InstanceSettingsTable;
  conversation_reads: ConversationReadsTable;
  customer_moods: CustomerMoodsTable;
  customer_mood_points: CustomerMoodPointsTable;
  emotion_corrections: EmotionCorrectionsTable;
  reaction_settings: ReactionSettingsTable;
  playbooks: PlaybooksTable;
  suggestions: SuggestionsTable;
  customer_timeline: CustomerTimelineTable;
  reminders: RemindersTable;
  automation_sends: AutomationSendsTable;
  reply_fingerprints: ReplyFingerprintsTable;
  reply_bands: ReplyBandsTable;
  snippets: SnippetsTable;
  snippet_uses: SnippetUsesTable;
  customer_merges: CustomerMergesTable;
  customer_duplicates: CustomerDuplicatesTable;
  bonds: BondsTable;
  customer_orders: CustomerOrdersTable;
  customer_values: CustomerValuesTable;
  workspace_currencies: WorkspaceCurrenciesTable;
  customer_consents: CustomerConsentsTable;
  customer_attribute_definitions: CustomerAttributeDefinitionsTable;
  duplicate_scans: DuplicateScansTable;
  calls: CallsTable;
  survey_settings: SurveySettingsTable;
  surveys: SurveysTable;
  survey_responses: SurveyResponsesTable;
  customer_exits: CustomerExitsTable;
  pulse_rounds: PulseRoundsTable;
  pulse_participants: PulseParticipantsTable;
  pulse_answers: PulseAnswersTable;
  topic_snapshots: TopicSnapshotsTable;
  action_plans: ActionPlansTable;
  action_plan_notes: ActionPlanNotesTable;
  team_score_settings: TeamScoreSettingsTable;
};
