-- KPI dashboard: the mood trend reads every customer's mood points of a period.
create index customer_mood_points_period on customer_mood_points (workspace_id, at);
