-- Vínculo server spine: tenancy, people, conversations, realtime streams, audit.
-- Every tenant table carries workspace_id and references its parents by (workspace_id, id),
-- so the database itself refuses a row that points into another workspace.

create table workspaces (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  slug text not null unique,
  public_key text not null unique,
  identity_secret text not null,
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

create table teams (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  name text not null,
  created_at timestamptz not null default now(),
  unique (workspace_id, id),
  unique (workspace_id, name)
);

create table employees (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  email text not null,
  name text not null,
  role text not null check (role in ('admin', 'manager', 'agent')),
  team_id uuid,
  password_hash text,
  locale text not null default 'es' check (locale in ('es', 'en')),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, team_id) references teams (workspace_id, id) on delete set null (team_id)
);
create unique index employees_email_key on employees (lower(email));

create table sessions (
  id text primary key,
  workspace_id uuid not null,
  employee_id uuid not null,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  foreign key (workspace_id, employee_id) references employees (workspace_id, id) on delete cascade
);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  role text not null check (role in ('admin', 'manager', 'agent')),
  created_by uuid,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  unique (workspace_id, id)
);

create table customers (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  name text,
  email text,
  phone text,
  locale text,
  attributes jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_seen_at timestamptz,
  unique (workspace_id, id)
);
create index customers_recent on customers (workspace_id, created_at desc);
create index customers_email on customers (workspace_id, lower(email));

create table customer_identities (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  customer_id uuid not null,
  channel text not null,
  external_id text not null,
  verified boolean not null default false,
  created_at timestamptz not null default now(),
  unique (workspace_id, channel, external_id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create index customer_identities_customer on customer_identities (customer_id);

create table conversations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  customer_id uuid not null,
  channel text not null,
  status text not null default 'open' check (status in ('open', 'pending', 'resolved')),
  assignee_id uuid,
  team_id uuid,
  subject text,
  idempotency_key text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_message_at timestamptz,
  resolved_at timestamptz,
  unique (workspace_id, id),
  unique (workspace_id, customer_id, idempotency_key),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade,
  foreign key (workspace_id, assignee_id) references employees (workspace_id, id) on delete set null (assignee_id),
  foreign key (workspace_id, team_id) references teams (workspace_id, id) on delete set null (team_id)
);
create index conversations_inbox on conversations (workspace_id, updated_at desc, id desc);
create index conversations_customer on conversations (workspace_id, customer_id);
create index conversations_assignee on conversations (workspace_id, assignee_id);

create table messages (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  conversation_id uuid not null,
  direction text not null check (direction in ('inbound', 'outbound')),
  author_type text not null check (author_type in ('customer', 'employee', 'integration', 'system')),
  author_id uuid,
  text text not null default '',
  attachments jsonb not null default '[]'::jsonb,
  idempotency_key text,
  created_at timestamptz not null default clock_timestamp(),
  unique (conversation_id, idempotency_key),
  foreign key (workspace_id, conversation_id) references conversations (workspace_id, id) on delete cascade
);
create index messages_conversation on messages (conversation_id, created_at, id);

create table notes (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  conversation_id uuid not null,
  author_id uuid,
  text text not null,
  created_at timestamptz not null default clock_timestamp(),
  foreign key (workspace_id, conversation_id) references conversations (workspace_id, id) on delete cascade
);
create index notes_conversation on notes (conversation_id, created_at);

create table attachments (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  storage_key text not null,
  file_name text not null,
  content_type text not null,
  size_bytes bigint not null,
  uploaded_by_type text not null check (uploaded_by_type in ('customer', 'employee', 'integration')),
  uploaded_by_id uuid,
  created_at timestamptz not null default now()
);

create table audit_log (
  id bigserial primary key,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  actor_type text not null,
  actor_id uuid,
  action text not null,
  target_type text,
  target_id text,
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index audit_log_recent on audit_log (workspace_id, id desc);

-- Realtime streams: a gapless sequence per stream, assigned under the head row's lock so
-- events of one stream commit in sequence order; a reconnecting client replays from here.
create table stream_heads (
  stream text primary key,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  last_seq bigint not null
);

create table stream_events (
  stream text not null,
  seq bigint not null,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  type text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  primary key (stream, seq)
);

create table instance_settings (
  key text primary key,
  value text not null
);
