-- Workspace-stream events of the hottest write (a message) are staged here inside the message's
-- transaction and numbered afterwards, many at a time. Numbering them in the message's own
-- transaction held the workspace head's row lock until commit, so every message of a workspace
-- queued behind the previous one's commit round trip.
create table stream_outbox (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  stream text not null,
  type text not null,
  payload jsonb not null,
  created_at timestamptz not null default now()
);
create index stream_outbox_workspace on stream_outbox (workspace_id, id);
