-- Workspaces whose default playbooks were seeded before surveys existed get the "low survey score"
-- default too (modules/reaction/default-playbooks.data.ts; new workspaces get it when seeded).
insert into playbooks (workspace_id, key, name, description, enabled, priority, condition, actions)
select workspace_id,
  'low-survey-score',
  '{"es":"Encuesta con nota baja","en":"Low survey score"}'::jsonb,
  '{"es":"El cliente ha valorado mal la atención en la encuesta: que le llame quien le atendió para entender qué falló, y un seguimiento.","en":"The customer scored us low in the survey: a call from whoever helped them to understand what went wrong, and a follow-up."}'::jsonb,
  true,
  75,
  '{"field":"surveyLow","op":"eq","value":true}'::jsonb,
  '[{"type":"personal_call","by":"assignee"},{"type":"follow_up","hours":48}]'::jsonb
from reaction_settings
on conflict (workspace_id, key) do nothing;
