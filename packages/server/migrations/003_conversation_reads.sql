-- How far each employee has read each conversation: the inbox counts inbound messages after it.
create table conversation_reads (
  workspace_id uuid not null,
  conversation_id uuid not null,
  employee_id uuid not null,
  last_read_at timestamptz not null,
  primary key (conversation_id, employee_id),
  foreign key (workspace_id, conversation_id) references conversations (workspace_id, id) on delete cascade,
  foreign key (workspace_id, employee_id) references employees (workspace_id, id) on delete cascade
);
