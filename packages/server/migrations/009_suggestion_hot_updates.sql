-- A re-trigger rewrites a live suggestion's reason, last trigger and updated_at, ~3 times per
-- unhappy message under load. With updated_at in an index every such update also rewrote all five
-- indexes; without it, and with room left on each page, PostgreSQL updates the row in place (a
-- HOT update). Lists of suggestions now sort the rows of one status, which stay few.
drop index suggestions_status;
create index suggestions_status on suggestions (workspace_id, status);
alter table suggestions set (fillfactor = 70);
