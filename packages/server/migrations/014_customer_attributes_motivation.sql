-- Custom attributes defined per workspace, the customer's company, and the buying motivation an
-- employee chose (the inferred one is computed on read from the customer's messages).

-- A definition types and validates the customer attribute with the same key
-- (modules/customers/attribute-definition.service.ts); keys without one stay untyped.
create table customer_attribute_definitions (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label text not null,
  type text not null check (type in ('text', 'number', 'boolean', 'date', 'select')),
  options text[] not null default '{}',
  description text,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, key),
  check (type = 'select' or cardinality(options) = 0)
);

alter table customers
  add column company text,
  add column buying_motivation text check (buying_motivation in ('advice', 'technical', 'relationship')),
  add column buying_motivation_note text,
  add column buying_motivation_by uuid,
  add column buying_motivation_at timestamptz;
