-- KPI dashboard: time to react to a negative emotion starts at an alerting customer message (the
-- engine's alert, or an employee's correction to a negative emotion: the same expression as
-- ALERTING in modules/kpis/kpi.facts.ts, so the planner can use this partial index) and ends at the
-- first employee reply or accepted suggestion in the conversation.
create index messages_alerting on messages (workspace_id, created_at)
  where author_type = 'customer'
    and (case when emotion -> 'corrected' is null then coalesce((emotion ->> 'alert')::boolean, false) else (emotion -> 'corrected' ->> 'emotion') in ('anger', 'disgust', 'fear', 'sadness') end);
-- Neither suggestion index covers what a re-trigger rewrites (migration 009), so those stay HOT updates.
create index suggestions_accepted_conversation on suggestions (workspace_id, conversation_id, decided_at) where status = 'accepted';
-- Suggestions accepted and dismissed, by when they were decided.
create index suggestions_decided on suggestions (workspace_id, decided_at) where status in ('accepted', 'dismissed');
