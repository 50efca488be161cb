-- KPI dashboard: the mood trend reads every customer's mood points of a period. Each point keeps the
-- conversation of its message (set by a trigger on insert, whoever writes the point), so a team,
-- channel or employee filter joins conversations only, not the million messages; with the score and
-- the conversation in the index the chart reads the index alone (points are only ever appended).
alter table customer_mood_points add column conversation_id uuid;
create function kpi_mood_point_conversation() returns trigger language plpgsql as $$
begin
  new.conversation_id := (select m.conversation_id from messages m where m.id = new.message_id);
  return new;
end $$;
create trigger customer_mood_points_conversation before insert on customer_mood_points for each row execute function kpi_mood_point_conversation();
update customer_mood_points p set conversation_id = m.conversation_id from messages m where m.id = p.message_id;
create index customer_mood_points_period on customer_mood_points (workspace_id, at) include (score, conversation_id);
