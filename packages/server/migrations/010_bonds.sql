-- Bonds: how strongly each customer is tied to each employee, with the parts of the score kept as
-- the "why" (see modules/bonds/bond.score.ts for the formula). A row is rewritten whole whenever the
-- customer writes or is answered, and by the workspace's full recomputation.
create table bonds (
  workspace_id uuid not null,
  customer_id uuid not null,
  employee_id uuid not null,
  -- The score as of updated_at; it halves every 30 days of silence, so readers decay it to now.
  score double precision not null,
  components jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, customer_id, employee_id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade,
  foreign key (workspace_id, employee_id) references employees (workspace_id, id) on delete cascade
);
create index bonds_employee on bonds (workspace_id, employee_id);

-- Presence for routing: touched (at most once a minute) by the employee's authenticated requests
-- and socket connections; "seen in the last 5 minutes" counts as online.
alter table employees add column last_seen_at timestamptz;

-- Why a conversation went where it went is its `conversation.routed` audit entry, read by conversation.
create index audit_log_routed on audit_log (workspace_id, target_id) where action = 'conversation.routed';
