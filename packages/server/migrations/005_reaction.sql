-- Rapid reaction: playbooks propose personal actions to a person when a customer is unhappy;
-- the person decides. Suggestions, their outcomes, reminders, the customer timeline, and the
-- admin-only process automations (which write as "system", never as an employee).

-- Per-workspace bounds and automations. Kept apart from workspaces.settings, which the widget
-- serves to every visitor: customers must not read the discount ceiling. The row's existence
-- also records that the default playbooks were seeded (lazily, on first use).
create table reaction_settings (
  workspace_id uuid primary key references workspaces (id) on delete cascade,
  settings jsonb not null default '{}'::jsonb,
  seeded_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid
);

create table playbooks (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  -- Set on the defaults Vínculo ships ("disappointed-valuable", …); null for an admin's own.
  key text,
  name jsonb not null,
  description jsonb not null default '{}'::jsonb,
  enabled boolean not null default true,
  priority integer not null default 50,
  condition jsonb not null,
  actions jsonb not null,
  created_by uuid,
  updated_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  unique (workspace_id, key)
);

create table suggestions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  -- Kept when the playbook is deleted: the outcome history must not disappear with it.
  playbook_id uuid,
  playbook_name jsonb not null,
  customer_id uuid not null,
  conversation_id uuid not null,
  status text not null default 'open' check (status in ('open', 'snoozed', 'accepted', 'dismissed')),
  locale text not null,
  actions jsonb not null,
  reason jsonb not null,
  target_assignee_id uuid,
  target_team_id uuid,
  target_employee_ids jsonb not null default '[]'::jsonb,
  escalated boolean not null default false,
  -- The first negative message (time to react counts from it) and the latest one that matched.
  trigger_message_id uuid not null,
  triggered_at timestamptz not null,
  last_message_id uuid not null,
  last_triggered_at timestamptz not null,
  trigger_count integer not null default 1,
  mood_at_trigger real,
  snoozed_until timestamptz,
  first_action_at timestamptz,
  first_action_by uuid,
  decided_at timestamptz,
  decided_by uuid,
  decision jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, playbook_id) references playbooks (workspace_id, id) on delete set null (playbook_id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade,
  foreign key (workspace_id, conversation_id) references conversations (workspace_id, id) on delete cascade
);
-- At most one live suggestion per playbook and customer: a newer trigger updates it.
create unique index suggestions_one_live on suggestions (workspace_id, playbook_id, customer_id) where status in ('open', 'snoozed');
create index suggestions_status on suggestions (workspace_id, status, updated_at desc);
create index suggestions_customer on suggestions (workspace_id, customer_id);
create index suggestions_triggered on suggestions (workspace_id, triggered_at);

-- Append-only: what people did for this customer (accepted actions, follow-ups done).
create table customer_timeline (
  id bigserial primary key,
  workspace_id uuid not null,
  customer_id uuid not null,
  kind text not null,
  data jsonb not null default '{}'::jsonb,
  actor_type text not null,
  actor_id uuid,
  at timestamptz not null default now(),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create index customer_timeline_customer on customer_timeline (workspace_id, customer_id, at desc);

create table reminders (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  employee_id uuid,
  customer_id uuid not null,
  conversation_id uuid,
  suggestion_id uuid,
  kind text not null check (kind in ('follow_up', 'snooze')),
  text text not null,
  due_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending', 'due', 'done')),
  created_by uuid,
  created_at timestamptz not null default now(),
  fired_at timestamptz,
  done_at timestamptz,
  unique (workspace_id, id),
  foreign key (workspace_id, employee_id) references employees (workspace_id, id) on delete set null (employee_id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade,
  foreign key (workspace_id, conversation_id) references conversations (workspace_id, id) on delete cascade,
  foreign key (workspace_id, suggestion_id) references suggestions (workspace_id, id) on delete cascade
);
create index reminders_pending on reminders (due_at) where status = 'pending';
create index reminders_employee on reminders (workspace_id, employee_id, status, due_at);

-- One automatic message per conversation, automation and closed period (the key names the period).
create table automation_sends (
  workspace_id uuid not null,
  conversation_id uuid not null,
  automation text not null,
  period_key text not null,
  message_id uuid,
  created_at timestamptz not null default now(),
  primary key (conversation_id, automation, period_key),
  foreign key (workspace_id, conversation_id) references conversations (workspace_id, id) on delete cascade
);
