import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInProcessBus } from '../src/platform/events/event-bus.ts';
import { createWorkspaceQueue } from '../src/platform/events/workspace-queue.ts';

type Item = { workspaceId: string; n: number };
const tick = () => new Promise((r) => setTimeout(r, 5));

test('items that arrive while a batch is written gather into the next one, per workspace, in order', async () => {
  const batches: Array<[string, number[]]> = [];
  const enqueue = createWorkspaceQueue<Item>(
    async (ws, items) => {
      batches.push([ws, items.map((i) => i.n)]);
      await tick();
    },
    { maxBatch: 3 },
  );
  const first = enqueue({ workspaceId: 'a', n: 1 });
  await new Promise((r) => setImmediate(r));
  const rest = [2, 3, 4, 5].map((n) => enqueue({ workspaceId: 'a', n }));
  const other = enqueue({ workspaceId: 'b', n: 9 });
  await Promise.all([first, ...rest, other]);
  assert.deepEqual(batches, [
    ['a', [1]],
    ['b', [9]],
    ['a', [2, 3, 4]],
    ['a', [5]],
  ]);
});

test('a failed batch is retried item by item: only the bad item fails', async () => {
  const written: number[] = [];
  const enqueue = createWorkspaceQueue<Item>(
    async (_ws, items) => {
      if (items.some((i) => i.n === 2)) throw new Error('bad item');
      written.push(...items.map((i) => i.n));
    },
    { maxBatch: 10 },
  );
  const results = await Promise.allSettled([1, 2, 3].map((n) => enqueue({ workspaceId: 'a', n })));
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.deepEqual(written, [1, 3]);
});

test('bus.close() waits until queued items are written', async () => {
  const errors: unknown[] = [];
  const bus = createInProcessBus<{ item: Item }>((_type, err) => errors.push(err));
  const written: number[] = [];
  const enqueue = createWorkspaceQueue<Item>(
    async (_ws, items) => {
      await tick();
      written.push(...items.map((i) => i.n));
    },
    { maxBatch: 2 },
  );
  bus.subscribe('item', (i) => enqueue(i));
  for (let n = 1; n <= 5; n++) bus.publish('item', { workspaceId: 'a', n });
  await bus.close();
  assert.deepEqual(written, [1, 2, 3, 4, 5]);
  assert.deepEqual(errors, []);
});

test('with a concurrency of two, a second batch starts while the first is still being written, and every item is written once', async () => {
  let inFlight = 0;
  let most = 0;
  const written: number[] = [];
  const enqueue = createWorkspaceQueue<Item>(
    async (_ws, items) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await tick();
      written.push(...items.map((i) => i.n));
      inFlight -= 1;
    },
    { maxBatch: 2, concurrency: 2 },
  );
  await Promise.all([1, 2, 3, 4, 5, 6].map((n) => enqueue({ workspaceId: 'a', n })));
  assert.equal(most, 2);
  assert.deepEqual([...written].sort(), [1, 2, 3, 4, 5, 6]);
});

test('with a pause, a lone item goes at once and items arriving under load gather into one batch', async () => {
  const batches: number[][] = [];
  const enqueue = createWorkspaceQueue<Item>(
    async (_ws, items) => {
      batches.push(items.map((i) => i.n));
      await tick();
    },
    { maxBatch: 100, pauseMs: 50 },
  );
  const started = Date.now();
  await enqueue({ workspaceId: 'a', n: 1 });
  assert.ok(Date.now() - started < 40, 'no pause for a lone item');
  const first = enqueue({ workspaceId: 'a', n: 2 });
  await new Promise((r) => setTimeout(r, 1));
  const rest = [3, 4, 5, 6].map((n) => enqueue({ workspaceId: 'a', n }));
  // Arrives during the pause: without it, it would be a batch of its own.
  await new Promise((r) => setTimeout(r, 25));
  const late = enqueue({ workspaceId: 'a', n: 7 });
  await Promise.all([first, ...rest, late]);
  // 2 arrived as batch [1] was finishing, so it waited the pause with everything after it.
  assert.deepEqual(batches, [[1], [2, 3, 4, 5, 6, 7]]);
});

test('with a pause, items trickling in one by one after a batch wait for the pause and go together', async () => {
  const batches: number[][] = [];
  const enqueue = createWorkspaceQueue<Item>(
    async (_ws, items) => {
      batches.push(items.map((i) => i.n));
    },
    { maxBatch: 100, pauseMs: 60 },
  );
  await enqueue({ workspaceId: 'a', n: 1 });
  // The batch is written and the queue is empty again; then a trickle, each one alone in the queue.
  await new Promise((r) => setTimeout(r, 10));
  const started = Date.now();
  const second = enqueue({ workspaceId: 'a', n: 2 });
  await new Promise((r) => setTimeout(r, 10));
  const third = enqueue({ workspaceId: 'a', n: 3 });
  await Promise.all([second, third]);
  assert.deepEqual(batches, [[1], [2, 3]]);
  assert.ok(Date.now() - started >= 30, 'the second waited for the rest of the pause');
  // Once the queue has been idle for a whole pause, a lone item goes at once again.
  await new Promise((r) => setTimeout(r, 80));
  const lone = Date.now();
  await enqueue({ workspaceId: 'a', n: 4 });
  assert.ok(Date.now() - lone < 30, 'no pause for an item reaching an idle queue');
  assert.deepEqual(batches, [[1], [2, 3], [4]]);
});
