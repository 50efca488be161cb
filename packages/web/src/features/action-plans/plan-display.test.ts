import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TeamScore } from '../../api/voice-types.ts';
import { canEditTeam, canWriteNotes, checkPlanForm, formFromTopic, scoreRows, type Viewer } from './plan-display.ts';

const admin: Viewer = { role: 'admin', employeeId: 'a', teamId: null };
const lead: Viewer = { role: 'manager', employeeId: 'm', teamId: 't1' };
const agent: Viewer = { role: 'agent', employeeId: 'g', teamId: 't1' };

test('who may edit plans and write notes', () => {
  assert.equal(canEditTeam(admin, 't2'), true);
  assert.equal(canEditTeam(lead, 't1'), true);
  assert.equal(canEditTeam(lead, 't2'), false);
  assert.equal(canEditTeam(agent, 't1'), false);
  assert.equal(canWriteNotes(agent, { team: { id: 't1', name: 'x' }, owner: { id: 'g', name: 'G' } }), true, 'the owner');
  assert.equal(canWriteNotes(agent, { team: { id: 't1', name: 'x' }, owner: { id: 'h', name: 'H' } }), false);
  assert.equal(canWriteNotes({ role: 'agent', employeeId: null, teamId: null }, { team: { id: 't1', name: 'x' }, owner: null }), false);
});

test('the plan form: required fields, a title of at most 200 characters, no past due day', () => {
  const ok = { teamId: 't1', title: 'Avisar', description: '', ownerId: 'g', dueOn: '2026-04-01', link: { type: 'kpi' as const, kpi: 'csat' as const } };
  assert.deepEqual(checkPlanForm(ok, '2026-03-15'), {});
  assert.deepEqual(checkPlanForm({ ...ok, teamId: '', title: '  ', ownerId: '', dueOn: '', link: null }, '2026-03-15'), { teamId: 'required', title: 'required', ownerId: 'required', dueOn: 'required', link: 'required' });
  assert.deepEqual(checkPlanForm({ ...ok, title: 'x'.repeat(201), dueOn: '2026-03-14' }, '2026-03-15'), { title: 'tooLong', dueOn: 'past' });
});

test('a plan from a topic is linked to it, owned by its maker, due in 30 days', () => {
  assert.deepEqual(formFromTopic({ id: 'es:entreg', label: 'entrega' }, lead, 'Actuar sobre «entrega»', '2026-03-15'), {
    teamId: 't1',
    title: 'Actuar sobre «entrega»',
    description: '',
    ownerId: 'm',
    dueOn: '2026-04-14',
    link: { type: 'topic', topicId: 'es:entreg', label: 'entrega' },
  });
});

test('score rows: each part with its share of the score now', () => {
  const part = { weight: 0, effectiveWeight: 0 };
  const score = {
    team: { id: 't1', name: 'Soporte' },
    window: { from: '2026-03-09', to: '2026-03-15' },
    score: 68,
    parts: {
      plans: { ...part, weight: 50, value: null, plans: 0, done: 0, overdue: 0 },
      trend: { ...part, weight: 30, effectiveWeight: 0.6, value: 80, previous: { from: '', to: '', mentions: 1, negative: 1, share: 100 }, current: { from: '', to: '', mentions: 1, negative: 0, share: 0 } },
      survey: { ...part, weight: 20, effectiveWeight: 0.4, value: 50, basis: 'csat', csat: 50, nps: null, answers: 2 },
    },
  } satisfies TeamScore;
  assert.deepEqual(scoreRows(score), [
    { part: 'plans', value: null, weightPercent: 0, counted: false },
    { part: 'trend', value: 80, weightPercent: 60, counted: true },
    { part: 'survey', value: 50, weightPercent: 40, counted: true },
  ]);
});
