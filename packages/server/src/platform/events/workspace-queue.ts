type Pending<T> = { item: T; done: () => void; fail: (err: unknown) => void };
type Lane<T> = { queue: Pending<T>[]; running: number };

// `concurrency`: batches of one workspace in flight at once (default 1). Two let a batch start
// while the previous one waits for its commit, when the flush keeps its own order (the message
// writer does, through row locks).
// `pauseMs`: after each batch, pause this long so what arrives meanwhile gathers into one bigger
// batch — for work that need not be immediate and costs mostly per statement. The pause follows
// every batch, not only when items are already waiting: a steady trickle that reached an empty
// queue just after each batch made one batch per trickle (a bonds statement per message batch on
// PGlite). An item reaching an idle queue still goes at once.
export type WorkspaceQueueOptions = { maxBatch: number; concurrency?: number; pauseMs?: number };

// Group commit per workspace: every workspace event queues on its stream head's row lock until
// commit, so items that arrive while a workspace's batch is being written gather into its next
// batch and share one transaction. A lone item waits only for the current I/O turn. The returned
// promise settles once the item is written, so a bus listener that returns it is awaited by
// bus.close(), which therefore drains the queue on shutdown.
export function createWorkspaceQueue<T extends { workspaceId: string }>(
  flush: (workspaceId: string, items: T[]) => Promise<void>,
  options: WorkspaceQueueOptions,
): (item: T) => Promise<void> {
  const lanes = new Map<string, Lane<T>>();
  const run = async (workspaceId: string, batch: Pending<T>[]): Promise<void> => {
    try {
      await flush(workspaceId, batch.map((p) => p.item));
      for (const p of batch) p.done();
    } catch (err) {
      if (batch.length === 1) return batch[0]!.fail(err);
      // One bad item must not sink the others: retry them one by one (each failure is reported).
      for (const p of batch) await run(workspaceId, [p]);
    }
  };
  const drain = async (workspaceId: string, lane: Lane<T>) => {
    while (lane.queue.length) {
      await run(workspaceId, lane.queue.splice(0, options.maxBatch));
      if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
    }
    lane.running -= 1;
    if (lane.running === 0 && lanes.get(workspaceId) === lane) lanes.delete(workspaceId);
  };
  const concurrency = options.concurrency ?? 1;
  return (item) =>
    new Promise<void>((done, fail) => {
      let lane = lanes.get(item.workspaceId);
      if (!lane) lanes.set(item.workspaceId, (lane = { queue: [], running: 0 }));
      lane.queue.push({ item, done, fail });
      if (lane.running >= concurrency) return;
      lane.running += 1;
      const started = lane;
      setImmediate(() => void drain(item.workspaceId, started));
    });
}
