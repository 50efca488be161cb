import type { StreamEvent } from './stream-log.ts';

// expected is null until the hub has read the stream's head for its first subscriber.
type StreamOrder = { expected: number | null; held: Map<number, StreamEvent>; timer: NodeJS.Timeout | null };

// Commits of one stream happen in sequence order, but their replies can reach Node in another
// order (the row lock is released inside COMMIT, before the reply). Holding an early event for
// a moment until its predecessor arrives saves every subscriber a database read to fill the gap.
export function createReorderBuffer(dispatch: (event: StreamEvent) => void, holdMs = 100) {
  const streams = new Map<string, StreamOrder>();

  function release(order: StreamOrder): void {
    while (order.expected !== null && order.held.has(order.expected)) {
      const next = order.held.get(order.expected)!;
      order.held.delete(order.expected);
      order.expected++;
      dispatch(next);
    }
    if (order.held.size === 0 && order.timer) {
      clearTimeout(order.timer);
      order.timer = null;
    }
  }

  // The missing event never came (another node, a crashed publisher): hand the rest on in order;
  // each client then fills its gap from the database.
  function flush(order: StreamOrder): void {
    order.timer = null;
    const seqs = [...order.held.keys()].sort((a, b) => a - b);
    for (const seq of seqs) {
      const event = order.held.get(seq)!;
      order.held.delete(seq);
      order.expected = Math.max(order.expected ?? 0, seq + 1);
      dispatch(event);
    }
  }

  const orderOf = (stream: string): StreamOrder => {
    let order = streams.get(stream);
    if (!order) streams.set(stream, (order = { expected: null, held: new Map(), timer: null }));
    return order;
  };

  const hold = (order: StreamOrder, event: StreamEvent) => {
    order.held.set(event.seq, event);
    if (!order.timer) {
      order.timer = setTimeout(() => flush(order), holdMs);
      order.timer.unref();
    }
  };

  return {
    // The next sequence number to expect, known once the head has been read.
    start(stream: string, expected: number): void {
      const order = orderOf(stream);
      if (order.expected !== null) return;
      order.expected = expected;
      for (const seq of [...order.held.keys()].sort((a, b) => a - b)) {
        if (seq >= expected) break;
        dispatch(order.held.get(seq)!);
        order.held.delete(seq);
      }
      release(order);
    },
    push(event: StreamEvent): void {
      const order = orderOf(event.stream);
      if (order.expected === null) {
        hold(order, event);
      } else if (event.seq < order.expected) {
        dispatch(event); // late or repeated: clients drop what they already have
      } else if (event.seq > order.expected) {
        hold(order, event);
      } else {
        order.expected++;
        dispatch(event);
        release(order);
      }
    },
    forget(stream: string): void {
      const order = streams.get(stream);
      if (order?.timer) clearTimeout(order.timer);
      streams.delete(stream);
    },
  };
}
