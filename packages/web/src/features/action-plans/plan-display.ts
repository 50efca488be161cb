import type { Me } from '../../api/api.types.ts';
import type { ActionPlan, PlanInput, TeamScore, Topic } from '../../api/voice-types.ts';

export type Viewer = { role: 'admin' | 'manager' | 'agent'; employeeId: string | null; teamId: string | null };

export const viewerOf = (me: Pick<Me, 'role' | 'employee'>): Viewer => ({ role: me.role, employeeId: me.employee?.id ?? null, teamId: me.employee?.teamId ?? null });

// The server's rule, mirrored to show or hide buttons: admins edit every team's plans, a manager their own team's.
export const canEditTeam = (me: Viewer, teamId: string) => me.role === 'admin' || (me.role === 'manager' && me.teamId === teamId);

// The owner may also write progress notes on their plan.
export const canWriteNotes = (me: Viewer, plan: Pick<ActionPlan, 'team' | 'owner'>) => canEditTeam(me, plan.team.id) || (!!me.employeeId && plan.owner?.id === me.employeeId);

export type PlanForm = { teamId: string; title: string; description: string; ownerId: string; dueOn: string; link: PlanInput['link'] | null };
export type PlanFormErrors = Partial<Record<'teamId' | 'title' | 'ownerId' | 'dueOn' | 'link', 'required' | 'tooLong' | 'past'>>;

// What the form can tell before asking the server; the server checks again.
export function checkPlanForm(f: PlanForm, today: string): PlanFormErrors {
  const errors: PlanFormErrors = {};
  if (!f.teamId) errors.teamId = 'required';
  if (!f.title.trim()) errors.title = 'required';
  else if (f.title.trim().length > 200) errors.title = 'tooLong';
  if (!f.ownerId) errors.ownerId = 'required';
  if (!f.dueOn) errors.dueOn = 'required';
  else if (f.dueOn < today) errors.dueOn = 'past';
  if (!f.link) errors.link = 'required';
  return errors;
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// A plan started from a topic: linked to it, owned by whoever makes it, due in 30 days.
export function formFromTopic(topic: Pick<Topic, 'id' | 'label'>, me: Viewer, title: string, today: string): PlanForm {
  return { teamId: me.teamId ?? '', title, description: '', ownerId: me.employeeId ?? '', dueOn: addDays(today, 30), link: { type: 'topic', topicId: topic.id, label: topic.label } };
}

export type ScoreRow = { part: 'plans' | 'trend' | 'survey'; value: number | null; weightPercent: number; counted: boolean };

// The score card's rows: each part, its value and the share of the score it carries now.
export function scoreRows(s: TeamScore): ScoreRow[] {
  return (['plans', 'trend', 'survey'] as const).map((part) => ({
    part,
    value: s.parts[part].value,
    weightPercent: Math.round(s.parts[part].effectiveWeight * 100),
    counted: s.parts[part].effectiveWeight > 0,
  }));
}
