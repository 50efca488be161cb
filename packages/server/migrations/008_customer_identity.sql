-- One profile per person: probable duplicates proposed to employees (names compared with pg_trgm's
-- similarity, shared email or phone), and merges that are recorded with what they moved, so they can be undone.
create extension if not exists pg_trgm;

-- What names are compared on: lower case without Spanish and common Latin accents ("María" ~ "maria").
-- Immutable, unlike unaccent(), so it can be used in index expressions.
create function customer_name_key(name text) returns text
  language sql immutable parallel safe
  as $$ select translate(lower(name), 'áàâäãåéèêëíìîïóòôöõúùûüñçý', 'aaaaaaeeeeiiiiooooouuuuncy') $$;

-- Blocking keys for the duplicate scan: every pair of words of the name (particles such as "de" left
-- out), or the one word of a one-word name. Two names are compared only when they share a key, so a
-- scan does not compare every customer with every other (measured on PostgreSQL with generated
-- Spanish names: a trigram index lookup per customer took ~10 ms at 30k customers, too slow for 100k;
-- a whole scan of 100k customers through these keys took 44 s).
create function customer_name_blocks(name text) returns text[]
  language sql immutable parallel safe
  as $$
    with w as (
      select distinct w from unnest(regexp_split_to_array(customer_name_key(name), '[[:space:][:punct:]]+')) w
      where length(w) >= 2 and w <> all (array['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'das', 'do', 'dos', 'di', 'van', 'von', 'der', 'le', 'el'])
    )
    select coalesce(array_agg(k), '{}') from (
      select a.w || ' ' || b.w as k from w a join w b on a.w < b.w
      union all
      select w from w where (select count(*) from w) = 1
    ) keys
  $$;

-- Phones as digits and "+", so profiles written before E.164 normalisation still match.
create function customer_phone_key(phone text) returns text
  language sql immutable parallel safe
  as $$ select regexp_replace(phone, '[^0-9+]', '', 'g') $$;

-- A merged-away customer stays, hidden, so every row it owned keeps a valid reference and an
-- unmerge only has to point things back.
alter table customers
  add column merged_into_id uuid,
  add column merged_at timestamptz,
  add foreign key (workspace_id, merged_into_id) references customers (workspace_id, id) on delete set null (merged_into_id);
create index customers_phone on customers (workspace_id, customer_phone_key(phone)) where phone is not null;

-- The identity a conversation came through: after a merge, a new conversation started through an
-- identity of the merged-away customer goes back with that identity on unmerge.
alter table conversations add column identity_id uuid references customer_identities (id) on delete set null;
create index conversations_identity on conversations (identity_id) where identity_id is not null;

create table customer_merges (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  survivor_id uuid not null,
  absorbed_id uuid not null,
  -- 'manual' (an employee chose field by field) or 'verified_identity' (automatic).
  kind text not null check (kind in ('manual', 'verified_identity')),
  -- Which customer's value each field kept: { name: 'absorbed', attributes: { plan: 'survivor' } }.
  choices jsonb not null,
  -- Both profiles before the merge and the ids of every row it moved or created: enough to undo it.
  snapshot jsonb not null,
  proposal_id uuid,
  actor_type text not null,
  actor_id uuid,
  merged_at timestamptz not null default now(),
  unmerged_at timestamptz,
  unmerged_by_type text,
  unmerged_by uuid,
  unmerge_summary jsonb,
  unique (workspace_id, id),
  foreign key (workspace_id, survivor_id) references customers (workspace_id, id) on delete cascade,
  foreign key (workspace_id, absorbed_id) references customers (workspace_id, id) on delete cascade
);
create index customer_merges_survivor on customer_merges (workspace_id, survivor_id, merged_at desc);
create index customer_merges_absorbed on customer_merges (workspace_id, absorbed_id, merged_at desc);
-- A customer is merged away at most once at a time.
create unique index customer_merges_live on customer_merges (workspace_id, absorbed_id) where unmerged_at is null;

-- One row per pair (the smaller id first). A dismissed pair stays dismissed when scanned again.
create table customer_duplicates (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  customer_a_id uuid not null,
  customer_b_id uuid not null,
  score real not null,
  -- [{ kind: 'same_phone', value: '+34…' }, { kind: 'similar_name', similarity: 0.82 }, …]
  reasons jsonb not null,
  status text not null default 'open' check (status in ('open', 'dismissed', 'merged')),
  merge_id uuid,
  decided_at timestamptz,
  decided_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (customer_a_id < customer_b_id),
  unique (workspace_id, customer_a_id, customer_b_id),
  foreign key (workspace_id, customer_a_id) references customers (workspace_id, id) on delete cascade,
  foreign key (workspace_id, customer_b_id) references customers (workspace_id, id) on delete cascade
);
create index customer_duplicates_queue on customer_duplicates (workspace_id, status, created_at desc, id desc);
create index customer_duplicates_b on customer_duplicates (workspace_id, customer_b_id);
