-- KPI dashboard (modules/kpis): resolution time reads the conversations resolved in a period (the
-- opening time included, for an index-only scan). First response's index is in 026, with the columns it reads.
create index conversations_resolved on conversations (workspace_id, resolved_at) include (created_at) where resolved_at is not null;
