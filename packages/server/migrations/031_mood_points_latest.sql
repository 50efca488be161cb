-- A customer's latest mood points, newest first with the id as tie-break (mood.service.ts lastPoints,
-- reaction customer-state and outcomes): the index gives them in that order, so each customer's read
-- stops after its last few points instead of reading all of them and sorting. It replaces the
-- (customer_id, at) index, whose reads it serves too.
create index customer_mood_points_latest on customer_mood_points (customer_id, at, id);
drop index customer_mood_points_timeline;
