-- Customer search finds any part of a name (accents and case aside), an email or a phone, and names
-- spelt a little differently (trigram similarity), through trigram indexes instead of reading every
-- customer of the workspace.
create index customers_name_search on customers using gin (customer_name_key(name) gin_trgm_ops) where merged_into_id is null;
create index customers_email_search on customers using gin (email gin_trgm_ops) where merged_into_id is null;
create index customers_phone_search on customers using gin (customer_phone_key(phone) gin_trgm_ops) where merged_into_id is null;
