-- A message sent through a channel carries its delivery state, so every screen shows it (issue 7).
alter table messages add column delivery_status text check (delivery_status in ('queued', 'sent', 'delivered', 'read', 'failed'));
alter table messages add column delivery_error text;
