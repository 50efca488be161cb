-- KPI dashboard: the mood trend reads every customer's mood points of a period; with the score in
-- the index an unfiltered chart is an index-only scan (the points are only ever appended).
create index customer_mood_points_period on customer_mood_points (workspace_id, at) include (score);
