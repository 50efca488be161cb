export type EventHandler<P> = (payload: P) => void | Promise<void>;

export type EventBus<M extends Record<string, unknown>> = {
  publish<K extends keyof M & string>(type: K, payload: M[K]): void;
  subscribe<K extends keyof M & string>(type: K, handler: EventHandler<M[K]>): () => void;
  close(): Promise<void>;
};

type ErrorSink = (type: string, err: unknown) => void;

// In-process bus. Several server processes would back this same interface with Redis or NATS;
// modules only ever see publish/subscribe.
export function createInProcessBus<M extends Record<string, unknown>>(onError: ErrorSink): EventBus<M> {
  const handlers = new Map<string, Set<EventHandler<never>>>();
  const inFlight = new Set<Promise<void>>();
  return {
    publish(type, payload) {
      const set = handlers.get(type);
      if (!set) return;
      for (const handler of set) {
        // A failing listener must not break the publisher nor the other listeners.
        const run = Promise.resolve()
          .then(() => (handler as EventHandler<typeof payload>)(payload))
          .catch((err: unknown) => onError(type, err));
        inFlight.add(run);
        void run.finally(() => inFlight.delete(run));
      }
    },
    subscribe(type, handler) {
      let set = handlers.get(type);
      if (!set) handlers.set(type, (set = new Set()));
      set.add(handler as EventHandler<never>);
      return () => set.delete(handler as EventHandler<never>);
    },
    // Listeners still running finish before the database they write to is closed.
    async close() {
      handlers.clear();
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}
