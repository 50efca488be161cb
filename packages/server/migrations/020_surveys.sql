-- Customer surveys (modules/surveys): the workspace's rules, each survey scheduled after a resolved
-- conversation (a durable row with a due time, sent by an interval job) and its one answer.

create table survey_settings (
  workspace_id uuid primary key references workspaces (id) on delete cascade,
  settings jsonb not null default '{}'::jsonb,
  updated_at timestamptz not null default now(),
  updated_by uuid
);

-- kind 'conversation': after a resolved conversation; 'exit': a customer who left (migration 021).
-- Questions are copied from the rules when scheduled, so editing the rules never changes what an
-- answer meant.
create table surveys (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  kind text not null check (kind in ('conversation', 'exit')),
  customer_id uuid not null,
  conversation_id uuid,
  employee_ids uuid[] not null default '{}',
  status text not null default 'scheduled' check (status in ('scheduled', 'sent', 'answered', 'skipped')),
  skip_reason text,
  locale text not null check (locale in ('es', 'en')),
  questions jsonb not null,
  due_at timestamptz not null,
  expires_at timestamptz not null,
  sent_at timestamptz,
  message_id uuid,
  created_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade,
  foreign key (workspace_id, conversation_id) references conversations (workspace_id, id) on delete cascade
);
-- The job reads what is due across workspaces.
create index surveys_due on surveys (due_at) where status = 'scheduled';
-- The frequency rule: the customer's latest surveys.
create index surveys_customer on surveys (workspace_id, customer_id, created_at desc);
-- One survey per resolution of a conversation, even if the event is delivered twice.
create unique index surveys_one_per_resolution on surveys (workspace_id, conversation_id, due_at) where kind = 'conversation';

-- One answer per survey (and so per token). Scores are null when the survey did not ask them; `low`
-- is decided with the workspace's thresholds when the answer arrives.
create table survey_responses (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  survey_id uuid not null,
  kind text not null check (kind in ('conversation', 'exit')),
  customer_id uuid not null,
  conversation_id uuid,
  employee_ids uuid[] not null default '{}',
  csat smallint check (csat between 1 and 5),
  nps smallint check (nps between 0 and 10),
  ces smallint check (ces between 1 and 7),
  answers jsonb not null default '{}'::jsonb,
  low boolean not null default false,
  answered_at timestamptz not null default now(),
  unique (survey_id),
  foreign key (workspace_id, survey_id) references surveys (workspace_id, id) on delete cascade,
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade,
  foreign key (workspace_id, conversation_id) references conversations (workspace_id, id) on delete set null (conversation_id)
);
create index survey_responses_customer on survey_responses (workspace_id, customer_id, answered_at desc);
create index survey_responses_answered on survey_responses (workspace_id, kind, answered_at);
create index survey_responses_employees on survey_responses using gin (employee_ids);
