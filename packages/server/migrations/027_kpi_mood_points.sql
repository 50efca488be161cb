-- KPI dashboard: mood points and strongest bonds. The mood trend reads every customer's mood points
-- of a period. Each point keeps the conversation of its message (set by a trigger on insert, whoever writes the point), so a team,
-- channel or employee filter joins conversations only, not the million messages; with the score and
-- the conversation in the index the chart reads the index alone (points are only ever appended).
alter table customer_mood_points add column conversation_id uuid;
create function kpi_mood_point_conversation() returns trigger language plpgsql as $$
begin
  new.conversation_id := (select m.conversation_id from messages m where m.id = new.message_id);
  return new;
end $$;
create trigger customer_mood_points_conversation before insert on customer_mood_points for each row execute function kpi_mood_point_conversation();
update customer_mood_points p set conversation_id = m.conversation_id from messages m where m.id = p.message_id;
create index customer_mood_points_period on customer_mood_points (workspace_id, at) include (score, conversation_id);

-- Bond concentration: each customer's strongest bond with an active employee and the share of their
-- bond score it holds, kept up to date on every write to bonds (and when someone is deactivated or
-- comes back), so the chart groups a ready table instead of ranking every bond of the workspace.
-- Bonds all fade at the same rate (bonds/bond.service.ts: half-life 30 days), so which bond is a
-- customer's strongest, and its share, change only when one of the customer's bonds is written:
-- score × 2^(updated_at / 30 days) orders them exactly as the decayed scores do, at any later moment.
create table kpi_strongest_bonds (
  workspace_id uuid not null,
  customer_id uuid not null,
  employee_id uuid not null,
  top_share double precision not null,
  primary key (workspace_id, customer_id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create index kpi_strongest_bonds_employee on kpi_strongest_bonds (workspace_id, employee_id, top_share desc);

create function kpi_refresh_strongest_bonds(ws uuid, customers uuid[]) returns void language plpgsql as $$
begin
  delete from kpi_strongest_bonds k using unnest(customers) as c (id) where k.workspace_id = ws and k.customer_id = c.id;
  insert into kpi_strongest_bonds (workspace_id, customer_id, employee_id, top_share)
  select distinct on (w.customer_id) ws, w.customer_id, w.employee_id, w.weight / w.total
  from (
    select b.customer_id, b.employee_id, b.weight, sum(b.weight) over (partition by b.customer_id) as total
    from (
      select b.customer_id, b.employee_id, b.score * power(2::float8, date_part('epoch', b.updated_at - timestamptz '2025-01-01 00:00:00+00') / 2592000) as weight
      from unnest(customers) as c (id)
      join bonds b on b.workspace_id = ws and b.customer_id = c.id
      join employees e on e.workspace_id = b.workspace_id and e.id = b.employee_id
      where e.active
    ) b
  ) w
  where w.total > 0
  order by w.customer_id, w.weight desc, w.employee_id;
end $$;

create function kpi_bonds_changed() returns trigger language plpgsql as $$
declare
  batch record;
begin
  if tg_op = 'DELETE' then
    for batch in select o.workspace_id, array_agg(distinct o.customer_id) as ids from old_rows o group by o.workspace_id loop
      perform kpi_refresh_strongest_bonds(batch.workspace_id, batch.ids);
    end loop;
  elsif tg_op = 'UPDATE' then
    -- A bond moved to another customer (a merge) changes both.
    for batch in select u.workspace_id, array_agg(distinct u.customer_id) as ids
        from (select workspace_id, customer_id from old_rows union select workspace_id, customer_id from new_rows) u group by u.workspace_id loop
      perform kpi_refresh_strongest_bonds(batch.workspace_id, batch.ids);
    end loop;
  else
    for batch in select n.workspace_id, array_agg(distinct n.customer_id) as ids from new_rows n group by n.workspace_id loop
      perform kpi_refresh_strongest_bonds(batch.workspace_id, batch.ids);
    end loop;
  end if;
  return null;
end $$;
create trigger bonds_kpi_inserted after insert on bonds referencing new table as new_rows for each statement execute function kpi_bonds_changed();
create trigger bonds_kpi_updated after update on bonds referencing old table as old_rows new table as new_rows for each statement execute function kpi_bonds_changed();
create trigger bonds_kpi_deleted after delete on bonds referencing old table as old_rows for each statement execute function kpi_bonds_changed();

create function kpi_employee_activity_changed() returns trigger language plpgsql as $$
begin
  perform kpi_refresh_strongest_bonds(new.workspace_id, array(select b.customer_id from bonds b where b.workspace_id = new.workspace_id and b.employee_id = new.id));
  return null;
end $$;
create trigger employees_kpi_active after update of active on employees for each row when (old.active is distinct from new.active) execute function kpi_employee_activity_changed();

select kpi_refresh_strongest_bonds(w.workspace_id, w.ids)
from (select workspace_id, array_agg(distinct customer_id) as ids from bonds group by workspace_id) w;
