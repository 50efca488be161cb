-- Action plans (modules/action-plans): what a team will do about a topic customers raise or a KPI, with
-- an owner, a due day, a status and its progress, and the progress notes written along the way.
create table action_plans (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  team_id uuid not null,
  title text not null,
  description text not null default '',
  -- Linked to exactly one of: a topic (its key, label and language when the plan was made) or a KPI.
  topic_key text,
  topic_label text,
  kpi text,
  owner_id uuid,
  due_on text not null check (due_on ~ '^\d{4}-\d{2}-\d{2}$'),
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'dropped')),
  progress smallint not null default 0 check (progress between 0 and 100),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz,
  unique (workspace_id, id),
  check ((topic_key is null) <> (kpi is null)),
  foreign key (workspace_id, team_id) references teams (workspace_id, id) on delete cascade,
  foreign key (workspace_id, owner_id) references employees (workspace_id, id) on delete set null (owner_id)
);
create index action_plans_team on action_plans (workspace_id, team_id, status);
create index action_plans_topic on action_plans (workspace_id, topic_key) where topic_key is not null;

create table action_plan_notes (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  plan_id uuid not null,
  author_id uuid,
  text text not null,
  -- What the note changed, if anything: the plan's progress and status after it.
  progress smallint check (progress between 0 and 100),
  status text check (status in ('planned', 'in_progress', 'done', 'dropped')),
  created_at timestamptz not null default clock_timestamp(),
  foreign key (workspace_id, plan_id) references action_plans (workspace_id, id) on delete cascade,
  foreign key (workspace_id, author_id) references employees (workspace_id, id) on delete set null (author_id)
);
create index action_plan_notes_plan on action_plan_notes (plan_id, created_at);
