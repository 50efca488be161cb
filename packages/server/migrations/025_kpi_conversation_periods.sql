-- KPI dashboard (modules/kpis): first response time reads the conversations opened in a period,
-- resolution time those resolved in it.
create index conversations_opened on conversations (workspace_id, created_at);
create index conversations_resolved on conversations (workspace_id, resolved_at) where resolved_at is not null;
