-- The team score's weights and window (modules/action-plans/team-score); a workspace without a row uses
-- the defaults (action-plan progress 0.5, negative-topic trend 0.3, survey score 0.2, 30 days).
create table team_score_settings (
  workspace_id uuid primary key references workspaces (id) on delete cascade,
  settings jsonb not null default '{}'::jsonb,
  updated_at timestamptz not null default now(),
  updated_by uuid
);
