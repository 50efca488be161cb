-- The customer's profile beyond identity: orders and events posted by the company's systems and the
-- value kept from them, tags and interests, consent with its history, and the preferred channel an
-- employee chose (the learned one is computed on read from the messages).

-- Tags and interests: trimmed, lower-case, at most 50 of each (modules/customers/customer-profile.service.ts).
alter table customers
  add column tags text[] not null default '{}',
  add column interests text[] not null default '{}',
  add column preferred_channel text,
  add column preferred_channel_by uuid,
  add column preferred_channel_at timestamptz;
create index customers_tags on customers using gin (tags) where merged_into_id is null;

-- One row per order or event of the company's systems; posting the same external id again is a no-op.
create table customer_orders (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  customer_id uuid not null,
  external_id text not null,
  kind text not null check (kind in ('purchase', 'refund', 'event')),
  amount numeric(20, 4) not null check (amount >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  description text,
  at timestamptz not null,
  actor_type text not null,
  actor_id uuid,
  created_at timestamptz not null default now(),
  unique (workspace_id, external_id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create index customer_orders_customer on customer_orders (workspace_id, customer_id, at desc);

-- Kept on write with each order: purchases minus refunds per customer and currency.
create table customer_values (
  workspace_id uuid not null,
  customer_id uuid not null,
  currency text not null,
  lifetime numeric(20, 4) not null default 0,
  purchases integer not null default 0,
  last_purchase_at timestamptz,
  primary key (workspace_id, customer_id, currency),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);

-- Orders per currency and workspace: the most used one is the workspace's main currency, in which a
-- customer's value is shown and compared.
create table workspace_currencies (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  currency text not null,
  orders integer not null default 0,
  primary key (workspace_id, currency)
);

-- Append-only: every consent change, with who made it and where it came from. The latest row per
-- purpose is the customer's consent.
create table customer_consents (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  customer_id uuid not null,
  purpose text not null check (purpose in ('marketing', 'surveys')),
  granted boolean not null,
  source text,
  actor_type text not null,
  actor_id uuid,
  at timestamptz not null default clock_timestamp(),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create index customer_consents_customer on customer_consents (workspace_id, customer_id, at desc);
