import type { Selectable } from 'kysely';
import type { PulseRoundsTable } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { DEFAULT_PULSE_QUESTIONS, ENPS_QUESTION, MIN_GROUP, type PulseQuestion } from './pulse.schema.ts';

const DAY = 86_400_000;

type RoundRow = Selectable<PulseRoundsTable>;
export type RoundView = { id: string; title: string; enpsQuestion: typeof ENPS_QUESTION; questions: PulseQuestion[]; opensAt: string; closesAt: string; open: boolean; answered?: boolean };

const toRoundView = (r: RoundRow, now = new Date()): RoundView => ({
  id: r.id,
  title: r.title,
  enpsQuestion: ENPS_QUESTION,
  questions: r.questions as PulseQuestion[],
  opensAt: r.opens_at.toISOString(),
  closesAt: r.closes_at.toISOString(),
  open: r.opens_at <= now && r.closes_at > now,
});

export async function createRound(scope: TenantScope, actor: AuditActor, input: { title: string; questions?: PulseQuestion[]; closesAt?: string }): Promise<RoundView> {
  const closesAt = input.closesAt ? new Date(input.closesAt) : new Date(Date.now() + 14 * DAY);
  if (closesAt.getTime() <= Date.now()) throw new AppError('validation_failed', 'body.closesAt: must be in the future', [{ path: 'body.closesAt', message: 'must be in the future' }]);
  return scope.transaction(async (trx) => {
    const row = await trx
      .insertInto('pulse_rounds', { title: input.title, questions: JSON.stringify(input.questions ?? DEFAULT_PULSE_QUESTIONS), closes_at: closesAt, created_by: actor.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'pulse.round_created', targetType: 'pulse_round', targetId: row.id, details: { title: input.title } });
    return toRoundView(row);
  });
}

async function getRound(scope: TenantScope, id: string): Promise<RoundRow> {
  const row = await scope.selectFrom('pulse_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Pulse round');
  return row;
}

// Rounds, newest first, each saying whether this employee already answered (never how).
export async function listRounds(scope: TenantScope, employeeId: string | null): Promise<RoundView[]> {
  const rows = await scope.selectFrom('pulse_rounds').selectAll().orderBy('opens_at', 'desc').limit(50).execute();
  const answered = employeeId && rows.length
    ? new Set((await scope.selectFrom('pulse_participants').select('round_id').where('employee_id', '=', employeeId).where('round_id', 'in', rows.map((r) => r.id)).execute()).map((r) => r.round_id))
    : new Set<string>();
  return rows.map((r) => ({ ...toRoundView(r), answered: answered.has(r.id) }));
}

export async function roundFor(scope: TenantScope, id: string, employeeId: string | null): Promise<RoundView> {
  const row = await getRound(scope, id);
  const answered = employeeId ? await scope.selectFrom('pulse_participants').select('round_id').where('round_id', '=', id).where('employee_id', '=', employeeId).executeTakeFirst() : undefined;
  return { ...toRoundView(row), answered: Boolean(answered) };
}

