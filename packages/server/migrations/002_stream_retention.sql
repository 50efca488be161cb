-- Lets the retention job find old realtime events without scanning every stream.
create index stream_events_created on stream_events (created_at);
