import type { AppContext } from '../../platform/context.ts';
import type { MessageEventPayload } from '../../platform/events/domain-events.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { getCustomer } from '../customers/customer.service.ts';
import { indexReplies } from './reply-similarity.service.ts';
import { recordSnippetUse } from './snippet.service.ts';

const MAX_BATCH = 500;

type Pending = { item: MessageEventPayload; done: () => void; fail: (err: unknown) => void };

// Group commit: while one batch is being written the next one gathers, so a burst of replies costs a
// few statements instead of a few per reply, and a lone reply waits for nothing.
export function createBatcher(flush: (items: MessageEventPayload[]) => Promise<void>) {
  let queue: Pending[] = [];
  let running = false;
  const run = async (batch: Pending[]) => {
    try {
      await flush(batch.map((p) => p.item));
      for (const p of batch) p.done();
    } catch (err) {
      if (batch.length === 1) return batch[0]!.fail(err);
      // One bad reply must not sink the others: retry them one by one.
      for (const p of batch) await run([p]);
    }
  };
  const drain = async () => {
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      await run(batch);
    }
    running = false;
  };
  return (item: MessageEventPayload) =>
    new Promise<void>((done, fail) => {
      queue.push({ item, done, fail });
      if (running) return;
      running = true;
      queueMicrotask(() => void drain());
    });
}

async function indexWorkspace(ctx: AppContext, workspaceId: string, sent: MessageEventPayload[]): Promise<void> {
  const scope = tenantScope(ctx.db, workspaceId);
  const customerIds = [...new Set(sent.map((m) => m.customerId))];
  const names = new Map(await Promise.all(customerIds.map(async (id) => [id, await getCustomer(scope, id).then((c) => c.name, () => null)] as const)));
  await indexReplies(
    scope,
    sent.map((m) => ({
      messageId: m.messageId,
      employeeId: m.authorId as string,
      customerId: m.customerId,
      customerName: names.get(m.customerId) ?? null,
      conversationId: m.conversationId,
      text: m.text,
      sentAt: new Date(m.createdAt),
    })),
  );
  for (const m of sent) {
    if (m.snippetId) {
      await recordSnippetUse(scope, { messageId: m.messageId, snippetId: m.snippetId, employeeId: m.authorId as string, conversationId: m.conversationId, text: m.text });
    }
  }
}

// Every reply an employee sends is fingerprinted (and judged against earlier ones) once committed;
// integrations' and automatic messages are not an employee's words and are left out.
export function registerRepliesListeners(ctx: AppContext): void {
  const enqueue = createBatcher(async (items) => {
    const byWorkspace = new Map<string, MessageEventPayload[]>();
    for (const m of items) byWorkspace.set(m.workspaceId, [...(byWorkspace.get(m.workspaceId) ?? []), m]);
    for (const [workspaceId, sent] of byWorkspace) await indexWorkspace(ctx, workspaceId, sent);
  });
  ctx.bus.subscribe('message.sent', (m) => {
    if (m.authorType !== 'employee' || !m.authorId) return;
    return enqueue(m);
  });
}
