-- Channels (issue 7): a workspace's connections to e-mail and messaging networks, and the link
-- between each stored message and the network's own message (de-duplication, threading, receipts,
-- the outbound delivery queue).

create table channels (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  kind text not null check (kind in ('email', 'whatsapp', 'telegram', 'messenger', 'instagram', 'sms')),
  name text not null,
  -- What is not secret: addresses, phone number id, page id, API base URL…
  settings jsonb not null default '{}'::jsonb,
  -- AES-256-GCM sealed JSON of tokens and app secrets; never returned by the API.
  secrets text,
  -- E-mail addresses this channel receives for, lower-cased (unique across workspaces, checked on write).
  addresses text[] not null default '{}',
  -- The path segment of its webhook URL and the token the network echoes back on verification.
  webhook_key text not null unique,
  verify_token text not null,
  active boolean not null default true,
  last_inbound_at timestamptz,
  last_error text,
  last_error_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id)
);
create index channels_workspace on channels (workspace_id, kind);

create table channel_messages (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  channel_id uuid not null,
  conversation_id uuid not null,
  message_id uuid,
  direction text not null check (direction in ('inbound', 'outbound')),
  -- The network's id of the message (wamid, Telegram chat:message, mid, SMS sid, RFC 5322 Message-ID).
  external_id text,
  -- Who is on the other side, as the network addresses them (wa_id, chat id, PSID, phone, e-mail).
  peer text not null,
  status text not null check (status in ('received', 'queued', 'sent', 'delivered', 'read', 'failed')),
  error text,
  attempts int not null default 0,
  next_attempt_at timestamptz,
  -- What the view does not show: the original e-mail (quotes, signature, sanitised HTML), media refs.
  original jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (channel_id, direction, external_id),
  foreign key (workspace_id, channel_id) references channels (workspace_id, id) on delete cascade,
  foreign key (workspace_id, conversation_id) references conversations (workspace_id, id) on delete cascade
);
create index channel_messages_conversation on channel_messages (conversation_id, created_at);
create index channel_messages_message on channel_messages (message_id);
create index channel_messages_due on channel_messages (next_attempt_at) where status = 'queued';
