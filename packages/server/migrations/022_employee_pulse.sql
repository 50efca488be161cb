-- Employee pulse (modules/surveys/pulse.*): eNPS and a few engagement questions, anonymous.
create table pulse_rounds (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  title text not null,
  questions jsonb not null,
  opens_at timestamptz not null default now(),
  closes_at timestamptz not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  unique (workspace_id, id)
);
create index pulse_rounds_recent on pulse_rounds (workspace_id, opens_at desc);

-- Who has answered a round, so nobody answers twice: only that. No time and no link to the answer,
-- so the two tables cannot be matched by when or in which order rows were written.
create table pulse_participants (
  workspace_id uuid not null,
  round_id uuid not null,
  employee_id uuid not null,
  primary key (round_id, employee_id),
  foreign key (workspace_id, round_id) references pulse_rounds (workspace_id, id) on delete cascade
);

-- The answers: never the employee, nor a time; only the team they were in, to group results.
create table pulse_answers (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  round_id uuid not null,
  team_id uuid,
  enps smallint not null check (enps between 0 and 10),
  answers jsonb not null default '{}'::jsonb,
  foreign key (workspace_id, round_id) references pulse_rounds (workspace_id, id) on delete cascade
);
create index pulse_answers_round on pulse_answers (workspace_id, round_id, team_id);
