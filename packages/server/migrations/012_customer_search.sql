-- Customer search. Words of the name, accents and case aside, through a full-text index (each word of
-- the query as a prefix: "mar gar" finds María García); names spelt a little differently through a
-- trigram index (used only when the words find too little); any part of an email or of the phone's
-- digits through trigram indexes. None of them reads every customer of the workspace.
create index customers_name_words on customers using gin (to_tsvector('simple', customer_name_key(coalesce(name, '')))) where merged_into_id is null;
create index customers_name_search on customers using gin (customer_name_key(name) gin_trgm_ops) where merged_into_id is null;
create index customers_email_search on customers using gin (email gin_trgm_ops) where merged_into_id is null;
create index customers_phone_search on customers using gin (customer_phone_key(phone) gin_trgm_ops) where merged_into_id is null;
