-- KPI dashboard: time to react to a negative emotion starts at an alerting customer message (the
-- engine's alert, or an employee's correction to a negative emotion: the same expression as
-- ALERTING in modules/kpis/kpi.facts.ts, so the planner can use the partial index below) and ends at the
-- first employee reply or accepted suggestion in the conversation.
-- Neither suggestion index covers what a re-trigger rewrites (migration 009), so those stay HOT updates.
create index suggestions_accepted_conversation on suggestions (workspace_id, conversation_id, decided_at) where status = 'accepted';
-- Suggestions accepted and dismissed, by when they were decided.
create index suggestions_decided on suggestions (workspace_id, decided_at) where status in ('accepted', 'dismissed');

-- First response and time to react read two derived times that the database keeps on every message
-- insert, whatever wrote it (REST, batches, channels, demo data, imports), in the same transaction:
-- per customer message, the first employee message after it (replied_at); per conversation, its
-- first customer message and the first employee message after that. Reading them replaces two index
-- probes per conversation or alert, which made a year's chart take seconds on a million messages.
alter table messages add column replied_at timestamptz;
alter table conversations add column first_customer_message_at timestamptz, add column first_response_at timestamptz;
-- The alerting messages of a period, with what time to react reads (see the head of this file).
create index messages_alerting on messages (workspace_id, created_at) include (conversation_id, id, replied_at)
  where author_type = 'customer'
    and (case when emotion -> 'corrected' is null then coalesce((emotion ->> 'alert')::boolean, false) else (emotion -> 'corrected' ->> 'emotion') in ('anger', 'disgust', 'fear', 'sadness') end);
create index messages_awaiting_reply on messages (conversation_id, created_at) where author_type = 'customer' and replied_at is null;
-- First response reads the conversations opened in a period with their two times (index-only when the pages are still).
create index conversations_opened on conversations (workspace_id, created_at) include (first_customer_message_at, first_response_at);

create function kpi_message_times() returns trigger language plpgsql as $$
begin
  if new.author_type = 'customer' then
    new.replied_at := (select min(m.created_at) from messages m
      where m.conversation_id = new.conversation_id and m.author_type = 'employee' and m.created_at > new.created_at);
    update conversations set first_customer_message_at = new.created_at, first_response_at = new.replied_at
      where id = new.conversation_id and (first_customer_message_at is null or first_customer_message_at > new.created_at);
  elsif new.author_type = 'employee' then
    update messages set replied_at = new.created_at
      where conversation_id = new.conversation_id and author_type = 'customer' and replied_at is null and created_at < new.created_at;
    -- A live reply is the newest; only a back-dated one (an import, test data) can come before a reply already recorded.
    if new.created_at < now() - interval '1 minute' then
      update messages set replied_at = new.created_at
        where conversation_id = new.conversation_id and author_type = 'customer' and replied_at > new.created_at and created_at < new.created_at;
    end if;
    update conversations set first_response_at = new.created_at
      where id = new.conversation_id and first_customer_message_at < new.created_at and (first_response_at is null or first_response_at > new.created_at);
  end if;
  return new;
end $$;
create trigger messages_kpi_times before insert on messages for each row execute function kpi_message_times();

update messages m set replied_at = (select min(e.created_at) from messages e
  where e.conversation_id = m.conversation_id and e.author_type = 'employee' and e.created_at > m.created_at)
where m.author_type = 'customer';
update conversations c set first_customer_message_at = f.created_at, first_response_at = f.replied_at
from (select distinct on (conversation_id) conversation_id, created_at, replied_at from messages where author_type = 'customer' order by conversation_id, created_at) f
where c.id = f.conversation_id;
