import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decayed, MOOD_HALF_LIFE_MS, nextMood, replayMood } from '../src/modules/emotion/mood.model.ts';

const at = (hours: number) => new Date(Date.UTC(2026, 10, 1) + hours * 3_600_000);

test('a mood fades towards neutral with the half-life while the customer is quiet', () => {
  const state = { score: -0.8, updatedAt: at(0) };
  assert.equal(decayed(state, at(0)), -0.8);
  assert.ok(Math.abs(decayed(state, new Date(at(0).getTime() + MOOD_HALF_LIFE_MS)) - -0.4) < 1e-9);
  assert.ok(Math.abs(decayed(state, new Date(at(0).getTime() + 2 * MOOD_HALF_LIFE_MS)) - -0.2) < 1e-9);
});

test('intense messages move the mood more than flat ones, and it stays within [-1, 1]', () => {
  const calm = nextMood({ score: 0, updatedAt: at(0) }, { at: at(0), valence: -1, intensity: 0, alert: false }, []);
  const intense = nextMood({ score: 0, updatedAt: at(0) }, { at: at(0), valence: -1, intensity: 1, alert: false }, []);
  assert.ok(intense.score < calm.score, `${intense.score} < ${calm.score}`);
  let state = { score: 0, updatedAt: at(0) };
  for (let i = 0; i < 20; i++) state = { score: nextMood(state, { at: at(0), valence: -1, intensity: 1, alert: true }, []).score, updatedAt: at(0) };
  assert.ok(state.score >= -1 && state.score < -0.99);
});

test('the trend compares with the mood three messages back; a low score or an alert message raises the alert', () => {
  const steps = replayMood([
    { at: at(0), valence: -0.9, intensity: 0.9, alert: true },
    { at: at(1), valence: -0.8, intensity: 0.8, alert: true },
    { at: at(2), valence: 0.6, intensity: 0.7, alert: false },
    { at: at(3), valence: 0.9, intensity: 0.8, alert: false },
    { at: at(4), valence: 0.9, intensity: 0.8, alert: false },
  ]);
  assert.deepEqual(steps.map((s) => s.trend).slice(2), ['improving', 'improving', 'improving']);
  assert.equal(steps[0]!.alert, true);
  assert.equal(steps[4]!.alert, false);
  const worse = replayMood([
    { at: at(0), valence: 0.8, intensity: 0.8, alert: false },
    { at: at(1), valence: -0.9, intensity: 0.9, alert: false },
  ]);
  assert.equal(worse[1]!.trend, 'worsening');
  assert.equal(worse[1]!.alert, false, 'one bad message after a good one is below the alert score only if it falls far');
});

test('replay sorts by time, so a late-arriving earlier message lands in its place', () => {
  const ordered = replayMood([
    { at: at(0), valence: -0.9, intensity: 0.9, alert: true },
    { at: at(5), valence: 0.9, intensity: 0.9, alert: false },
  ]);
  const shuffled = replayMood([
    { at: at(5), valence: 0.9, intensity: 0.9, alert: false },
    { at: at(0), valence: -0.9, intensity: 0.9, alert: true },
  ]);
  assert.deepEqual(shuffled, ordered);
});

test('a first message has no trend yet, however it reads', () => {
  const [first] = replayMood([{ at: at(0), valence: -0.9, intensity: 1, alert: true }]);
  assert.equal(first!.trend, 'stable');
  assert.ok(first!.score < -0.5);
});
