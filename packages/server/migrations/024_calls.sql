-- Audio and video calls between a website visitor and an employee (modules/calls). Media goes
-- browser to browser; Vínculo keeps who, when, how it ended and the quality each side measured.
create table calls (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  conversation_id uuid not null,
  customer_id uuid not null,
  media text not null check (media in ('audio', 'video')),
  -- inbound: the customer called from the website; outbound: an employee called the customer back.
  direction text not null check (direction in ('inbound', 'outbound')),
  status text not null check (status in ('ringing', 'active', 'ended', 'missed', 'declined', 'failed')),
  -- Inbound calls ring the employees of ring_queue one after another, ring_index being the current one.
  ring_queue uuid[] not null default '{}',
  ring_index integer not null default 0,
  ring_deadline timestamptz,
  ring_reason text,
  caller_employee_id uuid,
  answered_by uuid,
  created_at timestamptz not null default now(),
  answered_at timestamptz,
  ended_at timestamptz,
  ended_by text check (ended_by in ('customer', 'employee', 'system')),
  end_reason text,
  quality jsonb not null default '{}'::jsonb,
  -- A missed call stays on the team's list until someone calls back or marks it handled.
  handled_at timestamptz,
  handled_by uuid,
  unique (workspace_id, id),
  foreign key (workspace_id, conversation_id) references conversations (workspace_id, id) on delete cascade,
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create index calls_conversation on calls (workspace_id, conversation_id, created_at desc);
create index calls_customer on calls (workspace_id, customer_id, created_at desc);
create index calls_ringing on calls (ring_deadline) where status = 'ringing';
create index calls_missed on calls (workspace_id, created_at desc) where status in ('missed', 'declined') and direction = 'inbound' and handled_at is null;
-- One live call per conversation.
create unique index calls_live on calls (conversation_id) where status in ('ringing', 'active');
