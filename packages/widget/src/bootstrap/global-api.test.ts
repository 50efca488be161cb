import assert from 'node:assert/strict';
import { test } from 'node:test';
import { installGlobal, type VinculoApi } from './global-api.ts';

function recorder() {
  const calls: unknown[][] = [];
  const api: VinculoApi = {
    identify: async (input) => void calls.push(['identify', input]),
    open: () => void calls.push(['open']),
    close: () => void calls.push(['close']),
  };
  return { api, calls };
}

test('calls queued on a stub before the script loaded are replayed in order', () => {
  const { api, calls } = recorder();
  const identity = { userId: 'u1', userHash: 'a'.repeat(64) };
  // The function-style snippet pushes `arguments` objects; the object-style one pushes arrays.
  const args = (function (..._a: unknown[]) {
    return arguments;
  })('identify', identity);
  installGlobal({ q: [args, ['open'], ['nonsense']] }, api);
  assert.deepEqual(calls, [['identify', identity], ['open']]);
});

test('after load the global works as methods, as a function and through q.push', () => {
  const { api, calls } = recorder();
  const g = installGlobal(undefined, api);
  g.open();
  g('close');
  g.q.push(['open']);
  g('identify', { userId: 'only-id' });
  assert.deepEqual(calls, [['open'], ['close'], ['open']]);
});
