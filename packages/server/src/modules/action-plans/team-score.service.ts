import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { surveyScores } from '../kpis/kpi.service.ts';
import { sentimentLabel } from '../topics/topic-snapshot.ts';
import { topicSnapshot } from '../topics/topic.service.ts';
import { DEFAULT_TEAM_SCORE_SETTINGS, SCORE_PARTS, teamScoreSettingsSchema, type ScorePart, type TeamScoreSettings, type TeamScoreSettingsPatch } from './team-score.schema.ts';

const DAY = 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp100 = (n: number) => Math.max(0, Math.min(100, n));
const dayOffset = (d: string, days: number) => new Date(Date.parse(`${d}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export async function getTeamScoreSettings(scope: TenantScope): Promise<TeamScoreSettings> {
  const row = await scope.selectFrom('team_score_settings').select('settings').executeTakeFirst();
  const stored = (row?.settings ?? {}) as Partial<TeamScoreSettings>;
  const parsed = teamScoreSettingsSchema.safeParse({ ...DEFAULT_TEAM_SCORE_SETTINGS, ...stored, weights: { ...DEFAULT_TEAM_SCORE_SETTINGS.weights, ...stored.weights } });
  return parsed.success ? parsed.data : DEFAULT_TEAM_SCORE_SETTINGS;
}

export async function updateTeamScoreSettings(scope: TenantScope, actor: AuditActor, patch: TeamScoreSettingsPatch): Promise<TeamScoreSettings> {
  return scope.transaction(async (trx) => {
    const current = await getTeamScoreSettings(trx);
    const next = teamScoreSettingsSchema.safeParse({ ...current, ...patch, weights: { ...current.weights, ...patch.weights } });
    if (!next.success) {
      const issues = next.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message }));
      throw new AppError('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
    }
    const settings = JSON.stringify(next.data);
    await trx
      .insertInto('team_score_settings', { settings, updated_at: new Date(), updated_by: actor.id })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ settings, updated_at: new Date(), updated_by: actor.id }))
      .execute();
    await recordAudit(trx, actor, { action: 'team_score.settings_changed', targetType: 'workspace', targetId: scope.workspaceId, details: patch });
    return next.data;
  });
}

export type Window = { from: string; to: string };
type Part<D> = { value: number | null; weight: number; effectiveWeight: number } & D;
export type TeamScore = {
  team: { id: string; name: string };
  window: Window;
  score: number | null;
  parts: {
    plans: Part<{ plans: number; done: number; overdue: number }>;
    trend: Part<{ previous: Window & TrendWindow; current: Window & TrendWindow }>;
    survey: Part<{ basis: 'csat' | 'nps' | null; csat: number | null; nps: number | null; answers: number }>;
  };
};
type TrendWindow = { mentions: number; negative: number; share: number | null };

// Plans part: the mean progress of the team's plans that count now — open ones, and those done in the
// window (done is 100 %). Dropped plans do not count.
async function plansPart(scope: TenantScope, teamId: string, w: Window) {
  const rows = await scope
    .selectFrom('action_plans')
    .select(['status', 'progress', 'due_on'])
    .where('team_id', '=', teamId)
    .where((eb) => eb.or([eb('status', 'in', ['planned', 'in_progress']), eb.and([eb('status', '=', 'done'), eb('completed_at', '>=', new Date(`${w.from}T00:00:00Z`))])]))
    .execute();
  const value = rows.length ? round1(rows.reduce((a, r) => a + r.progress, 0) / rows.length) : null;
  return { value, plans: rows.length, done: rows.filter((r) => r.status === 'done').length, overdue: rows.filter((r) => r.status !== 'done' && r.due_on < w.to).length };
}

// Trend part: the share of negative topic mentions in this window against the window before.
// 50 = no change; each percentage point it fell adds 1 (a fall from 40 % to 10 % gives 80), each it rose takes 1.
async function trendPart(scope: TenantScope, teamId: string, w: Window, days: number) {
  const previous = { from: dayOffset(w.from, -days), to: dayOffset(w.from, -1) };
  const snapshot = await topicSnapshot(scope, { from: previous.from, to: w.to, source: 'all', teamId });
  const counts = { previous: { mentions: 0, negative: 0 }, current: { mentions: 0, negative: 0 } };
  for (const topic of snapshot.topics) {
    for (const id of topic.mentionIds) {
      const m = snapshot.texts[id]!;
      const side = m.at.slice(0, 10) >= w.from ? counts.current : counts.previous;
      side.mentions++;
      if (sentimentLabel(m.sentiment) === 'negative') side.negative++;
    }
  }
  const share = (c: { mentions: number; negative: number }) => (c.mentions ? c.negative / c.mentions : null);
  const [before, now] = [share(counts.previous), share(counts.current)];
  const value = before === null || now === null ? null : round1(clamp100(50 + 100 * (before - now)));
  const view = (c: { mentions: number; negative: number }): TrendWindow => ({ ...c, share: c.mentions ? round1((c.negative / c.mentions) * 100) : null });
  return { value, previous: { ...previous, ...view(counts.previous) }, current: { ...w, ...view(counts.current) } };
}

// Survey part: CSAT % of the team's answers in the window (the KPI module's figures); without CSAT
// answers, NPS moved onto 0–100 ((NPS + 100) / 2).
async function surveyPart(scope: TenantScope, teamId: string, w: Window) {
  const s = await surveyScores(scope, { from: w.from, to: w.to, teamId });
  const csat = s.csat.percent;
  const nps = s.nps.score;
  const basis = csat !== null ? 'csat' : nps !== null ? 'nps' : null;
  const value = basis === 'csat' ? csat : basis === 'nps' ? round1((nps! + 100) / 2) : null;
  return { value, basis, csat, nps, answers: Math.max(s.csat.answers, s.nps.answers) } as const;
}

// score = Σ weight × part / Σ weight, over the parts that have a value (a team without plans yet is
// scored on the other two); null when none has.
export function combine(values: Record<ScorePart, number | null>, weights: TeamScoreSettings['weights']): { score: number | null; effective: Record<ScorePart, number> } {
  const present = SCORE_PARTS.filter((p) => values[p] !== null && weights[p] > 0);
  const total = present.reduce((a, p) => a + weights[p], 0);
  const effective = Object.fromEntries(SCORE_PARTS.map((p) => [p, present.includes(p) && total ? Math.round((weights[p] / total) * 1000) / 1000 : 0])) as Record<ScorePart, number>;
  return { score: total ? round1(present.reduce((a, p) => a + weights[p] * values[p]!, 0) / total) : null, effective };
}

async function scoreOf(scope: TenantScope, team: { id: string; name: string }, settings: TeamScoreSettings, at: string): Promise<TeamScore> {
  const window = { from: dayOffset(at, -(settings.windowDays - 1)), to: at };
  const [plans, trend, survey] = await Promise.all([plansPart(scope, team.id, window), trendPart(scope, team.id, window, settings.windowDays), surveyPart(scope, team.id, window)]);
  const { score, effective } = combine({ plans: plans.value, trend: trend.value, survey: survey.value }, settings.weights);
  const w = settings.weights;
  return {
    team,
    window,
    score,
    parts: {
      plans: { ...plans, weight: w.plans, effectiveWeight: effective.plans },
      trend: { ...trend, weight: w.trend, effectiveWeight: effective.trend },
      survey: { ...survey, weight: w.survey, effectiveWeight: effective.survey },
    },
  };
}

export async function teamScore(scope: TenantScope, teamId: string, at = new Date().toISOString().slice(0, 10)): Promise<TeamScore & { settings: TeamScoreSettings }> {
  const team = await scope.selectFrom('teams').select(['id', 'name']).where('id', '=', teamId).executeTakeFirst();
  if (!team) throw notFound('Team');
  const settings = await getTeamScoreSettings(scope);
  return { ...(await scoreOf(scope, team, settings, at)), settings };
}

export async function allTeamScores(scope: TenantScope, at = new Date().toISOString().slice(0, 10)): Promise<{ settings: TeamScoreSettings; items: TeamScore[] }> {
  const settings = await getTeamScoreSettings(scope);
  const teams = await scope.selectFrom('teams').select(['id', 'name']).orderBy('name').execute();
  const items: TeamScore[] = [];
  for (const team of teams) items.push(await scoreOf(scope, team, settings, at));
  return { settings, items };
}
