-- Topics (modules/topics) are computed on demand from survey comments and customer messages; the result
-- of one set of filters is kept here for a few minutes so a page and its detail views do not recompute it.
-- Rows are replaced on the next computation after they expire; an hourly job removes those older than a
-- day, so the quotes they hold (customer texts) never outlive an erasure by much more than that.
create table topic_snapshots (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  cache_key text not null,
  computed_at timestamptz not null default now(),
  result jsonb not null,
  primary key (workspace_id, cache_key)
);
create index topic_snapshots_age on topic_snapshots (computed_at);

-- Topics read a workspace's newest customer messages (a bounded sample): without this they would scan
-- every message of the workspace.
create index messages_customer_recent on messages (workspace_id, created_at desc) where direction = 'inbound' and author_type = 'customer';
