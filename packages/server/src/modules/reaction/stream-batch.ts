import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { appendStreamEvents, type NewStreamEvent } from '../../platform/realtime/stream-log.ts';

type Pending = { workspaceId: string; events: NewStreamEvent[]; done: () => void; fail: (err: unknown) => void };
type Batcher = { queue: Pending[]; running: boolean };
const batchers = new WeakMap<Db, Batcher>();

// Every event of a workspace queues on its stream head's row lock until commit, and each message
// already takes it twice (message, mood). Suggestions' events are appended in groups: while one
// append commits, the next ones gather, so under load many share one lock and one commit, and
// alone an event goes at once. Used after the suggestion rows have committed.
export function appendSoon(ctx: Pick<AppContext, 'db' | 'bus'>, workspaceId: string, events: NewStreamEvent[]): Promise<void> {
  let b = batchers.get(ctx.db);
  if (!b) batchers.set(ctx.db, (b = { queue: [], running: false }));
  const batcher = b;
  return new Promise<void>((done, fail) => {
    batcher.queue.push({ workspaceId, events, done, fail });
    if (batcher.running) return;
    batcher.running = true;
    void (async () => {
      while (batcher.queue.length) {
        const batch = batcher.queue.splice(0, 200);
        const byWorkspace = new Map<string, Pending[]>();
        for (const p of batch) {
          const list = byWorkspace.get(p.workspaceId);
          if (list) list.push(p);
          else byWorkspace.set(p.workspaceId, [p]);
        }
        for (const [ws, list] of byWorkspace) {
          try {
            const appended = await ctx.db.transaction().execute((trx) => appendStreamEvents(trx, ws, list.flatMap((p) => p.events)));
            ctx.bus.publish('stream.appended', { workspaceId: ws, events: appended });
            for (const p of list) p.done();
          } catch (err) {
            for (const p of list) p.fail(err);
          }
        }
      }
      batcher.running = false;
    })();
  });
}
