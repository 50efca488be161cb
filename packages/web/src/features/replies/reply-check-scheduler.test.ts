import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { createCheckScheduler, worthChecking } from './reply-check-scheduler.ts';

beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
afterEach(() => mock.timers.reset());

const LONG = 'Gracias por escribirnos, revisamos tu caso y te respondemos pronto';
const LONGER = `${LONG} con todo detalle`;
const flush = () => new Promise<void>((r) => setImmediate(r));

function harness(answer: (text: string) => Promise<{ canned: boolean }> = async () => ({ canned: true })) {
  const asked: string[] = [];
  const results: Array<[string, { canned: boolean } | null]> = [];
  const s = createCheckScheduler(
    (text) => {
      asked.push(text);
      return answer(text);
    },
    (text, r) => results.push([text, r]),
    400,
  );
  return { s, asked, results };
}

test('only replies long enough to be judged are worth checking', () => {
  assert.equal(worthChecking('Hola, ¿qué tal?'), false);
  assert.equal(worthChecking('uno dos tres cuatro cinco'), false);
  assert.equal(worthChecking('uno dos tres cuatro cinco seis'), true);
});

test('typing asks once, after a 400 ms pause, for the latest text', async () => {
  const { s, asked, results } = harness();
  s.input(LONG);
  mock.timers.tick(200);
  s.input(LONGER);
  mock.timers.tick(399);
  assert.deepEqual(asked, []);
  mock.timers.tick(1);
  assert.deepEqual(asked, [LONGER]);
  await flush();
  assert.deepEqual(results, [[LONGER, { canned: true }]]);
});

test('short text clears the answer at once without asking', () => {
  const { s, asked, results } = harness();
  s.input('Hola Lucía');
  mock.timers.tick(1000);
  assert.deepEqual(asked, []);
  assert.deepEqual(results, [['Hola Lucía', null]]);
});

test('an answer for text that has since changed is not reported', async () => {
  let release: (v: { canned: boolean }) => void = () => undefined;
  const { s, results } = harness(() => new Promise((r) => (release = r)));
  s.input(LONG);
  mock.timers.tick(400);
  s.input('Hola');
  release({ canned: true });
  await flush();
  assert.deepEqual(results, [['Hola', null]]);
});

test('sending checks at once, and reuses the answer for unchanged text', async () => {
  const { s, asked } = harness();
  s.input(LONG);
  assert.deepEqual(await s.now(LONG), { canned: true });
  assert.deepEqual(asked, [LONG], 'the pending debounce was replaced by the immediate check');
  mock.timers.tick(1000);
  assert.deepEqual(await s.now(LONG), { canned: true });
  s.input(LONG);
  assert.deepEqual(asked, [LONG]);
});

test('a failed check never blocks sending', async () => {
  const { s } = harness(() => Promise.reject(new Error('offline')));
  assert.equal(await s.now(LONG), null);
});
