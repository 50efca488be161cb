-- Guard against canned replies: a MinHash fingerprint of every employee reply with its LSH bands (the
-- index a check looks up), snippets filled per customer, and each use of a snippet.

create table reply_fingerprints (
  message_id uuid primary key references messages (id) on delete cascade,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  employee_id uuid not null,
  customer_id uuid not null,
  conversation_id uuid not null,
  sent_at timestamptz not null,
  language text not null,
  -- 128 MinHash values (little-endian uint32); null when the reply is too short to be judged.
  signature bytea,
  excerpt text not null,
  -- Judged when it was sent: earlier near-duplicates sent to other customers, and the closest one.
  near_duplicates integer not null default 0,
  similarity real not null default 0,
  canned boolean not null default false,
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create index reply_fingerprints_sent on reply_fingerprints (workspace_id, sent_at);

-- One row per band of each judged reply; the key carries the band number in its high bits.
create table reply_bands (
  workspace_id uuid not null,
  band_key bigint not null,
  message_id uuid not null references reply_fingerprints (message_id) on delete cascade,
  primary key (workspace_id, band_key, message_id)
);
create index reply_bands_message on reply_bands (message_id);

create table snippets (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  title text not null,
  body text not null,
  locale text not null check (locale in ('es', 'en')),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id)
);
create index snippets_by_title on snippets (workspace_id, title);

-- Kept when the snippet is deleted: past uses still count in the personalisation rate.
create table snippet_uses (
  message_id uuid primary key references messages (id) on delete cascade,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  snippet_id uuid,
  employee_id uuid not null,
  unchanged boolean not null,
  similarity real not null,
  created_at timestamptz not null default now(),
  foreign key (workspace_id, snippet_id) references snippets (workspace_id, id) on delete set null (snippet_id)
);
create index snippet_uses_snippet on snippet_uses (snippet_id);
