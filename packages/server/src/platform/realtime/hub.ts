import type { Kysely } from 'kysely';
import type { Database } from '../db/database.types.ts';
import { createReorderBuffer } from './reorder-buffer.ts';
import { readStreamEvents, streamHead, type StreamEvent } from './stream-log.ts';

export type HubSocket = {
  send(text: string): void;
  close(code?: number, reason?: string): void;
  readonly bufferedAmount: number;
};

type StreamState = { last: number; syncing: boolean; pending: StreamEvent[] };

export type HubClient = {
  readonly id: number;
  readonly workspaceId: string;
  readonly socket: HubSocket;
  readonly streams: Map<string, StreamState>;
};

export type Hub = ReturnType<typeof createHub>;

const CATCH_UP_PAGE = 500;
// A client this far behind is disconnected rather than buffered without bound; it resumes
// from its last sequence number when it reconnects.
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export function createHub(db: Kysely<Database>, onError: (err: unknown) => void) {
  const byStream = new Map<string, Set<HubClient>>();
  let nextId = 1;

  function send(client: HubClient, text: string): void {
    if (client.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      client.socket.close(4008, 'client too slow; resume from your last sequence number');
      return;
    }
    client.socket.send(text);
  }

  // One event goes to every subscriber: serialise it once, not once per socket.
  const frames = new WeakMap<StreamEvent, string>();
  function frameOf(e: StreamEvent): string {
    let text = frames.get(e);
    if (text === undefined) {
      text = JSON.stringify({ type: 'event', stream: e.stream, seq: e.seq, event: { type: e.type, data: e.data } });
      frames.set(e, text);
    }
    return text;
  }

  function deliverInOrder(client: HubClient, state: StreamState, event: StreamEvent): boolean {
    if (event.seq <= state.last) return true;
    if (event.seq !== state.last + 1) return false;
    send(client, frameOf(event));
    state.last = event.seq;
    return true;
  }

  // Reads what the client has not seen from the database, then drains what arrived live
  // meanwhile; duplicates are dropped by sequence number and gaps trigger another read.
  async function catchUp(client: HubClient, stream: string, state: StreamState): Promise<void> {
    state.syncing = true;
    try {
      for (;;) {
        const before = state.last;
        for (;;) {
          const page = await readStreamEvents(db, client.workspaceId, stream, state.last, CATCH_UP_PAGE);
          const first = page[0];
          if (first && first.seq > state.last + 1) {
            // Older events were pruned: tell the client to reload that range over REST.
            send(client, JSON.stringify({ type: 'reset', stream, missedAfter: state.last, resumesAt: first.seq }));
            state.last = first.seq - 1;
          }
          for (const e of page) deliverInOrder(client, state, e);
          if (page.length < CATCH_UP_PAGE) break;
        }
        const pending = state.pending.sort((a, b) => a.seq - b.seq);
        state.pending = [];
        let gap = false;
        for (const e of pending) {
          if (!deliverInOrder(client, state, e)) gap = true;
        }
        if (!gap && state.pending.length === 0) break;
        state.pending.push(...pending.filter((e) => e.seq > state.last));
        // Nothing new was readable: keep the rest pending until the next event retriggers a read.
        if (state.last === before) break;
      }
    } finally {
      state.syncing = false;
    }
  }

  function dispatch(event: StreamEvent): void {
    const set = byStream.get(event.stream);
    if (!set) return;
    for (const client of set) {
      const state = client.streams.get(event.stream);
      if (!state) continue;
      if (state.syncing) {
        state.pending.push(event);
      } else if (!deliverInOrder(client, state, event)) {
        state.pending.push(event);
        catchUp(client, event.stream, state).catch(onError);
      }
    }
  }

  const order = createReorderBuffer(dispatch);

  return {
    register(workspaceId: string, socket: HubSocket): HubClient {
      return { id: nextId++, workspaceId, socket, streams: new Map() };
    },

    async subscribe(client: HubClient, stream: string, since?: number): Promise<number> {
      if (client.streams.has(stream)) return client.streams.get(stream)!.last;
      const state: StreamState = { last: 0, syncing: true, pending: [] };
      client.streams.set(stream, state);
      let set = byStream.get(stream);
      if (!set) byStream.set(stream, (set = new Set()));
      set.add(client);
      const head = await streamHead(db, client.workspaceId, stream);
      order.start(stream, head + 1);
      // A number from the future (another database, a bug) would hide every event: clamp it.
      state.last = since === undefined ? head : Math.min(since, head);
      await catchUp(client, stream, state);
      return state.last;
    },

    unregister(client: HubClient): void {
      for (const stream of client.streams.keys()) {
        const set = byStream.get(stream);
        set?.delete(client);
        if (set && set.size === 0) {
          byStream.delete(stream);
          order.forget(stream);
        }
      }
      client.streams.clear();
    },

    publish(events: StreamEvent[]): void {
      for (const event of events) if (byStream.has(event.stream)) order.push(event);
    },

    // Typing and presence: not stored, not sequenced, best effort.
    publishEphemeral(stream: string, data: Record<string, unknown>, exceptClientId?: number): void {
      const set = byStream.get(stream);
      if (!set) return;
      const text = JSON.stringify({ type: 'ephemeral', stream, data });
      for (const client of set) if (client.id !== exceptClientId) send(client, text);
    },

    clientCount(): number {
      const all = new Set<HubClient>();
      for (const set of byStream.values()) for (const c of set) all.add(c);
      return all.size;
    },
  };
}
