import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initialSignalling, planSignal, type CallRole, type SignallingState } from './signalling-plan.ts';
import type { WireSignal } from '../../api/call-types.ts';

const run = (role: CallRole, signals: WireSignal[]) => {
  let state: SignallingState = initialSignalling();
  const steps: string[] = [];
  for (const s of signals) {
    const next = planSignal(role, state, s);
    steps.push(next.step);
    state = next.state;
  }
  return steps;
};

test('the caller offers once, on the first ready, and takes one answer', () => {
  assert.deepEqual(run('caller', [{ kind: 'ready' }, { kind: 'ready' }, { kind: 'answer', sdp: 'a' }, { kind: 'answer', sdp: 'b' }]), ['offer', 'ignore', 'receive', 'ignore']);
});

test('the callee repeats ready until an offer arrives, answers it once and ignores a second offer', () => {
  assert.deepEqual(
    run('callee', [{ kind: 'ready' }, { kind: 'offer', sdp: 'o' }, { kind: 'ready' }, { kind: 'offer', sdp: 'o2' }]),
    ['say-ready', 'answer', 'ignore', 'ignore'],
  );
});

test('ICE candidates always go to the peer connection; an answer nobody asked for is dropped', () => {
  assert.deepEqual(run('callee', [{ kind: 'ice', candidate: null }, { kind: 'answer', sdp: 'x' }]), ['receive', 'ignore']);
});

test('a caller that has not offered yet answers an offer instead of making its own (no glare)', () => {
  assert.deepEqual(run('caller', [{ kind: 'offer', sdp: 'o' }, { kind: 'ready' }]), ['answer', 'ignore']);
});
