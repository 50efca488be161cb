-- Sequence numbers are assigned at commit by a deferred trigger instead of during the
-- transaction: the stream's head row is then locked only while PostgreSQL commits, never while
-- the application is busy between its last statement and COMMIT. Events of a stream still
-- commit in sequence order (the head lock is released after the commit becomes visible).
alter table stream_events drop constraint stream_events_pkey;
alter table stream_events add column id bigserial;
alter table stream_events add primary key (id);
alter table stream_events alter column seq drop not null;
create unique index stream_events_stream_seq on stream_events (stream, seq);

create function assign_stream_seq() returns trigger language plpgsql as $$
declare
  next_seq bigint;
begin
  insert into stream_heads (stream, workspace_id, last_seq) values (new.stream, new.workspace_id, 1)
  on conflict (stream) do update set last_seq = stream_heads.last_seq + 1
  returning last_seq into next_seq;
  update stream_events set seq = next_seq where id = new.id;
  return null;
end
$$;

create constraint trigger stream_events_assign_seq after insert on stream_events
  deferrable initially deferred for each row execute function assign_stream_seq();
