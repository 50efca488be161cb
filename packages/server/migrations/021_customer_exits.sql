-- A customer who left: posted by the company's system (API token) or marked by an employee. Its exit
-- survey (surveys.kind = 'exit') asks why; the answer's reason is in survey_responses.answers.
create table customer_exits (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  customer_id uuid not null,
  -- The company's id for the churn event: posting it again records nothing new.
  external_id text,
  at timestamptz not null,
  note text,
  survey_id uuid,
  actor_type text not null,
  actor_id uuid,
  created_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade,
  foreign key (workspace_id, survey_id) references surveys (workspace_id, id) on delete set null (survey_id)
);
create unique index customer_exits_external on customer_exits (workspace_id, external_id) where external_id is not null;
create index customer_exits_at on customer_exits (workspace_id, at);
create index customer_exits_customer on customer_exits (workspace_id, customer_id, at desc);
