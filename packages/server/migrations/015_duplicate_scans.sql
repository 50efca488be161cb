-- Every duplicate scan, asked for by an employee or run on schedule: when, how much it looked at and
-- found, or why it failed. The scheduler scans a workspace again only when customers changed since.
create table duplicate_scans (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  trigger text not null check (trigger in ('manual', 'scheduled')),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  scanned integer not null default 0,
  pairs integer not null default 0,
  error text
);
create index duplicate_scans_workspace on duplicate_scans (workspace_id, started_at desc);
