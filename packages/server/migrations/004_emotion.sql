-- How each customer feels: the emotion of every inbound message, the customer's mood over time,
-- and employees' corrections of the engine (kept as extra training data).
alter table messages add column emotion jsonb;

-- The current mood: a rolling valence score that fades towards neutral while the customer is quiet.
create table customer_moods (
  workspace_id uuid not null,
  customer_id uuid not null primary key,
  score real not null,
  trend text not null check (trend in ('improving', 'stable', 'worsening')),
  alert boolean not null default false,
  updated_at timestamptz not null,
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);

-- One point per inbound message with an emotion: the mood timeline.
create table customer_mood_points (
  id bigserial primary key,
  workspace_id uuid not null,
  customer_id uuid not null,
  message_id uuid not null references messages (id) on delete cascade,
  at timestamptz not null,
  emotion text not null,
  valence real not null,
  intensity real not null,
  score real not null,
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create index customer_mood_points_timeline on customer_mood_points (customer_id, at);

create table emotion_corrections (
  message_id uuid primary key references messages (id) on delete cascade,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  employee_id uuid,
  predicted_emotion text not null,
  emotion text not null check (emotion in ('anger', 'disgust', 'fear', 'joy', 'sadness', 'surprise', 'neutral')),
  polarity text not null check (polarity in ('negative', 'neutral', 'positive')),
  created_at timestamptz not null default now()
);
create index emotion_corrections_recent on emotion_corrections (workspace_id, created_at);