// The answer is stored with the team only; the employee is recorded apart, just as having answered.
export async function answerRound(scope: TenantScope, roundId: string, employeeId: string, body: { enps: number; answers: Record<string, number> }): Promise<void> {
  await scope.transaction(async (trx) => {
    const round = await getRound(trx, roundId);
    const now = new Date();
    if (round.opens_at > now || round.closes_at <= now) throw new AppError('gone', 'This pulse round is closed');
    const questions = round.questions as PulseQuestion[];
    const ids = new Set(questions.map((q) => q.id));
    const unknown = Object.keys(body.answers).filter((k) => !ids.has(k));
    if (unknown.length) {
      const issues = unknown.map((k) => ({ path: `body.answers.${k}`, message: 'is not a question of this round' }));
      throw new AppError('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
    }
    const first = await trx
      .insertInto('pulse_participants', { round_id: roundId, employee_id: employeeId })
      .onConflict((oc) => oc.columns(['round_id', 'employee_id']).doNothing())
      .returning('round_id')
      .executeTakeFirst();
    if (!first) throw new AppError('conflict', 'You have already answered this round');
    const me = await trx.selectFrom('employees').select('team_id').where('id', '=', employeeId).executeTakeFirstOrThrow();
    await trx.insertInto('pulse_answers', { round_id: roundId, team_id: me.team_id, enps: body.enps, answers: JSON.stringify(body.answers) }).execute();
  });
}

export type GroupFigures =
  | { shown: false; reason: string }
  | {
      shown: true;
      answers: number;
      // % promoters (9–10) minus % detractors (0–6).
      enps: { promoters: number; passives: number; detractors: number; score: number };
      // Average agreement (1–5) per question, over those who answered it.
      questions: Array<{ id: string; answers: number; average: number | null }>;
    };

type AnswerRow = { team_id: string | null; enps: number; answers: Record<string, number> };

const HIDDEN_SMALL = `fewer than ${MIN_GROUP} answers: not shown, to keep answers anonymous`;
const HIDDEN_COMPLEMENT = `not shown: with the overall figures it would reveal a group of fewer than ${MIN_GROUP}`;

function figures(rows: AnswerRow[], questions: PulseQuestion[]): GroupFigures {
  if (rows.length < MIN_GROUP) return { shown: false, reason: HIDDEN_SMALL };
  const promoters = rows.filter((r) => r.enps >= 9).length;
  const detractors = rows.filter((r) => r.enps <= 6).length;
  return {
    shown: true,
    answers: rows.length,
    enps: { promoters, passives: rows.length - promoters - detractors, detractors, score: Math.round(((promoters - detractors) / rows.length) * 1000) / 10 },
    questions: questions.map((q) => {
      const values = rows.map((r) => r.answers[q.id]).filter((v): v is number => typeof v === 'number');
      return { id: q.id, answers: values.length, average: values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null };
    }),
  };
}

export type PulseResults = { minimumGroup: number; overall: GroupFigures; teams: Array<{ teamId: string | null; name: string | null } & GroupFigures> };

// Overall and per team, each only from MIN_GROUP answers. When the hidden teams together hold 1 to
// MIN_GROUP − 1 answers, the overall minus the shown teams would reveal them: the smallest shown
// teams are hidden too until that cannot happen.
export async function pulseResults(scope: TenantScope, roundId: string): Promise<PulseResults> {
  const round = await getRound(scope, roundId);
  const questions = round.questions as PulseQuestion[];
  const [rows, teams] = await Promise.all([
    scope.selectFrom('pulse_answers').select(['team_id', 'enps', 'answers']).where('round_id', '=', roundId).execute(),
    scope.selectFrom('teams').select(['id', 'name']).orderBy('name').execute(),
  ]);
  const groups = [...teams.map((t) => ({ teamId: t.id as string | null, name: t.name as string | null })), { teamId: null, name: null }].map((g) => {
    const mine = rows.filter((r) => r.team_id === g.teamId);
    return { ...g, rows: mine, figures: figures(mine, questions) };
  });
  const hiddenCount = () => groups.filter((g) => !g.figures.shown).reduce((n, g) => n + g.rows.length, 0);
  for (let hidden = hiddenCount(); hidden > 0 && hidden < MIN_GROUP; hidden = hiddenCount()) {
    const smallest = groups.filter((g) => g.figures.shown).sort((a, b) => a.rows.length - b.rows.length)[0];
    if (!smallest) break;
    smallest.figures = { shown: false, reason: HIDDEN_COMPLEMENT };
  }
  return {
    minimumGroup: MIN_GROUP,
    overall: figures(rows, questions),
    // Every team and "no team" (teamId null) are always listed, so even whether a group answered stays hidden.
    teams: groups.map((g) => ({ teamId: g.teamId, name: g.name, ...g.figures })),
  };
}
